import { getDb } from '@/lib/db';
import { checkDatabase } from '@/lib/health/check-database';

export const dynamic = 'force-dynamic';

export async function GET() {
  const isDatabaseUp = await checkDatabase(getDb());
  return Response.json(
    { status: isDatabaseUp ? 'ok' : 'degraded', db: isDatabaseUp ? 'ok' : 'unreachable' },
    { status: isDatabaseUp ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
