import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { createQuestion } from '@/lib/questions/create-question';
import { deleteQuestion } from '@/lib/questions/delete-question';
import { findQuestions, QUESTIONS_PER_PAGE } from '@/lib/questions/find-questions';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { buildQuestionInput } from '../../factories/question-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

const database = withMigratedTestDatabase();
let me: string;
let peer: string;

beforeAll(async () => {
  await seedBuiltInQuestions(database.db);
  me = (await registerUser(database.db, buildSignUpInput())).id;
  peer = (await registerUser(database.db, buildSignUpInput())).id;
});

describe('findQuestions', () => {
  it('searches title and prompt case-insensitively, marks mine, and hides deleted questions', async () => {
    const word = `zebra${randomBytes(4).toString('hex')}`;
    const inTitle = await createQuestion(database.db, me, buildQuestionInput({ title: `Count ${word.toUpperCase()} sightings` }));
    const inPrompt = await createQuestion(database.db, peer, buildQuestionInput({ prompt: `Table of ${word} events, partitioned by ds.` }));
    const deleted = await createQuestion(database.db, me, buildQuestionInput({ title: `Old ${word}` }));
    await deleteQuestion(database.db, me, deleted.id);

    const { items, total } = await findQuestions(database.db, me, { q: word });
    expect(total).toBe(2);
    // Newest first among questions users wrote.
    expect(items.map((item) => [item.id, item.isMine, item.isBuiltIn])).toEqual([
      [inPrompt.id, false, false],
      [inTitle.id, true, false],
    ]);
    expect(items[0]).not.toHaveProperty('prompt');
  });

  it('filters by round and difficulty, listing built-ins in loop order', async () => {
    const { items } = await findQuestions(database.db, me, { roundKind: 'PYTHON_ETL', difficulty: 'HARD' });
    const expected = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === 'PYTHON_ETL' && question.difficulty === 'HARD')
      .map((question) => question.title)
      .sort((a, b) => (a < b ? -1 : 1));
    expect(items.map((item) => item.title)).toEqual(expected);
    expect(items.every((item) => item.isBuiltIn && item.roundKind === 'PYTHON_ETL' && item.difficulty === 'HARD')).toBe(true);
  });

  it('pages through questions users wrote and then the built-ins as one list, 20 to a page', async () => {
    const pages = [];
    for (let page = 1; ; page += 1) {
      const result = await findQuestions(database.db, me, { page: String(page) });
      pages.push(result);
      if (page >= result.pageCount) break;
    }
    const all = pages.flatMap((result) => result.items);
    expect(pages.slice(0, -1).every((result) => result.items.length === QUESTIONS_PER_PAGE)).toBe(true);
    expect(all).toHaveLength(pages[0]?.total ?? -1);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    const firstBuiltIn = all.findIndex((item) => item.isBuiltIn);
    expect(all.slice(firstBuiltIn).every((item) => item.isBuiltIn)).toBe(true);
    expect(all.filter((item) => item.isBuiltIn)).toHaveLength(BUILT_IN_QUESTIONS.length);
  });

  it('treats bad filter values in a URL as absent', async () => {
    const result = await findQuestions(database.db, me, { roundKind: 'NOPE', difficulty: '', q: '   ', page: '-3' });
    expect(result.filter).toEqual({ roundKind: undefined, difficulty: undefined, q: undefined, page: 1 });
  });

  it('matches % and _ literally', async () => {
    const id = randomBytes(4).toString('hex');
    const literal = await createQuestion(database.db, me, buildQuestionInput({ title: `Share of 100%_${id} users` }));
    await createQuestion(database.db, me, buildQuestionInput({ title: `Share of 100xy${id} users` }));
    const { items } = await findQuestions(database.db, me, { q: `100%_${id}` });
    expect(items.map((item) => item.id)).toEqual([literal.id]);
  });
});
