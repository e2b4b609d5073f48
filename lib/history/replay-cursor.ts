import * as Y from 'yjs';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';

// Replays a document from its update log: the text after any number of the logged updates, and who wrote
// each stretch of it. Pure (no I/O), so the browser's player and the tests share it.

export interface ReplayStep {
  /** Wall-clock time the server logged the update (ms since epoch). */
  at: number;
  /** Who sent it (null for updates with no known author). */
  userId: string | null;
  update: Uint8Array;
}

export interface AuthoredSpan {
  text: string;
  userId: string | null;
}

/** Rebuilding from the start is cheap, but not for every scrub: keep a checkpoint every this many steps. */
const CHECKPOINT_EVERY = 200;

export class ReplayCursor {
  private doc = new Y.Doc();
  private applied = 0;
  private readonly checkpoints = new Map<number, Uint8Array>();
  /** Yjs client id → the user whose updates carried it: how characters are attributed. */
  private readonly authorOfClient = new Map<number, string | null>();

  constructor(readonly steps: readonly ReplayStep[]) {
    for (const step of steps) {
      for (const struct of Y.decodeUpdate(step.update).structs) {
        if (!this.authorOfClient.has(struct.id.client)) this.authorOfClient.set(struct.id.client, step.userId);
      }
    }
  }

  /** How many steps are applied: 0 is the empty document, steps.length the final one. */
  get position(): number {
    return this.applied;
  }

  /** Moves to the state after the first `count` steps (clamped), forwards by applying, backwards from a checkpoint. */
  seek(count: number): void {
    const target = Math.max(0, Math.min(this.steps.length, Math.floor(count)));
    if (target < this.applied) this.restoreCheckpointAtOrBefore(target);
    while (this.applied < target) {
      Y.applyUpdate(this.doc, this.steps[this.applied]!.update);
      this.applied += 1;
      if (this.applied % CHECKPOINT_EVERY === 0 && !this.checkpoints.has(this.applied)) {
        this.checkpoints.set(this.applied, Y.encodeStateAsUpdate(this.doc));
      }
    }
  }

  text(): string {
    return this.doc.getText(CONTENT_TEXT_NAME).toString();
  }

  /** The visible text as consecutive stretches by author (adjacent stretches by one author merged). */
  authoredSpans(): AuthoredSpan[] {
    const spans: AuthoredSpan[] = [];
    // Yjs exposes its item list only through these fields; they have been stable across the 13.x line.
    let item = this.doc.getText(CONTENT_TEXT_NAME)._start;
    while (item) {
      if (!item.deleted && item.content instanceof Y.ContentString) {
        const userId = this.authorOfClient.get(item.id.client) ?? null;
        const last = spans.at(-1);
        if (last && last.userId === userId) last.text += item.content.str;
        else spans.push({ text: item.content.str, userId });
      }
      item = item.right;
    }
    return spans;
  }

  private restoreCheckpointAtOrBefore(target: number): void {
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.applied = 0;
    const at = Math.floor(target / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    const checkpoint = at > 0 ? this.checkpoints.get(at) : undefined;
    if (checkpoint) {
      Y.applyUpdate(this.doc, checkpoint);
      this.applied = at;
    }
  }
}
