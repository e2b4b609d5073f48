import { describe, expect, it } from 'vitest';
import { TIMER_COMMANDS } from '@/lib/timer/round-clock';
import { buildCommandSchemas, COMMAND_EVENTS, SOCKET_CONTRACT, type ClientToServerEvents } from './contract';
import { encodeUpdate } from './update-encoding';

type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];

describe('the socket contract', () => {
  const schemas = buildCommandSchemas({ maxUpdateBytes: 1_024 });

  it('lists each event once, with its direction, and builds a schema for every command', () => {
    const broadcasts = Object.keys(SOCKET_CONTRACT).filter((event) => !COMMAND_EVENTS.includes(event as never));
    expect(COMMAND_EVENTS).toContain('doc:update');
    expect(broadcasts).toContain('doc:updated');
    expect(broadcasts).toContain('app:error');
    expect(Object.keys(schemas).sort()).toEqual([...COMMAND_EVENTS].sort());
  });

  it('types what a client sends from the schema the server parses it with', () => {
    // Typed from the schema, so the client's type cannot drift from it: `expectedVersion` was accepted by the
    // server but missing from the hand-written client interface (a type error here before the contract).
    const timer: PayloadOf<'round:timer'> = { sessionId: 'session-1', roundId: 'round-1', command: 'extend', expectedVersion: 2, extendByMs: 60_000 };
    expect(schemas['round:timer'].safeParse(timer).success).toBe(true);
    // One timer-command list: every command the clock knows is one a client may send, and nothing else.
    for (const command of TIMER_COMMANDS) {
      expect(schemas['round:timer'].safeParse({ ...timer, command }).success).toBe(true);
    }
    expect(schemas['round:timer'].safeParse({ ...timer, command: 'rewind' }).success).toBe(false);
  });

  it('builds the update schemas from the server limit, and keeps the base64 text beside the bytes', () => {
    const update: PayloadOf<'doc:update'> = {
      sessionId: 'session-1',
      documentId: 'doc-1',
      update: encodeUpdate(new Uint8Array(1_024).fill(1)),
      clientUpdateId: 'update-0001',
    };
    const parsed = schemas['doc:update'].parse(update);
    expect(parsed.update.base64).toBe(update.update);
    expect(parsed.update.bytes.byteLength).toBe(1_024);
    expect(schemas['doc:update'].safeParse({ ...update, update: encodeUpdate(new Uint8Array(1_025).fill(1)) }).success).toBe(false);
  });
});
