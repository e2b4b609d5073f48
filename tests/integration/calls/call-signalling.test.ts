import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import type { CallJoined } from '@/lib/calls/call-types';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { eventually, type RoomClient } from '../../support/room-client';

// The call's signalling over real sockets against the production server: who may enter a session's call, what
// is relayed to whom, and what the others learn when someone leaves or drops. The server is configured with a
// STUN and a TURN server, so the join's ICE servers (and their coturn credentials) are checked here too.

const TURN_SECRET = 'coturn-static-auth-secret-for-tests';
const live = withLiveTestServer({
  CALL_ICE_URLS: 'stun:stun.example.test:3478,turn:turn.example.test:3478?transport=udp',
  CALL_TURN_SECRET: TURN_SECRET,
  CALL_TURN_TTL_SECONDS: '600',
});

const OFFER_SDP = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const ANSWER_SDP = OFFER_SDP.replace('4611731400430051336', '5522');
const CANDIDATE = { candidate: 'candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

async function inCall(client: RoomClient, sessionId: string): Promise<CallJoined> {
  await client.data('session:join', { sessionId });
  return client.data<CallJoined>('call:join', { sessionId, isMuted: false, isCameraOff: false });
}

async function member(name: string) {
  const input = buildSignUpInput({ name });
  return { ...input, id: (await registerUser(live.db, input)).id };
}

describe('call signalling', () => {
  it('lets every member in, relays offers, answers and candidates to their addressee only, and hands out TURN credentials', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    // A shadow: a second interviewer of the same session.
    const shadow = await member('Sha Shadow');
    await live.db.sessionMember.create({ data: { sessionId: seeded.sessionId, userId: shadow.id, role: 'INTERVIEWER' } });
    const interviewer = await live.connect(seeded.interviewer);
    const candidate = await live.connect(seeded.candidate);
    const shadowClient = await live.connect(shadow);

    const first = await inCall(interviewer, seeded.sessionId);
    expect(first.participants).toEqual([]);
    const second = await inCall(candidate, seeded.sessionId);
    expect(second.participants).toEqual([{ id: first.selfId, userId: seeded.interviewer.id, name: seeded.interviewer.name, isMuted: false, isCameraOff: false }]);
    await eventually(interviewer, () => interviewer.eventsOf('call:joined').length === 1, 'the interviewer hears of the candidate');
    expect(interviewer.eventsOf('call:joined')[0]).toMatchObject({ sessionId: seeded.sessionId, participant: { id: second.selfId, userId: seeded.candidate.id } });
    const third = await inCall(shadowClient, seeded.sessionId);
    expect(third.participants.map((participant) => participant.userId).sort()).toEqual([seeded.interviewer.id, seeded.candidate.id].sort());

    // STUN as configured; TURN with the member's own coturn credential (use-auth-secret), valid for the TTL.
    const [stun, turn] = second.iceServers;
    expect(stun).toEqual({ urls: ['stun:stun.example.test:3478'] });
    expect(turn?.urls).toEqual(['turn:turn.example.test:3478?transport=udp']);
    const [expiry, userId] = turn!.username!.split(':');
    expect(userId).toBe(seeded.candidate.id);
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(500);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThanOrEqual(600);
    expect(turn!.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn!.username!).digest('base64'));

    // Offer, answer, candidate: each reaches its addressee, from the right sender, and nobody else.
    await interviewer.data('call:signal', { sessionId: seeded.sessionId, to: second.selfId, description: { type: 'offer', sdp: OFFER_SDP } });
    await eventually(candidate, () => candidate.eventsOf('call:signalled').length === 1, 'the offer');
    expect(candidate.eventsOf('call:signalled')[0]).toEqual({ sessionId: seeded.sessionId, from: first.selfId, description: { type: 'offer', sdp: OFFER_SDP } });
    await candidate.data('call:signal', { sessionId: seeded.sessionId, to: first.selfId, description: { type: 'answer', sdp: ANSWER_SDP } });
    await candidate.data('call:signal', { sessionId: seeded.sessionId, to: first.selfId, candidate: CANDIDATE });
    await eventually(interviewer, () => interviewer.eventsOf('call:signalled').length === 2, 'the answer and the candidate');
    expect(interviewer.eventsOf('call:signalled')).toEqual([
      { sessionId: seeded.sessionId, from: second.selfId, description: { type: 'answer', sdp: ANSWER_SDP } },
      { sessionId: seeded.sessionId, from: second.selfId, candidate: CANDIDATE },
    ]);
    // The shadow's own acked signal arrives after anything the relay would have sent it before.
    await candidate.data('call:signal', { sessionId: seeded.sessionId, to: third.selfId, candidate: CANDIDATE });
    await eventually(shadowClient, () => shadowClient.eventsOf('call:signalled').length === 1, 'the shadow’s own candidate');
    expect(shadowClient.eventsOf('call:signalled')).toEqual([{ sessionId: seeded.sessionId, from: second.selfId, candidate: CANDIDATE }]);

    // Mute and camera state reach the others.
    await candidate.data('call:state', { sessionId: seeded.sessionId, isMuted: true, isCameraOff: false });
    await eventually(interviewer, () => interviewer.eventsOf('call:state-changed').length === 1, 'the mute');
    expect(interviewer.eventsOf('call:state-changed')[0]).toEqual({ sessionId: seeded.sessionId, participantId: second.selfId, isMuted: true, isCameraOff: false });
  });

  it('refuses a stranger, a member of another session, a departed member, and a signal to someone outside the call', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const other = await createSessionWithCandidate(live.db);
    const stranger = await live.connect(await member('Sam Stranger'));
    const interviewer = await live.connect(seeded.interviewer);
    const candidate = await live.connect(seeded.candidate);
    const outsider = await live.connect(other.candidate);
    const first = await inCall(interviewer, seeded.sessionId);
    const second = await inCall(candidate, seeded.sessionId);
    const elsewhere = await inCall(outsider, other.sessionId);

    // A stranger cannot join the session, so neither its call nor its signalling.
    expect(await stranger.request('session:join', { sessionId: seeded.sessionId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await stranger.request('call:join', { sessionId: seeded.sessionId, isMuted: false, isCameraOff: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await stranger.request('call:signal', { sessionId: seeded.sessionId, to: first.selfId, description: { type: 'offer', sdp: OFFER_SDP } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // A member of another session, in that session's call, cannot reach into this one by naming a socket.
    expect(await outsider.request('call:signal', { sessionId: other.sessionId, to: first.selfId, candidate: CANDIDATE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await outsider.request('call:signal', { sessionId: seeded.sessionId, to: first.selfId, candidate: CANDIDATE })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Nor can a member reach into another call.
    expect(await interviewer.request('call:signal', { sessionId: seeded.sessionId, to: elsewhere.selfId, candidate: CANDIDATE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // Malformed or oversized signals never reach anyone.
    expect(await interviewer.request('call:signal', { sessionId: seeded.sessionId, to: second.selfId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await interviewer.request('call:signal', { sessionId: seeded.sessionId, to: second.selfId, description: { type: 'offer', sdp: 'x'.repeat(40_000) } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });

    // The candidate leaves: the interviewer is told, and neither can signal the other any more.
    await candidate.data('call:leave', { sessionId: seeded.sessionId });
    await eventually(interviewer, () => interviewer.eventsOf('call:left').length === 1, 'the leave');
    expect(interviewer.eventsOf('call:left')[0]).toEqual({ sessionId: seeded.sessionId, participantId: second.selfId, reason: 'left' });
    expect(await candidate.request('call:signal', { sessionId: seeded.sessionId, to: first.selfId, candidate: CANDIDATE })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await interviewer.request('call:signal', { sessionId: seeded.sessionId, to: second.selfId, candidate: CANDIDATE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(candidate.eventsOf('call:signalled')).toEqual([]);
    expect(outsider.eventsOf('call:signalled')).toEqual([]);
    expect(stranger.eventsOf('call:joined')).toEqual([]);
  });

  it('tells the others when a participant drops, caps the mesh at four, and closes with the session', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const interviewer = await live.connect(seeded.interviewer);
    const tabs = [await live.connect(seeded.candidate), await live.connect(seeded.candidate), await live.connect(seeded.candidate)];
    await inCall(interviewer, seeded.sessionId);
    const joined = await Promise.all(tabs.map((tab) => inCall(tab, seeded.sessionId)));
    const fifth = await live.connect(seeded.candidate);
    await fifth.data('session:join', { sessionId: seeded.sessionId });
    expect(await fifth.request('call:join', { sessionId: seeded.sessionId, isMuted: false, isCameraOff: false })).toMatchObject({ ok: false, code: 'CONFLICT' });

    tabs[0]!.close();
    await eventually(interviewer, () => interviewer.eventsOf('call:left').length === 1, 'the drop');
    expect(interviewer.eventsOf('call:left')[0]).toEqual({ sessionId: seeded.sessionId, participantId: joined[0]!.selfId, reason: 'dropped' });
    // Its place is free again.
    await fifth.data('call:join', { sessionId: seeded.sessionId, isMuted: false, isCameraOff: false });

    await live.db.interviewSession.update({ where: { id: seeded.sessionId }, data: { status: 'COMPLETED', endedAt: new Date() } });
    expect(await interviewer.request('call:join', { sessionId: seeded.sessionId, isMuted: false, isCameraOff: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
