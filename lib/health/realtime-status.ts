// What the custom server's realtime side looks like right now, for /api/health: writes waiting for PostgreSQL,
// whether they are failing (held in memory and retried), and how late the event loop runs. The server provides
// a reader; the health route (bundled by Next apart from the server's own copy of lib/) reads it, so the reader
// is a process service: installRealtimeStatus and readRealtimeStatus in lib/process-services.ts.

export interface RealtimeStatus {
  connectedSockets: number;
  openDocuments: number;
  /** Document updates received but not yet stored. */
  pendingWrites: number;
  /** Storing updates is failing; they are kept in memory and retried with backoff. */
  isWriteDegraded: boolean;
  /** How late the event loop ran, over the last few seconds (p99 and worst). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}
