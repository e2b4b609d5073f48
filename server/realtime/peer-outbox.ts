// What this node tells the other nodes about its documents, gathered for one turn of the event loop and sent as
// one message. Every keystroke carries an update and usually a cursor move; published one by one, each was a
// write to Redis on this node, a read on every other node and two PUBLISHes for Redis itself. Under load a turn
// handles hundreds of keystrokes, so one message per turn makes the cost per keystroke all but vanish.

/** One document's news: an update, a cursor change, or both (a keystroke's cursor rides with its edit). */
export interface PeerRelay {
  documentId: string;
  /** Yjs update, base64. */
  update?: string;
  /** y-protocols awareness update, base64; applied after `update`. */
  awareness?: string;
}

/** Keeps each message to Redis a few hundred kilobytes at most, however much one turn gathered. */
export const MAX_RELAYS_PER_MESSAGE = 500;

export class PeerOutbox {
  private relays: PeerRelay[] = [];
  private isFlushScheduled = false;

  constructor(private readonly send: (relays: PeerRelay[]) => void) {}

  addUpdate(documentId: string, update: string): void {
    this.relays.push({ documentId, update });
    this.scheduleFlush();
  }

  /** Joins the update just added for the same document (the keystroke it moved the cursor for), if any. */
  addAwareness(documentId: string, awareness: string): void {
    const last = this.relays.at(-1);
    if (last && last.documentId === documentId && last.update !== undefined && last.awareness === undefined) last.awareness = awareness;
    else this.relays.push({ documentId, awareness });
    this.scheduleFlush();
  }

  /** Sends what is gathered now (also what the scheduled flush calls). */
  flush(): void {
    const relays = this.relays;
    this.relays = [];
    for (let start = 0; start < relays.length; start += MAX_RELAYS_PER_MESSAGE) this.send(relays.slice(start, start + MAX_RELAYS_PER_MESSAGE));
  }

  private scheduleFlush(): void {
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    // setImmediate runs after the poll phase: every socket read in this turn has added its relays by then.
    setImmediate(() => {
      this.isFlushScheduled = false;
      this.flush();
    });
  }
}
