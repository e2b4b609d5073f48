import { randomBytes } from 'node:crypto';
import { registerUser } from '@/lib/auth/register-user';
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { getRoundFormat } from '@/lib/rounds/round-formats';
import { ROUND_KIND_LABELS, ROUND_KINDS } from '@/lib/rounds/round-kind';
import { buildSignUpInput } from './user-factory';

export const HISTORY_PEER_NAMES = ['Priya Natarajan', 'Diego Alvarez', 'Hana Sato', 'Omar Haddad', 'Lena Fischer', 'Kwame Mensah'] as const;

export interface SeededAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

export interface SeededHistory {
  /** Member of about 40% of the sessions, as interviewer or candidate. */
  caller: SeededAccount;
  peers: SeededAccount[];
  /** Member only of sessions the caller is not in. */
  stranger: SeededAccount;
  /** Prefix of every seeded session id. */
  tag: string;
}

/**
 * `sessions` interview sessions with members and rounds, written in one transaction by set-based SQL (10,000
 * take a second or two, where createSession would take minutes), then ANALYZEd so the planner sees them as
 * autovacuum eventually would. The spread is deterministic but uncorrelated (each trait from a different byte
 * of md5(i)): about 70% completed, 10% cancelled, 19% scheduled, 1% live; a quarter full loops, a quarter SQL
 * drills, half single rounds; sessions over the last ~two years; some with a shadow interviewer, some scheduled
 * ones with no candidate yet. Rounds carry real formats, so session pages render them.
 */
export async function seedSessionHistory(db: Db, { sessions = 10_000, now = new Date() } = {}): Promise<SeededHistory> {
  const register = async (name: string): Promise<SeededAccount> => {
    const input = buildSignUpInput({ name });
    return { ...input, id: (await registerUser(db, input)).id };
  };
  const caller = await register('Morgan Ames');
  const peers: SeededAccount[] = [];
  for (const name of HISTORY_PEER_NAMES) peers.push(await register(name));
  const stranger = await register('Sam Stranger');
  const tag = `h${randomBytes(4).toString('hex')}`;
  const formats = JSON.stringify(Object.fromEntries(ROUND_KINDS.map((kind) => [kind, getRoundFormat(kind)])));
  const labels = JSON.stringify(ROUND_KIND_LABELS);
  const peerIds = JSON.stringify(peers.map((peer) => peer.id));

  await db.$transaction([
    db.$executeRaw(Prisma.sql`
      CREATE TEMP TABLE history_seed ON COMMIT DROP AS
      WITH dice AS (
        SELECT i, decode(md5(${tag} || i), 'hex') AS d,
          ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' - make_interval(mins => i * 100) AS created
        FROM generate_series(1, ${sessions}::int) AS i
      ), traits AS (
        SELECT i, created - make_interval(mins => get_byte(d, 7)) AS created,
          ${tag} || '_' || i AS id,
          CASE WHEN get_byte(d, 0) < 179 THEN 'COMPLETED' WHEN get_byte(d, 0) < 205 THEN 'CANCELLED'
               WHEN get_byte(d, 0) < 253 THEN 'SCHEDULED' ELSE 'LIVE' END::"SessionStatus" AS status,
          CASE WHEN get_byte(d, 1) < 64 THEN 'E6_FULL_LOOP' WHEN get_byte(d, 1) < 128 THEN 'SQL_VELOCITY_DRILL'
               ELSE 'SINGLE_ROUND' END AS template,
          (enum_range(NULL::"RoundKind"))[get_byte(d, 2) % 6 + 1] AS single_kind,
          i % 5 < 2 AS has_caller,
          CASE WHEN get_byte(d, 3) < 128 THEN 'INTERVIEWER' ELSE 'CANDIDATE' END::"SessionRole" AS caller_role,
          ${peerIds}::jsonb ->> (get_byte(d, 4) % 6) AS peer,
          ${peerIds}::jsonb ->> ((get_byte(d, 4) + 1 + get_byte(d, 5) % 5) % 6) AS second_peer,
          get_byte(d, 5) < 32 AS has_shadow,
          get_byte(d, 6) < 64 AS lacks_candidate,
          get_byte(d, 7) AS jitter
        FROM dice
      )
      SELECT id, status, template, created,
        CASE template WHEN 'E6_FULL_LOOP' THEN (CASE WHEN i % 2 = 0 THEN 'Mock onsite' ELSE 'Practice loop' END)
                      WHEN 'SQL_VELOCITY_DRILL' THEN 'SQL velocity drill'
                      ELSE (${labels}::jsonb ->> single_kind::text) || ' practice' END || ' #' || i AS title,
        CASE template WHEN 'E6_FULL_LOOP' THEN enum_range(NULL::"RoundKind")
                      WHEN 'SQL_VELOCITY_DRILL' THEN ARRAY['SQL']::"RoundKind"[]
                      ELSE ARRAY[single_kind] END AS kinds,
        CASE WHEN status = 'SCHEDULED' THEN created + make_interval(days => jitter % 14 + 1)
             WHEN jitter < 85 THEN created + interval '1 day' END AS scheduled,
        has_caller, caller_role,
        -- Caller's sessions: the counterpart, absent for some scheduled ones, and sometimes a shadow interviewer.
        -- Everyone else's: a peer interviews a peer or the stranger.
        CASE WHEN NOT has_caller THEN peer
             WHEN NOT (status = 'SCHEDULED' AND lacks_candidate AND caller_role = 'INTERVIEWER') THEN peer END AS first_id,
        CASE WHEN has_caller AND caller_role = 'INTERVIEWER' THEN 'CANDIDATE' ELSE 'INTERVIEWER' END::"SessionRole" AS first_role,
        CASE WHEN NOT has_caller THEN (CASE WHEN has_shadow THEN ${stranger.id} ELSE second_peer END)
             WHEN has_shadow THEN second_peer END AS second_id,
        CASE WHEN has_caller THEN 'INTERVIEWER' ELSE 'CANDIDATE' END::"SessionRole" AS second_role
      FROM traits`),
    db.$executeRaw(Prisma.sql`
      INSERT INTO "InterviewSession" (id, title, status, "loopTemplate", "scheduledAt", "startedAt", "endedAt", "createdById", "createdAt", "updatedAt")
      SELECT id, title, status, template, scheduled,
        CASE WHEN status IN ('LIVE', 'COMPLETED') THEN COALESCE(scheduled, created) + interval '5 minutes' END,
        CASE WHEN status = 'COMPLETED' THEN COALESCE(scheduled, created) + interval '65 minutes' END,
        CASE WHEN has_caller AND caller_role = 'INTERVIEWER' THEN ${caller.id} ELSE first_id END,
        created, created
      FROM history_seed`),
    db.$executeRaw(Prisma.sql`
      INSERT INTO "SessionMember" ("sessionId", "userId", role, "joinedAt")
      SELECT id, ${caller.id}, caller_role, created FROM history_seed WHERE has_caller
      UNION ALL SELECT id, first_id, first_role, created + interval '1 hour' FROM history_seed WHERE first_id IS NOT NULL
      UNION ALL SELECT id, second_id, second_role, created + interval '2 hours' FROM history_seed WHERE second_id IS NOT NULL`),
    db.$executeRaw(Prisma.sql`
      INSERT INTO "Round" (id, "sessionId", position, kind, format, "durationMs", status)
      SELECT h.id || '_r' || (k.position - 1), h.id, k.position - 1, k.kind,
        ${formats}::jsonb -> k.kind::text,
        (${formats}::jsonb -> k.kind::text ->> 'durationMinutes')::int * 60000,
        CASE WHEN h.status = 'COMPLETED' THEN 'ENDED' ELSE 'PENDING' END::"RoundStatus"
      FROM history_seed h CROSS JOIN LATERAL unnest(h.kinds) WITH ORDINALITY AS k (kind, position)`),
  ]);
  await db.$executeRaw`ANALYZE "InterviewSession", "SessionMember", "Round", "User"`;
  return { caller, peers, stranger, tag };
}
