// How much audio one session may store. Opus from MediaRecorder runs at about 24-32 kbit/s for speech, so a
// participant fills about 11-14 MB an hour; a 5 s timeslice is about 15-20 KB.

/** One chunk (a timeslice of up to ~30 s even at a generous bitrate); a larger one is not a speech chunk. */
export const MAX_CHUNK_BYTES = 192 * 1024;
/** One participant, one session, in any hour: about three times what Opus speech needs. */
export const MAX_PARTICIPANT_BYTES_PER_HOUR = 48 * 1024 * 1024;
/** Every recording of one session together: four participants for four hours, with room to spare. */
export const MAX_SESSION_BYTES = 256 * 1024 * 1024;
/** After a stop, chunks still in flight (the recorder's last slice, resends after a reconnect) are accepted for this long. */
export const RESEND_WINDOW_MS = 10 * 60 * 1000;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
