import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_EVENTS } from '@/lib/realtime/contract';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import type { RoomClient } from '../../support/room-client';
import { clientsOf, expectNothingLost, openTypingPairs, type TypingClient } from '../../support/typing-client';
import { encodeUpdate } from '@/lib/realtime/update-encoding';

// Fault: a client that sends anything at all, for a bounded time, while an honest pair types in another
// session. The server must answer every bad message with a clear refusal (or drop a connection whose frame is
// too big), keep running, and the honest room must not notice. FAULT_SEED reproduces a run.

const MAX_MESSAGE_BYTES = 16_384;
const HOSTILE_MS = 5_000;
const SEED = Number(process.env.FAULT_SEED ?? 20261124);

const live = withLiveTestServer({ SOCKET_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });
let honest: TypingClient[] = [];

afterAll(() => {
  for (const client of honest) client.close();
});

/** The server's rate limit counts per one-second window; waiting that long is the limiter's clock, not a guess. */
function rateWindowTurnover(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1_100));
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Every command the server accepts (its own list, so a new command is fuzzed too), except the payload-less whoami.
const KNOWN_COMMANDS = COMMAND_EVENTS.filter((event) => event !== 'auth:whoami');

describe('hostile payloads for five seconds', () => {
  it('refuses every bad message clearly, never crashes, and leaves another room untouched', { timeout: 60_000 }, async () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // Updates travel as base64 text: random bytes, encoded as an honest client would send them.
    const bytes = (length: number) => encodeUpdate(Uint8Array.from({ length }, () => Math.floor(random() * 256)));
    const junk = (depth = 0): unknown => {
      const kinds = ['number', 'string', 'null', 'bool', 'bytes', ...(depth < 2 ? ['array', 'object'] : [])];
      switch (pick(kinds)) {
        case 'number':
          return pick([0, -1, 1e308, Number.NaN, 3.14, 2 ** 53]);
        case 'string':
          return pick(['', 'x'.repeat(200), '../../etc/passwd', '{"ok":true}', "'; DROP TABLE \"Document\";--", '\u0000\uffff']);
        case 'null':
          return null;
        case 'bool':
          return random() < 0.5;
        case 'bytes':
          return bytes(Math.floor(random() * 64));
        case 'array':
          return Array.from({ length: Math.floor(random() * 4) }, () => junk(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: Math.floor(random() * 4) }, (_, i) => [pick(['sessionId', 'documentId', 'update', 'command', `k${i}`]), junk(depth + 1)]),
          );
      }
    };

    const [pair] = await openTypingPairs(live.db, 1, (account) => live.signIn(account));
    honest = clientsOf([pair!]);
    const target = await createSessionWithCandidate(live.db);
    const targetDoc = await live.db.document.findFirstOrThrow({ where: { sessionId: target.sessionId, kind: 'ROUND_EDITOR' }, select: { id: true } });
    const ref = { sessionId: target.sessionId, documentId: targetDoc.id };
    const honestRef = { sessionId: pair!.sessionId, documentId: pair!.documentId };

    const attach = async (): Promise<RoomClient> => {
      const client = await live.connect(target.interviewer);
      await client.data('session:join', { sessionId: ref.sessionId });
      await client.data('doc:join', ref);
      return client;
    };
    let hostile = await attach();
    const answers = new Map<string, number>();
    const tally = (what: string) => answers.set(what, (answers.get(what) ?? 0) + 1);
    const expectRefusal = async (event: string, payload: unknown, codes: string[]) => {
      const ack = await hostile.request(event, payload);
      const outcome = ack.ok ? 'ok' : ack.code;
      tally(`${event.startsWith('evil:') ? 'unknown event' : event} → ${outcome}`);
      expect(codes, `${event} ${JSON.stringify(ack)}`).toContain(outcome);
    };
    const clientUpdateId = () => randomBytes(10).toString('hex');

    const attacks: Record<string, () => Promise<void>> = {
      unknownEvent: () => expectRefusal(`evil:${Math.floor(random() * 1e6)}`, junk(), ['INVALID_INPUT', 'RATE_LIMITED']),
      wrongTypes: () => expectRefusal(pick(KNOWN_COMMANDS), junk(), ['INVALID_INPUT', 'RATE_LIMITED']),
      // Random bytes almost never decode as a Yjs update; when they happen to, the update is harmless to others.
      garbageUpdate: () =>
        expectRefusal('doc:update', { ...ref, update: bytes(1 + Math.floor(random() * 2_000)), clientUpdateId: clientUpdateId() }, ['INVALID_INPUT', 'ok', 'RATE_LIMITED']),
      garbageAwareness: () => expectRefusal('awareness:update', { ...ref, update: bytes(1 + Math.floor(random() * 500)) }, ['INVALID_INPUT', 'ok', 'RATE_LIMITED']),
      overLimit: () =>
        expectRefusal('doc:update', { ...ref, update: bytes(MAX_MESSAGE_BYTES + 1 + Math.floor(random() * (MAX_MESSAGE_BYTES / 5))), clientUpdateId: clientUpdateId() }, [
          'INVALID_INPUT',
          'RATE_LIMITED',
        ]),
      // Another session's document: the socket never joined it, so nothing reaches that room.
      otherRoom: async () => {
        await expectRefusal('doc:update', { ...honestRef, update: bytes(40), clientUpdateId: clientUpdateId() }, ['FORBIDDEN', 'RATE_LIMITED']);
        await expectRefusal('doc:join', honestRef, ['FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);
      },
      flood: async () => {
        if (random() > 0.25) return;
        // Commands and unknown events alike spend the socket's per-second budget: a burst of both, interleaved,
        // started in a fresh one-second window (one that turned over mid-burst could let nearly all through).
        await rateWindowTurnover();
        const events = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 'clock:ping' : 'evil:flood'));
        const acks = await Promise.all(events.map((event) => hostile.request(event)));
        acks.forEach((ack, i) => tally(`flood of ${events[i]} → ${ack.ok ? 'ok' : ack.code}`));
        for (const event of ['clock:ping', 'evil:flood']) {
          expect(acks.some((ack, i) => events[i] === event && !ack.ok && ack.code === 'RATE_LIMITED'), event).toBe(true);
        }
        // So the next attacks reach parsing, not only the limiter.
        await rateWindowTurnover();
      },
      withoutAck: async () => {
        const before = hostile.eventsOf('app:error').length;
        // Typed sockets refuse junk at compile time; a hostile client has no such scruples.
        (hostile.socket.emit as (event: string, ...args: unknown[]) => unknown)('doc:update', junk());
        await new Promise<void>((resolve) => hostile.socket.once('app:error', () => resolve()));
        expect(hostile.eventsOf('app:error').length).toBeGreaterThan(before);
        tally('no ack → app:error');
      },
      // A frame beyond engine.io's limit (four times the message limit) is not parsed at all: the connection drops.
      oversizeFrame: async () => {
        if (random() > 0.25) return;
        const dropped = new Promise<void>((resolve) => hostile.socket.once('disconnect', () => resolve()));
        hostile.socket.emit('doc:update', { ...ref, update: bytes(MAX_MESSAGE_BYTES * 4), clientUpdateId: clientUpdateId() }, () => {});
        await dropped;
        tally('oversize frame → disconnected');
        hostile = await attach();
      },
    };

    for (const client of honest) client.startTyping(50);
    const until = Date.now() + HOSTILE_MS;
    let attackCount = 0;
    while (Date.now() < until) {
      const name = pick(Object.keys(attacks));
      await attacks[name]!();
      attackCount += 1;
    }
    for (const client of honest) client.stopTyping();

    // The honest room never noticed: every edit acknowledged, none refused, both copies and PostgreSQL agree.
    await Promise.all(honest.map((client) => client.synced()));
    expect(honest.flatMap((client) => [...client.refusals])).toEqual([]);
    const outcome = await expectNothingLost(live.db, [pair!]);

    const health = await fetch(`${live.server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(live.server.process.exitCode).toBeNull();
    // Every refusal was an expected one: nothing reached the log as an unexpected handler failure.
    expect(live.server.output()).not.toContain('socket handler failed');

    const summary = [...answers].sort(([a], [b]) => a.localeCompare(b)).map(([what, count]) => `${what}: ${count}`);
    console.info(
      `hostile payloads (seed ${SEED}): ${attackCount} attacks in ${HOSTILE_MS} ms; honest pair typed ` +
        `${outcome.typed} tokens, ${outcome.sent} updates all acked and stored once\n  ${summary.join('\n  ')}`,
    );
  });
});
