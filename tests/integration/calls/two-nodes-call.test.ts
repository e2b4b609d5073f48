import { describe, expect, it } from 'vitest';
import type { CallJoined } from '@/lib/calls/call-types';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { eventually } from '../../support/room-client';
import { isRedisMissingFor } from '../../support/redis-availability';
import { withTwoNodes } from '../../support/two-nodes';

// The call's signalling across two production server processes sharing rooms through Redis: one participant on
// each node completes the offer/answer exchange (and a candidate) through the relay, and a drop on one node is
// told on the other. Real socket clients send SDP text; no browser is needed for the server's part.

const isRedisMissing = await isRedisMissingFor('two-nodes-call.test.ts');
const OFFER_SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:actpass\r\n';
const ANSWER_SDP = 'v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n';

describe.skipIf(isRedisMissing)('a call between participants on two server nodes', () => {
  const two = withTwoNodes();
  const { connect } = two;

  it('completes the offer/answer exchange through the relay, and tells a drop across nodes', async () => {
    const seeded = await createSessionWithCandidate(two.db);
    const interviewer = await connect(seeded.interviewer, two.nodeA);
    const candidate = await connect(seeded.candidate, two.nodeB);
    for (const client of [interviewer, candidate]) await client.data('session:join', { sessionId: seeded.sessionId });

    const onA = await interviewer.data<CallJoined>('call:join', { sessionId: seeded.sessionId, isMuted: false, isCameraOff: false });
    // Node B learns who is in the call on node A (fetchSockets over the adapter), state included.
    const onB = await candidate.data<CallJoined>('call:join', { sessionId: seeded.sessionId, isMuted: true, isCameraOff: false });
    expect(onB.participants).toEqual([{ id: onA.selfId, userId: seeded.interviewer.id, name: seeded.interviewer.name, isMuted: false, isCameraOff: false }]);
    await eventually(interviewer, () => interviewer.eventsOf('call:joined').length === 1, 'the join from node B on node A');
    expect(interviewer.eventsOf('call:joined')[0]).toMatchObject({ participant: { id: onB.selfId, isMuted: true } });

    // The newcomer offers (node B → node A), the other answers (node A → node B), then a candidate.
    await candidate.data('call:signal', { sessionId: seeded.sessionId, to: onA.selfId, description: { type: 'offer', sdp: OFFER_SDP } });
    await eventually(interviewer, () => interviewer.eventsOf('call:signalled').length === 1, 'the offer on node A');
    expect(interviewer.eventsOf('call:signalled')[0]).toEqual({ sessionId: seeded.sessionId, from: onB.selfId, description: { type: 'offer', sdp: OFFER_SDP } });
    await interviewer.data('call:signal', { sessionId: seeded.sessionId, to: onB.selfId, description: { type: 'answer', sdp: ANSWER_SDP } });
    const candidateLine = { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 40000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    await interviewer.data('call:signal', { sessionId: seeded.sessionId, to: onB.selfId, candidate: candidateLine });
    await eventually(candidate, () => candidate.eventsOf('call:signalled').length === 2, 'the answer and candidate on node B');
    expect(candidate.eventsOf('call:signalled')).toEqual([
      { sessionId: seeded.sessionId, from: onA.selfId, description: { type: 'answer', sdp: ANSWER_SDP } },
      { sessionId: seeded.sessionId, from: onA.selfId, candidate: candidateLine },
    ]);

    // The candidate's connection drops on node B: node A's participant is told, and its signals are refused.
    candidate.close();
    await eventually(interviewer, () => interviewer.eventsOf('call:left').length === 1, 'the drop from node B on node A');
    expect(interviewer.eventsOf('call:left')[0]).toEqual({ sessionId: seeded.sessionId, participantId: onB.selfId, reason: 'dropped' });
    expect(await interviewer.request('call:signal', { sessionId: seeded.sessionId, to: onB.selfId, description: { type: 'offer', sdp: OFFER_SDP } })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
