import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient, type Db } from '@/lib/db';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { findContentRoot } from '@/lib/content/find-content-root';
import { createQuestion } from '@/lib/questions/create-question';
import { findQuestions } from '@/lib/questions/find-questions';
import { getQuestion } from '@/lib/questions/get-question';
import { loadQuestionBank } from '@/lib/questions/load-question-bank';
import { SIGNAL_CATALOG } from '@/lib/rubric/signal-catalog';
import { createSession } from '@/lib/sessions/create-session';
import { getSessionView } from '@/lib/sessions/get-session-view';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { buildQuestionInput } from '../../factories/question-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { createMigratedTestDatabase, type TestDatabase } from '../../support/test-database';

// Each test seeds a database of its own: the seed is global by nature, so sharing one would couple the tests.
let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await createMigratedTestDatabase();
  db = createDbClient(database.url);
  // Test databases come with the bank already seeded (as a started server leaves them); these tests start empty.
  await db.question.deleteMany();
});

afterEach(async () => {
  await db.$disconnect();
  await database.drop();
});

async function builtInIdsBySlug(): Promise<Record<string, string>> {
  const rows = await db.question.findMany({ where: { builtInSlug: { not: null } }, select: { id: true, builtInSlug: true } });
  return Object.fromEntries(rows.map((row) => [row.builtInSlug, row.id]));
}

async function rowCounts() {
  return { questions: await db.question.count(), guides: await db.questionGuide.count() };
}

const [firstBuiltIn, secondBuiltIn] = BUILT_IN_QUESTIONS;
if (!firstBuiltIn || !secondBuiltIn) throw new Error('the built-in bank is empty');

describe('seedBuiltInQuestions', () => {
  it('creates every built-in with its guide once; a second run changes nothing and keeps the ids', async () => {
    expect(await seedBuiltInQuestions(db)).toEqual({ created: BUILT_IN_QUESTIONS.length, updated: 0, retired: 0 });
    const countsAfterFirst = await rowCounts();
    const idsAfterFirst = await builtInIdsBySlug();
    expect(countsAfterFirst).toEqual({ questions: BUILT_IN_QUESTIONS.length, guides: BUILT_IN_QUESTIONS.length });
    const updatedAtBefore = await db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } });

    expect(await seedBuiltInQuestions(db)).toEqual({ created: 0, updated: 0, retired: 0 });
    expect(await rowCounts()).toEqual(countsAfterFirst);
    expect(await builtInIdsBySlug()).toEqual(idsAfterFirst);
    expect(await db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } })).toEqual(updatedAtBefore);
  });

  it('writes the guide the code holds, probes and twists included', async () => {
    await seedBuiltInQuestions(db);
    const withTwists = BUILT_IN_QUESTIONS.find((question) => (question.interviewerView.twists ?? []).length > 0);
    if (!withTwists) throw new Error('no built-in with twists');
    const row = await db.question.findUniqueOrThrow({ where: { builtInSlug: withTwists.slug }, include: { guide: true } });
    expect(row).toMatchObject({ authorId: null, title: withTwists.title, prompt: withTwists.candidateView.prompt, deletedAt: null });
    expect(row.guide).toMatchObject({
      solution: withTwists.interviewerView.solution,
      hints: withTwists.interviewerView.hints,
      probes: withTwists.interviewerView.probes,
      signalKeys: withTwists.interviewerView.signalKeys,
      twists: withTwists.interviewerView.twists,
    });
  });

  it('restores a built-in edited in the database, in place', async () => {
    await seedBuiltInQuestions(db);
    const before = await db.question.findUniqueOrThrow({ where: { builtInSlug: firstBuiltIn.slug } });
    await db.question.update({ where: { id: before.id }, data: { title: 'Edited by hand', guide: { update: { solution: 'tampered' } } } });

    expect(await seedBuiltInQuestions(db)).toEqual({ created: 0, updated: 1, retired: 0 });
    const after = await db.question.findUniqueOrThrow({ where: { builtInSlug: firstBuiltIn.slug }, include: { guide: true } });
    expect(after.id).toBe(before.id);
    expect(after.title).toBe(firstBuiltIn.title);
    expect(after.guide?.solution).toBe(firstBuiltIn.interviewerView.solution);
    expect(await rowCounts()).toEqual({ questions: BUILT_IN_QUESTIONS.length, guides: BUILT_IN_QUESTIONS.length });
  });

  it('soft-deletes a built-in the code dropped and brings it back, same id, when it returns', async () => {
    await seedBuiltInQuestions(db);
    const id = (await builtInIdsBySlug())[secondBuiltIn.slug];

    const withoutSecond = BUILT_IN_QUESTIONS.filter((question) => question.slug !== secondBuiltIn.slug);
    expect(await seedBuiltInQuestions(db, withoutSecond)).toEqual({ created: 0, updated: 0, retired: 1 });
    expect(await db.question.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await seedBuiltInQuestions(db, withoutSecond)).toEqual({ created: 0, updated: 0, retired: 0 });

    expect(await seedBuiltInQuestions(db)).toEqual({ created: 0, updated: 1, retired: 0 });
    expect(await db.question.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: null, builtInSlug: secondBuiltIn.slug });
    expect(await rowCounts()).toEqual({ questions: BUILT_IN_QUESTIONS.length, guides: BUILT_IN_QUESTIONS.length });
  });

  it('never touches a question a user wrote, even one with a built-in title', async () => {
    const author = await registerUser(db, buildSignUpInput());
    const { id } = await createQuestion(db, author.id, buildQuestionInput({ title: firstBuiltIn.title }));
    const before = await db.question.findUniqueOrThrow({ where: { id }, include: { guide: true } });

    await seedBuiltInQuestions(db);
    await seedBuiltInQuestions(db, []); // retires every built-in
    await seedBuiltInQuestions(db);

    expect(await db.question.findUniqueOrThrow({ where: { id }, include: { guide: true } })).toEqual(before);
    expect(await db.question.count({ where: { authorId: author.id } })).toBe(1);
  });

  it('lets two start-ups seed at once without duplicating or failing', async () => {
    const other = createDbClient(database.url);
    try {
      const results = await Promise.all([seedBuiltInQuestions(db), seedBuiltInQuestions(other)]);
      expect(results.map((result) => result.created).sort()).toEqual([0, BUILT_IN_QUESTIONS.length]);
      expect(await rowCounts()).toEqual({ questions: BUILT_IN_QUESTIONS.length, guides: BUILT_IN_QUESTIONS.length });
    } finally {
      await other.$disconnect();
    }
  });

  it('takes a coach\'s edit of a file into the bank, while a session that asked the question keeps its copy', async () => {
    await seedBuiltInQuestions(db);
    const interviewer = await registerUser(db, buildSignUpInput());
    const asked = BUILT_IN_QUESTIONS.find((question) => question.slug === 'product-dau-drop-tuesday');
    if (!asked) throw new Error('the bank lost product-dau-drop-tuesday');
    const oldId = (await builtInIdsBySlug())[asked.slug]!;
    const session = await createSession(db, interviewer.id, {
      title: 'Before the edit',
      template: 'SINGLE_ROUND',
      roundKinds: ['PRODUCT_SENSE'],
      questionIds: { '0': [oldId] },
    });

    // The coach edits the file: a new title and a new sentence in the prompt and in the solution.
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'mockloop-seed-')), 'content');
    try {
      cpSync(findContentRoot(), root, { recursive: true });
      const file = path.join(root, 'questions', 'product-sense', `${asked.slug}.md`);
      const edited = readFileSync(file, 'utf8')
        .replace(`title: ${asked.title}`, 'title: DAU fell on a Tuesday (edited)')
        .replace('# Solution\n', '# Solution\n\nA sentence the coach added.\n')
        .replace('# Prompt\n', '# Prompt\n\nA new first line of the prompt.\n');
      writeFileSync(file, edited);
      const editedBank = loadQuestionBank(root, SIGNAL_CATALOG).questions;

      expect(await seedBuiltInQuestions(db, editedBank)).toEqual({ created: 0, updated: 1, retired: 0 });
      expect(await seedBuiltInQuestions(db, editedBank)).toEqual({ created: 0, updated: 0, retired: 0 });
    } finally {
      rmSync(path.dirname(root), { recursive: true, force: true });
    }

    // The bank: the edited question under a new id, the old copy gone from the list, same number of questions.
    const newId = (await builtInIdsBySlug())[asked.slug]!;
    expect(newId).not.toBe(oldId);
    const bank = await findQuestions(db, interviewer.id, { roundKind: 'PRODUCT_SENSE' });
    const listed = bank.items.filter((item) => item.isBuiltIn).map((item) => [item.id, item.title]);
    expect(listed).toContainEqual([newId, 'DAU fell on a Tuesday (edited)']);
    expect(listed.map(([id]) => id)).not.toContain(oldId);
    expect(await db.question.count({ where: { deletedAt: null } })).toBe(BUILT_IN_QUESTIONS.length);
    const detail = await getQuestion(db, interviewer.id, newId);
    expect(detail.prompt).toContain('A new first line of the prompt.');

    // The session: the title, prompt and guide it was created with.
    const view = await getSessionView(db, session.id, interviewer.id);
    const [question] = view.rounds[0]!.questions;
    expect(question).toMatchObject({ title: asked.title });
    expect(question!.promptHtml).not.toContain('A new first line');
    expect(question!.guide?.solutionHtml).not.toContain('A sentence the coach added.');
    expect(await db.question.findUniqueOrThrow({ where: { id: oldId } })).toMatchObject({
      builtInSlug: null,
      builtInVersionOf: asked.slug,
      deletedAt: expect.any(Date),
    });

    // A session created now gets the new version.
    const later = await createSession(db, interviewer.id, { title: 'After', template: 'SINGLE_ROUND', roundKinds: ['PRODUCT_SENSE'], questionIds: { '0': [newId] } });
    const laterView = await getSessionView(db, later.id, interviewer.id);
    expect(laterView.rounds[0]!.questions[0]!.promptHtml).toContain('A new first line of the prompt.');
  });
});
