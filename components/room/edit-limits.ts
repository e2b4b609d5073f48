import type { DocumentLimits } from '@/lib/realtime/socket-events';

// What the editor refuses before sending, and how it says so. The server measures an update in bytes before its
// base64 encoding (SOCKET_MAX_MESSAGE_BYTES), so that is the limit on text a person can add at once, less room
// for the Yjs framing around it.

/** Room, in one update, for the ids, origins and lengths around the inserted text and a few merged keystrokes. */
export const UPDATE_FRAMING_BYTES = 1_024;

const utf8 = new TextEncoder();

/** How many bytes `text` takes in a Yjs update (Yjs stores strings as UTF-8). */
export function utf8ByteLength(text: string): number {
  return utf8.encode(text).byteLength;
}

/**
 * `text` cut into consecutive pieces of at most `maxBytes` UTF-8 bytes each, never inside a character (a surrogate
 * pair stays whole), so each piece can travel as an update of its own.
 */
export function splitByUtf8Bytes(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint > 0xffff ? 4 : 3;
    if (bytes + size > maxBytes && index > start) {
      pieces.push(text.slice(start, index));
      start = index;
      bytes = 0;
    }
    bytes += size;
    index += units;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function kilobytes(bytes: number, round: (value: number) => number = Math.floor): string {
  return `${round(bytes / 1024).toLocaleString('en-US')} KB`;
}

/** The most text one paste or edit may add. */
export function maxInsertBytes(limits: DocumentLimits): number {
  return Math.max(0, limits.maxUpdateBytes - UPDATE_FRAMING_BYTES);
}

export function tooLargeMessage(limits: DocumentLimits, insertedBytes: number): string {
  return (
    `That is too much text to add at once: the shared editor takes at most ${kilobytes(maxInsertBytes(limits))} in one paste, ` +
    `and this was ${kilobytes(insertedBytes, Math.ceil)}. Nothing was added. Paste it in smaller parts.`
  );
}

export function documentFullMessage(limits: DocumentLimits): string {
  return `The document is full: it can hold at most ${kilobytes(limits.maxDocumentBytes)}, edit history included. Nothing was added.`;
}

/**
 * Why an edit adding `insertedBytes` to a document of `documentBytes` would be refused by the server, in words a
 * candidate understands; null when it fits.
 */
export function editRefusal(limits: DocumentLimits, documentBytes: number, insertedBytes: number): string | null {
  if (insertedBytes > maxInsertBytes(limits)) return tooLargeMessage(limits, insertedBytes);
  if (insertedBytes > 0 && documentBytes + insertedBytes + UPDATE_FRAMING_BYTES > limits.maxDocumentBytes) return documentFullMessage(limits);
  return null;
}
