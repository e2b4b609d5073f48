import { clientIpFrom } from '@/lib/auth/client-ip';
import { getDb } from '@/lib/db';
import { checkDatabase } from '@/lib/health/check-database';
import { isLoopbackAddress } from '@/lib/health/is-loopback-address';
import { readRealtimeStatus } from '@/lib/process-services';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const isDatabaseUp = await checkDatabase(getDb());
  const realtime = readRealtimeStatus();
  // Degraded while the database is unreachable or stored edits are failing (they wait in memory, retried).
  const isHealthy = isDatabaseUp && !realtime?.isWriteDegraded;
  // The realtime figures are for this machine's eyes only (see is-loopback-address.ts).
  const isLocalCaller = isLoopbackAddress(clientIpFrom(request.headers));
  return Response.json(
    { status: isHealthy ? 'ok' : 'degraded', db: isDatabaseUp ? 'ok' : 'unreachable', ...(isLocalCaller ? { realtime } : {}) },
    { status: isHealthy ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
