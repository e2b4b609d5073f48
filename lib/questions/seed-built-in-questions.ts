import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { BUILT_IN_QUESTIONS } from './built-in-questions';
import type { Question } from './question-types';

export interface SeedResult {
  created: number;
  updated: number;
  retired: number;
}

// Any constant will do; it only has to be the same in every process that seeds (several instances may start
// at once against one database, and two inserts of one slug would otherwise race on the unique index).
const SEED_LOCK_KEY = 0x6d6f636b; // 'mock'

/**
 * Makes the database's built-in questions match content/questions/: creates new ones, soft-deletes those the
 * files dropped and restores those that came back. A changed question is rewritten in place while no session has
 * asked it; once one has, the seed keeps that row as an old version (hidden from the bank, `builtInVersionOf` set)
 * and gives the slug to a new row, so every session keeps showing the copy it was run with. Questions users wrote
 * (authorId set) are never read or written. Idempotent: a second run changes nothing and does not bump updatedAt.
 */
export async function seedBuiltInQuestions(db: Db, questions: readonly Question[] = BUILT_IN_QUESTIONS): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const existing = await tx.question.findMany({
        where: { builtInSlug: { not: null }, authorId: null },
        select: {
          id: true,
          builtInSlug: true,
          roundKind: true,
          title: true,
          difficulty: true,
          prompt: true,
          theme: true,
          deletedAt: true,
          _count: { select: { roundQuestions: true } },
          guide: { select: { solution: true, hints: true, probes: true, signalKeys: true, twists: true } },
        },
      });
      const bySlug = new Map(existing.map((row) => [row.builtInSlug, row]));
      const result: SeedResult = { created: 0, updated: 0, retired: 0 };

      for (const question of questions) {
        const row = bySlug.get(question.slug);
        const fields = questionFieldsOf(question);
        const guide = guideFieldsOf(question);
        if (!row) {
          await tx.question.create({ data: { ...fields, builtInSlug: question.slug, guide: { create: guide } } });
          result.created += 1;
          continue;
        }
        const isContentUnchanged =
          row.roundKind === fields.roundKind &&
          row.title === fields.title &&
          row.difficulty === fields.difficulty &&
          row.prompt === fields.prompt &&
          row.theme === fields.theme &&
          row.guide !== null &&
          // jsonb does not keep key order; isDeepStrictEqual ignores it.
          isDeepStrictEqual({ ...row.guide }, { ...guide });
        if (isContentUnchanged && row.deletedAt === null) continue;
        result.updated += 1;
        if (isContentUnchanged || row._count.roundQuestions === 0) {
          await tx.question.update({
            where: { id: row.id, authorId: null },
            data: { ...fields, deletedAt: null, guide: { upsert: { create: guide, update: guide } } },
          });
          continue;
        }
        // Asked in a session: that session keeps this row as it is. The slug moves to a new row first (it is unique).
        await tx.question.update({
          where: { id: row.id, authorId: null },
          data: { builtInSlug: null, builtInVersionOf: question.slug, deletedAt: row.deletedAt ?? new Date() },
        });
        await tx.question.create({ data: { ...fields, builtInSlug: question.slug, guide: { create: guide } } });
      }

      const keptSlugs = questions.map((question) => question.slug);
      const retired = await tx.question.updateMany({
        where: { authorId: null, deletedAt: null, AND: [{ builtInSlug: { not: null } }, { builtInSlug: { notIn: keptSlugs } }] },
        data: { deletedAt: new Date() },
      });
      result.retired = retired.count;
      return result;
    },
    // ~100 questions × a few statements each; generous so a slow first start on a cold disk still commits.
    { timeout: 60_000, maxWait: 30_000 },
  );
}

function questionFieldsOf(question: Question) {
  return {
    roundKind: question.roundKind,
    title: question.title,
    difficulty: question.difficulty,
    prompt: question.candidateView.prompt,
    theme: question.theme ?? null,
  };
}

function guideFieldsOf(question: Question) {
  const view = question.interviewerView;
  return {
    solution: view.solution,
    hints: [...view.hints],
    probes: view.probes.map(({ level, prompt, lookFor }) => ({ level, prompt, lookFor })) satisfies Prisma.InputJsonArray,
    signalKeys: [...view.signalKeys],
    twists: (view.twists ?? []).map(({ key, title, prompt, strongAnswer, probesSignalKey }) => ({
      key,
      title,
      prompt,
      strongAnswer: strongAnswer ?? '',
      probesSignalKey,
    })) satisfies Prisma.InputJsonArray,
  };
}
