import * as Y from 'yjs';
import { AppError } from '@/lib/errors';

// Y.decodeUpdate stops reading once it has the structs and the delete set: bytes after them are ignored, and an
// update that carries neither (`00 00`) decodes fine. Neither is worth a row in the log. The decoder below is
// Yjs's own, subclassed only to see how far it read.

class MeasuredDecoder extends Y.UpdateDecoderV1 {
  static last: MeasuredDecoder | null = null;

  constructor(decoder: ConstructorParameters<typeof Y.UpdateDecoderV1>[0]) {
    super(decoder);
    MeasuredDecoder.last = this;
  }
}

/** Throws INVALID_INPUT unless `update` is exactly one Yjs (v1) update that changes something. */
export function assertStorableUpdate(update: Uint8Array): void {
  let structCount: number;
  let deletedClients: number;
  let unreadBytes: number;
  try {
    const { structs, ds } = Y.decodeUpdateV2(update, MeasuredDecoder);
    const decoder = MeasuredDecoder.last!.restDecoder;
    structCount = structs.length;
    deletedClients = ds.clients.size;
    unreadBytes = update.byteLength - decoder.pos;
  } catch {
    throw new AppError('INVALID_INPUT', 'That is not a valid document update.');
  } finally {
    MeasuredDecoder.last = null;
  }
  if (unreadBytes !== 0) throw new AppError('INVALID_INPUT', 'That is not a valid document update (bytes left over after it).');
  if (structCount === 0 && deletedClients === 0) throw new AppError('INVALID_INPUT', 'That document update changes nothing.');
}
