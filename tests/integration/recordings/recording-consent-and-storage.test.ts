import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import type { RecordingView } from '@/lib/recordings/recording-view';
import { MAX_CHUNK_BYTES } from '@/lib/recordings/recording-limits';
import { createSessionWithCandidate, type SeededSession } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { eventually, type RoomClient } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';

// Recording with consent over real sockets and a real server: who may ask and answer, what gets stored, that a
// resend is harmless, the limits, deletion, and who may hear a track over HTTP.

const live = withLiveTestServer();

interface Room {
  seeded: SeededSession;
  interviewer: RoomClient;
  candidate: RoomClient;
}

async function joinedRoom(): Promise<Room> {
  const seeded = await createSessionWithCandidate(live.db);
  const interviewer = await live.connect(seeded.interviewer);
  const candidate = await live.connect(seeded.candidate);
  await interviewer.data('session:join', { sessionId: seeded.sessionId });
  await candidate.data('session:join', { sessionId: seeded.sessionId });
  return { seeded, interviewer, candidate };
}

/** Asks as the interviewer and consents as the candidate: a running recording of both. */
async function runningRecording({ seeded, interviewer, candidate }: Room): Promise<RecordingView> {
  const asked = await interviewer.data<RecordingView>('recording:request', { sessionId: seeded.sessionId });
  expect(asked.status).toBe('ASKING');
  return candidate.data<RecordingView>('recording:consent', { sessionId: seeded.sessionId, recordingId: asked.id, isConsenting: true });
}

function chunk(sessionId: string, recordingId: string, trackId: string, sequence: number, bytes = Buffer.from(`opus-${sequence}`)) {
  const trackStartedAt = 1_800_000_000_000;
  return {
    sessionId,
    recordingId,
    trackId,
    sequence,
    trackStartedAt,
    trackRoundElapsedMs: 1_000,
    recordedAt: trackStartedAt + (sequence + 1) * 5_000,
    roundElapsedMs: 1_000 + (sequence + 1) * 5_000,
    data: bytes.toString('base64'),
  };
}

describe('recording with consent', () => {
  it('starts only once everyone present consented, tells the whole session, and stores both voices', async () => {
    const room = await joinedRoom();
    const { seeded, interviewer, candidate } = room;
    const asked = await interviewer.data<RecordingView>('recording:request', { sessionId: seeded.sessionId });
    expect(asked.participants.map((participant) => participant.answer).sort()).toEqual(['PENDING', 'YES']);
    await eventually(candidate, () => candidate.eventsOf('recording:changed').length > 0, 'the candidate hears the ask');

    // Nothing may be sent before every answer is in.
    const early = await interviewer.request('recording:chunk', chunk(seeded.sessionId, asked.id, `early-${asked.id}`, 0));
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT' });

    const running = await candidate.data<RecordingView>('recording:consent', { sessionId: seeded.sessionId, recordingId: asked.id, isConsenting: true });
    expect(running.status).toBe('RECORDING');
    await eventually(interviewer, () => interviewer.eventsOf('recording:changed').some((event) => (event as { recording: RecordingView }).recording.status === 'RECORDING'));

    for (const [client, name] of [[interviewer, 'ivy'], [candidate, 'cam']] as const) {
      for (const sequence of [0, 1, 2]) {
        expect(await client.data('recording:chunk', chunk(seeded.sessionId, asked.id, `${name}-${asked.id}`, sequence))).toEqual({ sequence, isDuplicate: false });
      }
    }
    const stored = await live.db.recordingChunk.findMany({ where: { track: { recordingId: asked.id } }, select: { sequence: true, data: true, track: { select: { userId: true } } } });
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((row) => row.track.userId))).toEqual(new Set([seeded.interviewer.id, seeded.candidate.id]));
    expect(Buffer.from(stored.find((row) => row.sequence === 2)!.data).toString()).toBe('opus-2');

    const stopped = await candidate.data<RecordingView>('recording:stop', { sessionId: seeded.sessionId, recordingId: asked.id });
    expect(stopped.status).toBe('STOPPED');
    // The recorder's last slice arrives after the stop: still stored.
    expect(await interviewer.data('recording:chunk', chunk(seeded.sessionId, asked.id, `ivy-${asked.id}`, 3))).toEqual({ sequence: 3, isDuplicate: false });
  });

  it('declines the whole ask on one "no", and refuses chunks from a member who did not consent and from a stranger', async () => {
    const room = await joinedRoom();
    const { seeded, interviewer, candidate } = room;
    const asked = await interviewer.data<RecordingView>('recording:request', { sessionId: seeded.sessionId });
    const declined = await candidate.data<RecordingView>('recording:consent', { sessionId: seeded.sessionId, recordingId: asked.id, isConsenting: false });
    expect(declined.status).toBe('DECLINED');
    expect(await interviewer.request('recording:chunk', chunk(seeded.sessionId, asked.id, `ivy-${asked.id}`, 0))).toMatchObject({ ok: false, code: 'CONFLICT' });

    // A new ask: the candidate sends without having said yes.
    const again = await interviewer.data<RecordingView>('recording:request', { sessionId: seeded.sessionId });
    expect(again.id).not.toBe(asked.id);
    expect(await candidate.request('recording:chunk', chunk(seeded.sessionId, again.id, `cam-${again.id}`, 0))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Only who runs the session may ask.
    expect(await candidate.request('recording:request', { sessionId: seeded.sessionId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const strangerInput = buildSignUpInput({ name: 'Sam Stranger' });
    await registerUser(live.db, strangerInput);
    const stranger = await live.connect(strangerInput);
    expect(await stranger.request('session:join', { sessionId: seeded.sessionId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    for (const [event, payload] of [
      ['recording:consent', { sessionId: seeded.sessionId, recordingId: again.id, isConsenting: true }],
      ['recording:chunk', chunk(seeded.sessionId, again.id, `sam-${again.id}`, 0)],
      ['recording:stop', { sessionId: seeded.sessionId, recordingId: again.id }],
      ['recording:get', { sessionId: seeded.sessionId }],
    ] as const) {
      expect(await stranger.request(event, payload)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(stranger.eventsOf('recording:changed')).toEqual([]);
    expect(await live.db.recordingTrack.count({ where: { recording: { sessionId: seeded.sessionId } } })).toBe(0);
  });

  it('answers a resent chunk as a duplicate and stores it once', async () => {
    const room = await joinedRoom();
    const recording = await runningRecording(room);
    const sent = chunk(room.seeded.sessionId, recording.id, `cam-${recording.id}`, 0);
    expect(await room.candidate.data('recording:chunk', sent)).toEqual({ sequence: 0, isDuplicate: false });
    expect(await room.candidate.data('recording:chunk', sent)).toEqual({ sequence: 0, isDuplicate: true });
    expect(await live.db.recordingChunk.count({ where: { trackId: sent.trackId } })).toBe(1);
    // Another member cannot write into someone else's track.
    expect(await room.interviewer.request('recording:chunk', { ...sent, sequence: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a chunk over the size limit with a message that says so', async () => {
    const room = await joinedRoom();
    const recording = await runningRecording(room);
    const tooLarge = chunk(room.seeded.sessionId, recording.id, `cam-${recording.id}`, 0, Buffer.alloc(MAX_CHUNK_BYTES + 1, 7));
    const refused = await room.candidate.request('recording:chunk', tooLarge);
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(refused.ok ? '' : refused.message).toMatch(/larger than/);
    expect(await live.db.recordingChunk.count({ where: { trackId: tooLarge.trackId } })).toBe(0);
  });

  it('deletes a participant\'s own voice on request, and every recording with its session', async () => {
    const room = await joinedRoom();
    const recording = await runningRecording(room);
    const { sessionId } = room.seeded;
    await room.interviewer.data('recording:chunk', chunk(sessionId, recording.id, `ivy-${recording.id}`, 0));
    await room.candidate.data('recording:chunk', chunk(sessionId, recording.id, `cam-${recording.id}`, 0));
    expect(await room.candidate.data('recording:delete-mine', { sessionId, recordingId: recording.id })).toEqual({ deletedTracks: 1 });
    const left = await live.db.recordingTrack.findMany({ where: { recordingId: recording.id }, select: { userId: true } });
    expect(left.map((track) => track.userId)).toEqual([room.seeded.interviewer.id]);

    await live.db.interviewSession.delete({ where: { id: sessionId } });
    expect(await live.db.recording.count({ where: { id: recording.id } })).toBe(0);
    expect(await live.db.recordingChunk.count({ where: { trackId: `ivy-${recording.id}` } })).toBe(0);
  });

  it('lets the interviewer hear a track at once, the candidate only after feedback is published, a stranger never', async () => {
    const room = await joinedRoom();
    const recording = await runningRecording(room);
    const { sessionId } = room.seeded;
    const trackId = `ivy-${recording.id}`;
    for (const sequence of [0, 1]) await room.interviewer.data('recording:chunk', chunk(sessionId, recording.id, trackId, sequence));
    const url = `/api/recordings/tracks/${trackId}`;

    const interviewerHttp = await live.signIn(room.seeded.interviewer);
    const heard = await interviewerHttp.fetch(url);
    expect(heard.status).toBe(200);
    expect(heard.headers.get('content-type')).toBe('audio/webm');
    expect(await heard.text()).toBe('opus-0opus-1');
    const ranged = await interviewerHttp.fetch(url, { headers: { range: 'bytes=6-' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 6-11/12');
    expect(await ranged.text()).toBe('opus-1');

    const candidateHttp = await live.signIn(room.seeded.candidate);
    expect((await candidateHttp.fetch(url)).status).toBe(403);
    // Published (as lib/scorecards/feedback-release.ts records it): now the candidate may hear it.
    await live.db.feedbackRelease.create({ data: { sessionId, interviewerId: room.seeded.interviewer.id } });
    expect((await candidateHttp.fetch(url)).status).toBe(200);

    const strangerInput = buildSignUpInput({ name: 'Sam Stranger' });
    await registerUser(live.db, strangerInput);
    expect((await (await live.signIn(strangerInput)).fetch(url)).status).toBe(404);
    expect((await (await live.signIn(strangerInput)).fetch(url, { method: 'DELETE' })).status).toBe(404);
    // Not the candidate's voice to delete; the interviewer's own is.
    expect((await candidateHttp.fetch(url, { method: 'DELETE' })).status).toBe(404);
    expect((await interviewerHttp.fetch(url, { method: 'DELETE' })).status).toBe(200);
    expect(await live.db.recordingTrack.count({ where: { id: trackId } })).toBe(0);
  });
});
