import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { createStory } from '@/lib/stories/create-story';
import { findStories } from '@/lib/stories/find-stories';
import { linkStoryTelling } from '@/lib/stories/link-story-telling';
import { completeScoredSession } from '../../factories/scored-session-factory';
import { createSessionBetween } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { expectNoneOf, fetchPage } from '../../support/page-text';
import { callServerAction, findServerActionId } from '../../support/server-action';

// The story ledger over the real server: its owner writes through the server actions, anyone else (over HTTP,
// with hand-made action calls) can neither see nor change a thing; and a story told in a mock shows that
// round's rating only once the interviewer has published it.

const live = withLiveTestServer();

const ACTIONS = 'app/stories/[id]/actions.ts';

async function account(name: string) {
  const input = buildSignUpInput({ name });
  return { ...input, id: (await registerUser(live.db, input)).id };
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

describe('the story ledger', () => {
  it('saves the owner’s story through the form action and shows it on their ledger, with the coverage', async () => {
    const owner = await account('Olive Owner');
    const http = await live.signIn(owner);
    const title = `Billing migration ${owner.id}`;
    const result = await callServerAction(http, '/stories/new', findServerActionId('app/stories/new/actions.ts', 'createStoryAction'), [
      { status: 'idle', attempt: 0 },
      form({ title, scope: 'MULTI_ORG', situation: 'Ads billing at 2M events/s', metrics: '18 h to 4 min', competencies: ['INFLUENCE_WITHOUT_AUTHORITY', 'CROSS_TEAM_ALIGNMENT'] }),
    ]);
    expect(result.redirect).toMatch(/^\/stories/);
    const stored = await live.db.story.findFirstOrThrow({ where: { userId: owner.id } });
    expect(stored).toMatchObject({ title, scope: 'MULTI_ORG', metrics: '18 h to 4 min', competencies: ['INFLUENCE_WITHOUT_AUTHORITY', 'CROSS_TEAM_ALIGNMENT'] });

    const page = await fetchPage(http, '/stories');
    expect(page.text).toContain(title);
    expect(page.text).toContain('3 of 5 competencies have no story yet.');
  });

  it('is invisible and unmodifiable to anyone else: pages 404, actions refused, nothing written', async () => {
    const owner = await account('Olive Owner');
    const stranger = await account('Sam Stranger');
    const secret = `Post-mortem of the 90-day backfill ${owner.id}`;
    const { id: storyId } = await createStory(live.db, owner.id, { title: secret, scope: 'ORG', lessons: `lesson-${owner.id}`, competencies: ['POST_MORTEM'] });
    const before = await live.db.story.findUniqueOrThrow({ where: { id: storyId } });
    const http = await live.signIn(stranger);

    expect((await fetchPage(http, `/stories/${storyId}`)).status).toBe(404);
    for (const rsc of [false, true]) {
      // The RSC payload of a not-found page may answer 200 (with the not-found boundary): judge it by its content.
      expectNoneOf([secret, `lesson-${owner.id}`], (await fetchPage(http, `/stories/${storyId}`, rsc)).text, `stranger story page ${rsc ? 'RSC' : 'HTML'}`);
      const ledger = await fetchPage(http, '/stories', rsc);
      expect(ledger.status).toBe(200);
      expectNoneOf([secret, `lesson-${owner.id}`], ledger.text, `stranger ledger ${rsc ? 'RSC' : 'HTML'}`);
    }

    const call = (name: string, args: unknown[]) => callServerAction(http, `/stories/${storyId}`, findServerActionId(ACTIONS, name), args);
    const update = await call('updateStoryAction', [storyId, { status: 'idle', attempt: 0 }, form({ title: 'Hijacked', scope: 'TEAM' })]);
    expect(update.redirect).toBeNull();
    expect(update.text).toContain('That story does not exist.');
    expect((await call('deleteStoryAction', [storyId])).text).toMatch(/"ok":false,"code":"NOT_FOUND"/);
    expect((await call('unlinkStoryTellingAction', [storyId, 'some-round'])).text).toMatch(/"ok":false,"code":"NOT_FOUND"/);

    // Even naming a behavioral round the stranger really was the candidate in.
    const interviewer = await account('Ivy Interviewer');
    const sessionId = await createSessionBetween(live.db, interviewer.id, stranger, { title: 'Stranger’s loop', template: 'CUSTOM', roundKinds: ['BEHAVIORAL'] });
    const [roundId] = await completeScoredSession(live.db, sessionId, interviewer.id, [{ elapsedMs: 60_000, scorecards: [] }]);
    const link = await call('linkStoryTellingAction', [storyId, { status: 'idle', attempt: 0 }, form({ roundId: roundId! })]);
    expect(link.text).toContain('That story does not exist.');

    expect(await live.db.story.findUniqueOrThrow({ where: { id: storyId } })).toEqual(before);
    expect(await live.db.storyTelling.count({ where: { storyId } })).toBe(0);
    expect(await live.db.story.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it('shows how a told story was rated only once the interviewer has published', async () => {
    const candidate = await account('Cam Candidate');
    const interviewer = await account('Ivy Interviewer');
    const sessionId = await createSessionBetween(live.db, interviewer.id, candidate, { title: 'Behavioral mock', template: 'CUSTOM', roundKinds: ['BEHAVIORAL'] });
    const [roundId] = await completeScoredSession(live.db, sessionId, interviewer.id, [
      { elapsedMs: 45 * 60_000, scorecards: [{ interviewerId: interviewer.id, recommendation: 'LEAN_YES' }] },
    ]);
    const { id: storyId } = await createStory(live.db, candidate.id, { title: 'Mentored a new grad', scope: 'TEAM', competencies: ['MENTORING'] });

    // Only rounds the owner was the candidate in: the interviewer cannot tie their own story to it.
    const { id: interviewerStory } = await createStory(live.db, interviewer.id, { title: 'Mine', scope: 'TEAM' });
    await expect(linkStoryTelling(live.db, interviewer.id, interviewerStory, { roundId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await linkStoryTelling(live.db, candidate.id, storyId, { roundId });
    await linkStoryTelling(live.db, candidate.id, storyId, { roundId }); // told twice, recorded once
    expect(await live.db.storyTelling.count({ where: { storyId } })).toBe(1);

    const unpublished = await findStories(live.db, candidate.id);
    expect(unpublished.stories[0]!.tellings).toEqual([expect.objectContaining({ roundId, sessionTitle: 'Behavioral mock', ratings: null })]);
    expect(await live.db.feedbackRelease.count({ where: { sessionId } })).toBe(0);

    await publishFeedback(live.db, sessionId, interviewer.id);
    const http = await live.signIn(candidate);
    const page = await fetchPage(http, '/stories');
    expect(page.text).toContain('Lean yes');
    const published = await findStories(live.db, candidate.id);
    expect(published.stories[0]!.tellings[0]!.ratings).toEqual([{ interviewerName: 'Ivy Interviewer', recommendation: 'LEAN_YES', levelEstimate: null }]);
    // Shown to the candidate, so final: it can no longer be unpublished.
    expect((await live.db.feedbackRelease.findFirstOrThrow({ where: { sessionId } })).openedAt).not.toBeNull();
  });
});
