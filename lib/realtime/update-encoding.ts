import { fromBase64, toBase64 } from 'lib0/buffer';

// Yjs document and awareness updates travel as base64 text on the busiest events (doc:update, doc:updated,
// awareness:update, awareness:updated). socket.io sends a message that carries binary as two WebSocket frames (a
// JSON placeholder, then the bytes) and the receiver reassembles them; as text it is one frame. For updates of a
// few dozen bytes, a third more bytes costs far less than twice the frames (each a system call at both ends).

export function encodeUpdate(bytes: Uint8Array): string {
  return toBase64(bytes);
}

export function decodeUpdate(text: string): Uint8Array {
  return fromBase64(text);
}
