import { getDb } from '@/lib/db';
import { checkDatabase } from '@/lib/health/check-database';
import { readRealtimeStatus } from '@/lib/health/realtime-status';

export const dynamic = 'force-dynamic';

export async function GET() {
  const isDatabaseUp = await checkDatabase(getDb());
  const realtime = readRealtimeStatus();
  // Degraded while the database is unreachable or stored edits are failing (they wait in memory, retried).
  const isHealthy = isDatabaseUp && !realtime?.isWriteDegraded;
  return Response.json(
    { status: isHealthy ? 'ok' : 'degraded', db: isDatabaseUp ? 'ok' : 'unreachable', realtime },
    { status: isHealthy ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
