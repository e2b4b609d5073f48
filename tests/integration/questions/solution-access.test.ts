import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { AppError } from '@/lib/errors';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { canViewQuestionGuide } from '@/lib/questions/can-view-question-guide';
import { createQuestion } from '@/lib/questions/create-question';
import { deleteQuestion } from '@/lib/questions/delete-question';
import { duplicateQuestion } from '@/lib/questions/duplicate-question';
import { getQuestion } from '@/lib/questions/get-question';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { updateQuestion } from '@/lib/questions/update-question';
import { buildQuestionInput } from '../../factories/question-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { startServer, type RunningServer } from '../../support/start-server';
import { withMigratedTestDatabase } from '../../support/test-database';

const SECRET = 'integration-test-secret-that-is-long-enough';

const database = withMigratedTestDatabase();
let server: RunningServer;

type Account = ReturnType<typeof buildSignUpInput> & { id: string };
const accounts = {} as Record<'author' | 'other' | 'interviewer' | 'candidate' | 'otherRoundsInterviewer', Account>;
let question: { id: string; marker: string; prompt: string };
let builtIn: { id: string; solution: string; hint: string };

// A built-in whose first hint is plain text, so it reads the same in JSON, in HTML and in the RSC payload.
const BUILT_IN = BUILT_IN_QUESTIONS.find((candidate) => /^[\w ,.()-]{30,}$/.test(candidate.interviewerView.hints[0] ?? ''));

async function createAccount(): Promise<Account> {
  const input = buildSignUpInput();
  const user = await registerUser(database.db, input);
  return { ...input, id: user.id };
}

/** A session with one round using the question, created the way the session service will store it. */
async function createSessionUsing(questionId: string, members: { userId: string; role: 'INTERVIEWER' | 'CANDIDATE' }[], interviewerId: string | null) {
  const creatorId = members[0]?.userId;
  if (!creatorId) throw new Error('a session needs a member');
  return database.db.interviewSession.create({
    data: {
      title: 'Mock loop',
      loopTemplate: 'SINGLE_ROUND',
      createdById: creatorId,
      members: { create: members },
      rounds: {
        create: {
          position: 0,
          kind: 'SQL',
          format: { kind: 'SQL' },
          durationMs: 45 * 60_000,
          interviewerId,
          questions: { create: { questionId, position: 0 } },
        },
      },
    },
  });
}

async function signedIn(account: Account): Promise<HttpSession> {
  const session = new HttpSession(server.baseUrl);
  expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
  return session;
}

async function pageHtml(session: HttpSession, path: string): Promise<{ status: number; body: string }> {
  const response = await session.fetch(path);
  return { status: response.status, body: await response.text() };
}

/** The React Server Components payload a client-side navigation fetches: it must not carry the guide either. */
async function rscPayload(session: HttpSession, path: string): Promise<string> {
  // Next answers an RSC request without its cache-busting `_rsc` hash with a redirect to the hashed URL;
  // follow that one hop as the router does.
  let response = await session.fetch(path, { headers: { RSC: '1' } });
  const location = response.headers.get('location');
  if (response.status === 307 && location) {
    const target = new URL(location, server.baseUrl);
    expect(target.pathname).toBe(path);
    expect(target.searchParams.has('_rsc')).toBe(true);
    response = await session.fetch(location, { headers: { RSC: '1' } });
  }
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/x-component');
  return response.text();
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

beforeAll(async () => {
  if (!BUILT_IN) throw new Error('no built-in question with a plain-text first hint');
  await seedBuiltInQuestions(database.db);
  for (const name of ['author', 'other', 'interviewer', 'candidate', 'otherRoundsInterviewer'] as const) accounts[name] = await createAccount();

  const input = buildQuestionInput();
  question = { ...(await createQuestion(database.db, accounts.author.id, input)), marker: input.marker, prompt: input.prompt };

  const builtInRow = await database.db.question.findUniqueOrThrow({ where: { builtInSlug: BUILT_IN.slug } });
  builtIn = { id: builtInRow.id, solution: BUILT_IN.interviewerView.solution, hint: BUILT_IN.interviewerView.hints[0] ?? '' };
  await createSessionUsing(
    builtIn.id,
    [
      { userId: accounts.interviewer.id, role: 'INTERVIEWER' },
      { userId: accounts.candidate.id, role: 'CANDIDATE' },
    ],
    null,
  );
  // A peer session where roles swap: this INTERVIEWER member does not run the round that uses the question.
  await createSessionUsing(builtIn.id, [{ userId: accounts.otherRoundsInterviewer.id, role: 'INTERVIEWER' }], accounts.interviewer.id);

  server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET } });
});

afterAll(async () => {
  await server?.stop();
});

describe('a question the user wrote', () => {
  it('shows its guide to the author through the service, the page and its RSC payload', async () => {
    const detail = await getQuestion(database.db, accounts.author.id, question.id);
    expect(detail.guide?.solution).toContain(question.marker);
    expect(await canViewQuestionGuide(database.db, accounts.author.id, question.id)).toBe(true);

    const session = await signedIn(accounts.author);
    const page = await pageHtml(session, `/questions/${question.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(question.marker);
    expect(page.body).toContain('data-testid="question-guide"');
    expect(await rscPayload(session, `/questions/${question.id}`)).toContain(question.marker);
  });

  it('shows anyone else the prompt but never the solution: not via the service, the page, its RSC payload or the edit page', async () => {
    const detail = await getQuestion(database.db, accounts.other.id, question.id);
    expect(detail.guide).toBeNull();
    expect(detail.prompt).toBe(question.prompt);
    expect(JSON.stringify(detail)).not.toContain(question.marker);
    expect(await canViewQuestionGuide(database.db, accounts.other.id, question.id)).toBe(false);

    const session = await signedIn(accounts.other);
    const page = await pageHtml(session, `/questions/${question.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="guide-withheld"');
    expect(page.body).not.toContain(question.marker);
    expect(page.body).not.toContain('data-testid="question-guide"');
    expect(await rscPayload(session, `/questions/${question.id}`)).not.toContain(question.marker);

    const edit = await pageHtml(session, `/questions/${question.id}/edit`);
    expect(edit.body).not.toContain(question.marker);
    expect(edit.status).toBe(307);
  });

  it('duplicates without the solution for someone who may not see it, and with it for the author', async () => {
    const othersCopy = await duplicateQuestion(database.db, accounts.other.id, question.id);
    const othersView = await getQuestion(database.db, accounts.other.id, othersCopy.id);
    expect(othersView).toMatchObject({ isMine: true, prompt: question.prompt, guide: { solution: '', hints: [], probes: [] } });
    const stored = await database.db.questionGuide.findUniqueOrThrow({ where: { questionId: othersCopy.id } });
    expect(JSON.stringify(stored)).not.toContain(question.marker);

    const authorsCopy = await duplicateQuestion(database.db, accounts.author.id, question.id);
    expect((await getQuestion(database.db, accounts.author.id, authorsCopy.id)).guide?.solution).toContain(question.marker);
  });

  it('refuses to update or delete it for anyone but the author, and leaves it as it was', async () => {
    const before = await database.db.question.findUniqueOrThrow({ where: { id: question.id }, include: { guide: true } });
    await expectAppError(updateQuestion(database.db, accounts.other.id, question.id, buildQuestionInput()), 'FORBIDDEN');
    await expectAppError(deleteQuestion(database.db, accounts.other.id, question.id), 'FORBIDDEN');
    await expectAppError(updateQuestion(database.db, accounts.other.id, 'no-such-question', buildQuestionInput()), 'NOT_FOUND');
    expect(await database.db.question.findUniqueOrThrow({ where: { id: question.id }, include: { guide: true } })).toEqual(before);
  });

  it('lets the author update and then delete it; a deleted question is gone for everyone', async () => {
    const input = buildQuestionInput();
    const { id } = await createQuestion(database.db, accounts.author.id, input);
    await updateQuestion(database.db, accounts.author.id, id, { ...input, title: 'Renamed by its author' });
    expect((await getQuestion(database.db, accounts.other.id, id)).title).toBe('Renamed by its author');

    await deleteQuestion(database.db, accounts.author.id, id);
    await expectAppError(getQuestion(database.db, accounts.author.id, id), 'NOT_FOUND');
    await expectAppError(duplicateQuestion(database.db, accounts.other.id, id), 'NOT_FOUND');
    await expectAppError(updateQuestion(database.db, accounts.author.id, id, input), 'NOT_FOUND');
    const session = await signedIn(accounts.other);
    expect((await session.fetch(`/questions/${id}`)).status).toBe(404);
  });
});

describe('a built-in question', () => {
  it('is read-only for everyone', async () => {
    await expectAppError(updateQuestion(database.db, accounts.interviewer.id, builtIn.id, buildQuestionInput()), 'FORBIDDEN');
    await expectAppError(deleteQuestion(database.db, accounts.interviewer.id, builtIn.id), 'FORBIDDEN');
  });

  it("shows its guide to an interviewer of a session that uses it, and not to that session's candidate", async () => {
    expect((await getQuestion(database.db, accounts.interviewer.id, builtIn.id)).guide?.solution).toBe(builtIn.solution);
    expect((await getQuestion(database.db, accounts.candidate.id, builtIn.id)).guide).toBeNull();
    expect(await canViewQuestionGuide(database.db, accounts.candidate.id, builtIn.id)).toBe(false);

    const interviewer = await signedIn(accounts.interviewer);
    const interviewerPage = await pageHtml(interviewer, `/questions/${builtIn.id}`);
    expect(interviewerPage.body).toContain('data-testid="question-guide"');
    expect(interviewerPage.body).toContain(builtIn.hint);

    const candidate = await signedIn(accounts.candidate);
    const candidatePage = await pageHtml(candidate, `/questions/${builtIn.id}`);
    expect(candidatePage.status).toBe(200);
    expect(candidatePage.body).not.toContain('data-testid="question-guide"');
    expect(candidatePage.body).not.toContain(builtIn.hint);
    expect(await rscPayload(candidate, `/questions/${builtIn.id}`)).not.toContain(builtIn.hint);

    const candidatesCopy = await duplicateQuestion(database.db, accounts.candidate.id, builtIn.id);
    expect((await getQuestion(database.db, accounts.candidate.id, candidatesCopy.id)).guide?.solution).toBe('');
  });

  it('hides its guide from an interviewer member who does not run the round that uses it', async () => {
    expect(await canViewQuestionGuide(database.db, accounts.otherRoundsInterviewer.id, builtIn.id)).toBe(false);
    expect((await getQuestion(database.db, accounts.otherRoundsInterviewer.id, builtIn.id)).guide).toBeNull();
    // ...while the interviewer that round names may see it through that session too.
    expect(await canViewQuestionGuide(database.db, accounts.interviewer.id, builtIn.id)).toBe(true);
  });

  it('hides every guide from users in no session', async () => {
    expect((await getQuestion(database.db, accounts.other.id, builtIn.id)).guide).toBeNull();
  });
});

describe('the question pages', () => {
  it('send anonymous visitors to sign in', async () => {
    const anonymous = new HttpSession(server.baseUrl);
    for (const path of ['/questions', '/questions/new', `/questions/${question.id}`, `/questions/${question.id}/edit`]) {
      const response = await anonymous.fetch(path);
      expect(response.status, path).toBe(307);
      expect(response.headers.get('location'), path).toMatch(/^\/sign-in/);
      expect(await response.text(), path).not.toContain(question.marker);
    }
  });
});
