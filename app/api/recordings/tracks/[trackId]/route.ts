import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { httpStatusOf, isAppError, toPublicError } from '@/lib/errors';
import { deleteOwnTrackRecording, getTrackAudio } from '@/lib/recordings/get-track-audio';

export const dynamic = 'force-dynamic';

interface TrackRouteContext {
  params: Promise<{ trackId: string }>;
}

// One participant's recorded voice, for the report's replay. Range requests are answered (206), so the browser
// can seek in a WebM file that MediaRecorder wrote without a cue index.

export async function GET(request: Request, { params }: TrackRouteContext) {
  const user = await getCurrentUser();
  if (!user) return refusal(401, 'Sign in to hear this recording.');
  const { trackId } = await params;
  let audio: Uint8Array;
  try {
    audio = await getTrackAudio(getDb(), trackId, user.id);
  } catch (error) {
    return fromError(error);
  }
  const headers = { 'content-type': 'audio/webm', 'accept-ranges': 'bytes', 'cache-control': 'private, no-store' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
  if (!range || (range[1] === '' && range[2] === '')) return new Response(Buffer.from(audio), { headers: { ...headers, 'content-length': String(audio.byteLength) } });
  const size = audio.byteLength;
  const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  const end = range[1] !== '' && range[2] !== '' ? Math.min(size - 1, Number(range[2])) : size - 1;
  if (start >= size || start > end) return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  return new Response(Buffer.from(audio.subarray(start, end + 1)), {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
  });
}

/** The caller deletes their own voice from the recording this track belongs to. */
export async function DELETE(_request: Request, { params }: TrackRouteContext) {
  const user = await getCurrentUser();
  if (!user) return refusal(401, 'Sign in first.');
  const { trackId } = await params;
  try {
    return Response.json(await deleteOwnTrackRecording(getDb(), trackId, user.id));
  } catch (error) {
    return fromError(error);
  }
}

function fromError(error: unknown): Response {
  if (!isAppError(error)) throw error;
  return refusal(httpStatusOf(error.code), toPublicError(error).message);
}

function refusal(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}
