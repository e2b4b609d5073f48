import { fromBase64, toBase64 } from 'lib0/buffer';

// The one base64 codec for Yjs bytes (updates, state vectors, awareness), wherever they travel as text: every
// socket event, node to node, into PostgreSQL's batch insert, and the history replay. lib0's, which is Buffer on
// Node and atob/btoa in the browser.
//
// On the socket they travel as text because socket.io sends a message that carries binary as two WebSocket
// frames (a JSON placeholder, then the bytes) and the receiver reassembles them; as text it is one frame. For
// updates of a few dozen bytes, a third more bytes costs far less than twice the frames (each a system call at
// both ends).

export function encodeUpdate(bytes: Uint8Array): string {
  return toBase64(bytes);
}

export function decodeUpdate(text: string): Uint8Array {
  return fromBase64(text);
}
