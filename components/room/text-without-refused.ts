import * as Y from 'yjs';

// Yjs cannot take an update back out of a document. When the server refuses one for good, the editor starts over
// from the server's copy and re-types, as plain text, what the person meant: their copy minus what the refused
// updates inserted, with what those updates deleted put back (the server still has that text).

interface IdRanges {
  has(client: number, clock: number): boolean;
}

/** The clock ranges the refused updates inserted, per client. */
function insertedRanges(updates: Uint8Array[]): IdRanges {
  const ranges = new Map<number, [number, number][]>();
  for (const update of updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const list = ranges.get(struct.id.client) ?? [];
      list.push([struct.id.clock, struct.id.clock + struct.length]);
      ranges.set(struct.id.client, list);
    }
  }
  return { has: (client, clock) => (ranges.get(client) ?? []).some(([start, end]) => clock >= start && clock < end) };
}

/** The ids the refused updates deleted. */
function deletedRanges(updates: Uint8Array[]): IdRanges {
  const sets = updates.map((update) => Y.decodeUpdate(update).ds);
  return { has: (client, clock) => sets.some((ds) => Y.isDeleted(ds, Y.createID(client, clock))) };
}

/** Every live character of a text by its id (client, clock), to look up what a refused update deleted. */
function charactersById(text: Y.Text): (client: number, clock: number) => string | undefined {
  const byClient = new Map<number, { clock: number; str: string }[]>();
  for (let item = text._start; item !== null; item = item.right as Y.Item | null) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const list = byClient.get(item.id.client) ?? [];
    list.push({ clock: item.id.clock, str: item.content.str });
    byClient.set(item.id.client, list);
  }
  return (client, clock) => {
    const piece = byClient.get(client)?.find((entry) => clock >= entry.clock && clock < entry.clock + entry.str.length);
    return piece?.str[clock - piece.clock];
  };
}

/**
 * The text `local` would have without the `refused` updates: what they inserted is left out, what they deleted is
 * taken back from `server` (the server's copy, which never saw the deletion). Everything else, the other person's
 * edits and this person's own edits before and after the refusal, is kept. `caret`, an index into `local`'s text,
 * comes back as the same place in the result (what was taken out before it no longer counts).
 */
export function textWithoutRefused(local: Y.Text, refused: Uint8Array[], server: Y.Text, caret = 0): { text: string; caret: number } {
  const inserted = insertedRanges(refused);
  const deleted = deletedRanges(refused);
  const serverCharacter = charactersById(server);
  let result = '';
  let localIndex = 0;
  let mappedCaret: number | null = null;
  for (let item = local._start; item !== null; item = item.right as Y.Item | null) {
    if (!item.countable) continue;
    const { client, clock } = item.id;
    const str = !item.deleted && item.content instanceof Y.ContentString ? item.content.str : null;
    for (let offset = 0; offset < item.length; offset += 1) {
      if (!item.deleted) {
        if (localIndex === caret) mappedCaret ??= result.length;
        localIndex += 1;
      }
      if (inserted.has(client, clock + offset)) continue;
      if (str !== null) result += str[offset];
      else if (deleted.has(client, clock + offset)) result += serverCharacter(client, clock + offset) ?? '';
    }
  }
  return { text: result, caret: mappedCaret ?? result.length };
}
