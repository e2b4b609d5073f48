-- One candidate per session, decided by the database: two people redeeming two invites of one session at the
-- same moment could each check "no candidate yet" before either had joined, and both became candidate
-- (lib/sessions/redeem-invite.ts maps this index's violation to "This session already has a candidate.").
-- Peer sessions have no CANDIDATE members: there each Round names its one candidate itself.

-- A session that such a race already gave two candidates keeps the first to join; the later ones lose the
-- membership, as one after the other they would have been refused. Otherwise the index could not be created.
DELETE FROM "SessionMember" AS later
USING "SessionMember" AS earlier
WHERE later."sessionId" = earlier."sessionId"
  AND later."role" = 'CANDIDATE'
  AND earlier."role" = 'CANDIDATE'
  AND (later."joinedAt", later."userId") > (earlier."joinedAt", earlier."userId");

-- A partial index, which Prisma's schema language cannot declare (and `prisma migrate diff` ignores, so no drift).
CREATE UNIQUE INDEX "SessionMember_one_candidate_per_session" ON "SessionMember" ("sessionId") WHERE "role" = 'CANDIDATE';
