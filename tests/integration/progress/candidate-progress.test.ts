import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { getCandidateProgress } from '@/lib/progress/get-candidate-progress';
import type { ProgressSummary } from '@/lib/progress/progress-summary';
import { publishFeedback, unpublishFeedback } from '@/lib/scorecards/feedback-release';
import { completeScoredSession, type ScorecardPlan } from '../../factories/scored-session-factory';
import { createSessionBetween } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

// Progress reads only what was published to the caller as a candidate: not a shadow's unpublished scorecard
// in a published session, not a session nobody published, not one published and taken back, and nothing at
// all for anyone else.

const PARTITION = 'sql.names-partition-filter'; // the SQL round's first-two-minutes signal
const GRAIN = 'sql.states-grain-first';
const FIFTEEN_MINUTES = 15 * 60_000;

const database = withMigratedTestDatabase();

async function account(name: string) {
  const input = buildSignUpInput({ name });
  const user = await registerUser(database.db, input);
  return { id: user.id, email: input.email };
}

/** A completed SQL drill of `candidate`, run by `lead` (plus any shadows), scored as planned; nothing published. */
async function sqlDrill(lead: { id: string }, candidate: { id: string; email: string }, scorecards: ScorecardPlan[], shadows: { id: string }[] = []) {
  const sessionId = await createSessionBetween(database.db, lead.id, candidate, { title: `Drill with ${lead.id}`, template: 'SQL_VELOCITY_DRILL' });
  for (const shadow of shadows) await database.db.sessionMember.create({ data: { sessionId, userId: shadow.id, role: 'INTERVIEWER' } });
  await completeScoredSession(database.db, sessionId, lead.id, [{ elapsedMs: FIFTEEN_MINUTES, questionsRevealed: 3, scorecards }]);
  return sessionId;
}

const EMPTY: ProgressSummary = {
  sessions: [],
  ratings: [],
  firstTwoMinutes: [],
  sqlPace: { points: [], skipped: { withoutElapsedTime: 0, withoutProblemsSolved: 0 } },
  recommendations: [],
};

describe('getCandidateProgress', () => {
  it('counts published feedback only, and shows a third user none of it', async () => {
    const candidate = await account('Cam Candidate');
    const lead = await account('Lee Lead');
    const shadow = await account('Sam Shadow');
    const unpublishedLead = await account('Uma Unpublished');
    const retractingLead = await account('Rae Retracts');
    const stranger = await account('Stu Stranger');

    // Published by the lead; the shadow scored the same round harshly and has not published.
    const published = await sqlDrill(
      lead,
      candidate,
      [
        { interviewerId: lead.id, marks: [PARTITION], ratings: { [PARTITION]: 'E6', [GRAIN]: 'E5' }, recommendation: 'YES', problemsSolved: 2 },
        { interviewerId: shadow.id, ratings: { [PARTITION]: 'E4' }, recommendation: 'STRONG_NO', problemsSolved: 0 },
      ],
      [shadow],
    );
    await publishFeedback(database.db, published, lead.id);
    // Scored, completed, never published.
    await sqlDrill(unpublishedLead, candidate, [{ interviewerId: unpublishedLead.id, marks: [PARTITION], ratings: { [PARTITION]: 'E4' }, recommendation: 'NO', problemsSolved: 0 }]);
    // Published, then taken back before the candidate looked.
    const retracted = await sqlDrill(retractingLead, candidate, [{ interviewerId: retractingLead.id, ratings: { [PARTITION]: 'E4' }, recommendation: 'LEAN_NO', problemsSolved: 1 }]);
    await publishFeedback(database.db, retracted, retractingLead.id);
    await unpublishFeedback(database.db, retracted, retractingLead.id);

    const progress = await getCandidateProgress(database.db, candidate.id);
    expect(progress.sessions.map((session) => session.sessionId)).toEqual([published]);
    expect(progress.ratings).toEqual([{ kind: 'SQL', points: [{ sessionId: published, meanRating: 5.5, ratedSignals: 2 }] }]);
    expect(progress.recommendations).toEqual([{ kind: 'SQL', points: [{ sessionId: published, meanScore: 5, recommendations: ['YES'] }] }]);
    expect(progress.firstTwoMinutes).toEqual([{ sessionId: published, roundsJudged: 1, roundsMet: 1, rate: 1, cumulativeRate: 1 }]);
    expect(progress.sqlPace.points).toEqual([{ sessionId: published, problemsSolved: 2, elapsedMs: FIFTEEN_MINUTES }]);

    // Having shown it, the lead's release is final, like opening the feedback page makes it.
    await expect(unpublishFeedback(database.db, published, lead.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const releases = await database.db.feedbackRelease.findMany({ where: { sessionId: published }, select: { interviewerId: true, openedAt: true } });
    expect(releases).toEqual([{ interviewerId: lead.id, openedAt: expect.any(Date) }]);

    // Once the shadow publishes too, both interviewers of the round weigh the same.
    await publishFeedback(database.db, published, shadow.id);
    const both = await getCandidateProgress(database.db, candidate.id);
    expect(both.ratings[0]!.points).toEqual([{ sessionId: published, meanRating: 4.75, ratedSignals: 3 }]);
    expect(both.recommendations[0]!.points[0]!.recommendations.sort()).toEqual(['STRONG_NO', 'YES']);
    expect(both.firstTwoMinutes[0]).toMatchObject({ roundsMet: 0.5, rate: 0.5 });
    expect(both.sqlPace.points[0]).toMatchObject({ problemsSolved: 1 });

    // Nobody else sees any of it: not a stranger, and not the interviewers, who were never the candidate.
    for (const other of [stranger, lead, shadow, unpublishedLead, retractingLead]) {
      expect(await getCandidateProgress(database.db, other.id)).toEqual(EMPTY);
    }
  });

  it('is empty for a candidate until an interviewer publishes', async () => {
    const candidate = await account('Nia Newcomer');
    const lead = await account('Lou Lead');
    const sessionId = await sqlDrill(lead, candidate, [{ interviewerId: lead.id, ratings: { [PARTITION]: 'E6' }, recommendation: 'STRONG_YES' }]);
    expect(await getCandidateProgress(database.db, candidate.id)).toEqual(EMPTY);
    await publishFeedback(database.db, sessionId, lead.id);
    expect((await getCandidateProgress(database.db, candidate.id)).sessions).toHaveLength(1);
  });
});
