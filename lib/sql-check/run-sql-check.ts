import { z } from 'zod';
import type { Db } from '@/lib/db';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getSessionAccess } from '@/lib/sessions/get-session-access';
import { sqlFixtureOf } from './built-in-fixtures';
import { diffResultRows } from './diff-result-rows';
import { executeInSandbox } from './execute-in-sandbox';
import { findSqlAnswer } from './split-sql-answer';
import { runInSqlCheckQueue } from './sql-check-queue';
import { toSqlCheckRunView, type SqlCheckResult, type SqlCheckView } from './sql-check-result';

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const runSqlCheckSchema = z.object({ sessionId: idSchema, roundId: idSchema, roundQuestionId: idSchema });

export type RunSqlCheckInput = z.infer<typeof runSqlCheckSchema>;

/** Rows kept of each result: plenty for fixture-sized answers, bounded for the stored JSON and the page. */
const MAX_ROWS = 500;

/**
 * Runs one asked question's SQL answer against its fixture tables and stores the result (replacing an earlier
 * one). Any member of the session may run it (interviewer or candidate, either peer), but only after the round
 * has ENDED: during the round there is no execution, as in the real interview. Asked questions only; questions
 * without fixture tables (the ones users write) cannot be checked.
 */
export async function runSqlCheck(db: Db, userId: string, input: RunSqlCheckInput): Promise<SqlCheckView> {
  const access = await getSessionAccess(db, input.sessionId, userId);
  const asked = await db.roundQuestion.findFirst({
    where: { id: input.roundQuestionId, roundId: input.roundId, revealedAt: { not: null }, round: { sessionId: input.sessionId } },
    select: {
      id: true,
      question: { select: { builtInSlug: true, builtInVersionOf: true } },
      round: {
        select: {
          kind: true,
          status: true,
          interviewerId: true,
          candidateId: true,
          documents: { where: { kind: 'ROUND_EDITOR' }, select: { id: true } },
          questions: { where: { revealedAt: { not: null } }, orderBy: { position: 'asc' }, select: { id: true } },
        },
      },
    },
  });
  if (!asked) throw new AppError('NOT_FOUND', 'That question was not asked in this session.');
  const { round } = asked;
  if (round.kind !== 'SQL') throw new AppError('INVALID_INPUT', 'Only answers of a SQL round can be checked.');
  if (round.status !== 'ENDED') throw new AppError('CONFLICT', 'SQL answers can be checked once the round has ended: there is no execution during it.');
  // An old version of a built-in (the seed kept it for this session) is checked with its question's current fixture.
  const fixture = sqlFixtureOf(asked.question.builtInSlug ?? asked.question.builtInVersionOf);
  if (!fixture) throw new AppError('INVALID_INPUT', 'This question has no test data: only built-in questions can be checked.');
  const editorId = round.documents[0]?.id;
  if (!editorId) throw new Error(`round ${input.roundId} has no editor document`);

  const questionNumber = round.questions.findIndex((question) => question.id === asked.id) + 1;
  const stored = await loadStoredDocument(db, editorId);
  const found = findSqlAnswer(stored ? storedDocumentText(stored) : '', questionNumber, round.questions.length);

  const { result, answerSql } = await runInSqlCheckQueue(asked.id, getEnv().SQL_CHECK_CONCURRENCY, async () => {
    if (!found.ok) return { answerSql: '', result: noAnswer(found.message) };
    return { answerSql: found.sql, result: await check(fixture, found.sql, found.source) };
  });

  const saved = await db.$transaction(async (tx) => {
    const run = await tx.sqlCheckRun.upsert({
      where: { roundQuestionId: asked.id },
      create: { roundId: input.roundId, roundQuestionId: asked.id, status: result.verdict, answerSql, result, ranById: userId },
      update: { status: result.verdict, answerSql, result, ranById: userId },
      select: { answerSql: true, result: true, updatedAt: true },
    });
    await tx.sessionEvent.create({
      data: { sessionId: input.sessionId, roundId: input.roundId, type: 'sql-check.ran', actorId: userId, payload: { roundQuestionId: asked.id, verdict: result.verdict } },
    });
    return run;
  });

  const isInterviewer = access.roleIn(round) === 'INTERVIEWER';
  return {
    roundQuestionId: asked.id,
    questionNumber,
    isCheckable: true,
    run: toSqlCheckRunView(saved, isInterviewer),
    ...(isInterviewer ? { exposes: fixture.exposes } : {}),
    isInterviewerView: isInterviewer,
  };
}

async function check(fixture: { setupSql: string; referenceSql: string }, answerSql: string, source: SqlCheckResult['answerSource']): Promise<SqlCheckResult> {
  const env = getEnv();
  const outcome = await executeInSandbox({
    setupSql: fixture.setupSql,
    referenceSql: fixture.referenceSql,
    answerSql,
    limits: { timeoutMs: env.SQL_CHECK_TIMEOUT_MS, memoryLimitMb: env.SQL_CHECK_MEMORY_MB, maxRows: MAX_ROWS },
  });
  if (outcome.status === 'FAILED') {
    return {
      verdict: 'ERROR',
      answerSource: source,
      message: outcome.message,
      errorKind: outcome.errorKind,
      answer: null,
      expected: outcome.expected,
      answerMarks: [],
      expectedMarks: [],
      missingRows: 0,
      extraRows: 0,
      duplicatedRows: 0,
      elapsedMs: outcome.elapsedMs,
    };
  }
  const diff = diffResultRows(outcome.answer, outcome.expected);
  return {
    verdict: diff.isMatch ? 'MATCH' : 'MISMATCH',
    answerSource: source,
    message: diff.columnCountProblem ?? (outcome.answer.isTruncated ? `The answer returned more than ${MAX_ROWS} rows; only the first ${MAX_ROWS} are kept.` : null),
    errorKind: null,
    answer: outcome.answer,
    expected: outcome.expected,
    answerMarks: diff.answerMarks,
    expectedMarks: diff.expectedMarks,
    missingRows: diff.missingRows,
    extraRows: diff.extraRows,
    duplicatedRows: diff.duplicatedRows,
    elapsedMs: outcome.elapsedMs,
  };
}

function noAnswer(message: string): SqlCheckResult {
  return {
    verdict: 'ERROR',
    answerSource: null,
    message,
    errorKind: 'NO_ANSWER',
    answer: null,
    expected: null,
    answerMarks: [],
    expectedMarks: [],
    missingRows: 0,
    extraRows: 0,
    duplicatedRows: 0,
    elapsedMs: null,
  };
}
