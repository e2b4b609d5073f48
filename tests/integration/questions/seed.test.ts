import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient, type Db } from '@/lib/db';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { createQuestion } from '@/lib/questions/create-question';
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
});
