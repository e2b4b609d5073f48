import { monitorEventLoopDelay } from 'node:perf_hooks';
import { installRealtimeStatus } from '@/lib/process-services';
import type { MockloopSocketServer } from './socket-types';
import type { DocumentRegistry } from './document-registry';

const WINDOW_MS = 5_000;
const RESOLUTION_MS = 10;

/**
 * Feeds /api/health. The event-loop histogram is read and reset every few seconds, so the figures describe the
 * recent past rather than the whole uptime. Returns the stop function.
 */
export function reportRealtimeStatus(io: MockloopSocketServer, registry: DocumentRegistry): () => void {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The histogram records whole timer intervals, so an idle loop reads as the resolution: report the lateness.
  const lateness = (nanoseconds: number) => Math.max(0, Math.round((nanoseconds / 1e6 - RESOLUTION_MS) * 10) / 10);
  let window = { p99: 0, max: 0 };
  const timer = setInterval(() => {
    window = { p99: lateness(histogram.percentile(99)), max: lateness(histogram.max) };
    histogram.reset();
  }, WINDOW_MS);
  timer.unref();
  installRealtimeStatus(() => ({
    connectedSockets: io.engine.clientsCount,
    openDocuments: registry.openCount,
    pendingWrites: registry.pendingWrites,
    isWriteDegraded: registry.isDegraded,
    eventLoopDelayP99Ms: window.p99,
    eventLoopDelayMaxMs: window.max,
  }));
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}
