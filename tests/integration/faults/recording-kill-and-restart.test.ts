import { afterAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@/lib/realtime/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import type { RecordingView } from '@/lib/recordings/recording-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { HttpSession } from '../../support/http-session';
import { TEST_AUTH_SECRET } from '../../support/live-test-server';
import { startServer, type RunningServer } from '../../support/start-server';
import { withMigratedTestDatabase } from '../../support/test-database';

// Fault: the server dies (kill -9) while a participant's browser is uploading recorded audio. Every chunk it
// acknowledged must already be in PostgreSQL; the one in flight is kept by the client and resent to the restarted
// server (same database, same port), which stores it once. So at most the chunk in flight is ever at risk.

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const database = withMigratedTestDatabase();
const servers: RunningServer[] = [];
const sockets: ClientSocket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const server of servers) await server.stop('SIGKILL');
});

async function boot(port = 0): Promise<RunningServer> {
  const server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET, PORT: String(port) } });
  servers.push(server);
  return server;
}

function request<T>(socket: ClientSocket, event: string, payload: unknown): Promise<Ack<T>> {
  const emit = socket.emit.bind(socket) as (...args: unknown[]) => void;
  return new Promise((resolve) => emit(event, payload, resolve));
}

/** What the browser's uploader does: a queue of slices, each removed only when its ack arrives. */
class Uploader {
  readonly pending: number[] = [];
  readonly acked = new Set<number>();
  private next = 0;

  constructor(
    private readonly socket: ClientSocket,
    private readonly chunkOf: (sequence: number) => unknown,
  ) {}

  /** Queues the next slice and emits it; resolves with its ack, or never if the server dies first. */
  produce(): { sequence: number; ack: Promise<Ack<{ sequence: number; isDuplicate: boolean }>> } {
    const sequence = this.next++;
    this.pending.push(sequence);
    return { sequence, ack: this.send(sequence) };
  }

  /** Resends everything unacknowledged, in order (after a reconnect). */
  async resendPending(): Promise<void> {
    for (const sequence of [...this.pending]) {
      const ack = await this.send(sequence);
      expect(ack.ok).toBe(true);
    }
  }

  private async send(sequence: number) {
    const ack = await request<{ sequence: number; isDuplicate: boolean }>(this.socket, 'recording:chunk', this.chunkOf(sequence));
    if (ack.ok) {
      this.acked.add(sequence);
      this.pending.splice(this.pending.indexOf(sequence), 1);
    }
    return ack;
  }
}

describe('kill -9 while a recording uploads', () => {
  it('has every acknowledged chunk stored, and the chunk in flight is resent to the restarted server and stored once', { timeout: 120_000 }, async () => {
    const first = await boot();
    const seeded = await createSessionWithCandidate(database.db);
    const connect = async (account: { email: string; password: string }) => {
      const session = new HttpSession(first.baseUrl);
      expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
      const socket = session.connectSocket({ reconnect: true }) as ClientSocket;
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      // As the room does on every (re)connect: join the session.
      socket.on('connect', () => void request(socket, 'session:join', { sessionId: seeded.sessionId }));
      expect((await request(socket, 'session:join', { sessionId: seeded.sessionId })).ok).toBe(true);
      return socket;
    };
    const interviewer = await connect(seeded.interviewer);
    const candidate = await connect(seeded.candidate);
    const asked = await request<RecordingView>(interviewer, 'recording:request', { sessionId: seeded.sessionId });
    if (!asked.ok) throw new Error(asked.message);
    const consent = await request<RecordingView>(candidate, 'recording:consent', { sessionId: seeded.sessionId, recordingId: asked.data.id, isConsenting: true });
    expect(consent.ok && consent.data.status).toBe('RECORDING');

    const trackId = `fault-${asked.data.id}`;
    const startedAt = Date.now();
    const uploader = new Uploader(candidate, (sequence) => ({
      sessionId: seeded.sessionId,
      recordingId: asked.data.id,
      trackId,
      sequence,
      trackStartedAt: startedAt,
      trackRoundElapsedMs: 0,
      recordedAt: startedAt + (sequence + 1) * 5_000,
      roundElapsedMs: (sequence + 1) * 5_000,
      data: Buffer.from(`opus-slice-${sequence}`).toString('base64'),
    }));

    for (let index = 0; index < 5; index += 1) expect((await uploader.produce().ack).ok).toBe(true);
    // The next slice leaves, and the server dies before (or while) it answers.
    const inFlight = uploader.produce();
    first.process.kill('SIGKILL');
    expect(await first.stop('SIGKILL')).toBeNull();
    expect(uploader.pending).toEqual([inFlight.sequence]);

    // Before anything restarts: every acknowledged chunk is in PostgreSQL.
    const storedAtKill = await database.db.recordingChunk.findMany({ where: { trackId }, select: { sequence: true } });
    const storedSequences = new Set(storedAtKill.map((row) => row.sequence));
    expect([...uploader.acked].filter((sequence) => !storedSequences.has(sequence))).toEqual([]);

    const reconnected = new Promise<void>((resolve) => candidate.once('connect', () => resolve()));
    const second = await boot(first.port);
    await reconnected;
    expect((await request(candidate, 'session:join', { sessionId: seeded.sessionId })).ok).toBe(true);
    expect(second.port).toBe(first.port);
    await uploader.resendPending();
    expect((await uploader.produce().ack).ok).toBe(true);

    const stored = await database.db.recordingChunk.findMany({ where: { trackId }, orderBy: { sequence: 'asc' }, select: { sequence: true, data: true } });
    expect(stored.map((row) => row.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Buffer.from(stored[5]!.data).toString()).toBe('opus-slice-5');
    console.info(`recording kill -9: 5 chunks acked before the kill (all stored); the one in flight was ${storedSequences.has(inFlight.sequence) ? 'stored before the kill and resent as a duplicate' : 'lost with the server and resent'}`);
  });
});
