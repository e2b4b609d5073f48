import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR_OF_KIND } from '../content/content-dirs';
import { ContentFileError } from '../content/content-file-error';
import type { Signal } from '../rubric/signal-types';
import { ROUND_KINDS } from '../rounds/round-kind';
import type { SqlFixture } from '../sql-check/sql-fixture';
import { parseQuestionFile } from './parse-question-file';
import type { Question } from './question-types';

// Server-only (it reads files; lint keeps components/ from importing it). The bank is read at run time from the
// project's content/ folder rather than bundled, so a coach's edit needs a restart, not a build.

export interface QuestionBank {
  questions: Question[];
  /** The SQL questions' checks, one per SQL question. */
  fixtures: SqlFixture[];
}

const KIND_DIRS = new Set(Object.values(CONTENT_DIR_OF_KIND));

/**
 * Reads content/questions/<kind>/*.md (and each SQL question's .setup.sql) and checks every file against the format
 * and against the signal catalog. Throws a ContentFileError naming the file and the field on the first bad file.
 */
export function loadQuestionBank(contentRoot: string, signals: readonly Signal[]): QuestionBank {
  const questionsDir = path.join(contentRoot, 'questions');
  const signalsByKey = new Map(signals.map((signal) => [signal.key, signal]));
  const questions: Question[] = [];
  const fixtures: SqlFixture[] = [];
  const seenSlugs = new Map<string, string>();

  const stray = readdirSync(questionsDir).find((entry) => !KIND_DIRS.has(entry));
  if (stray) throw new ContentFileError(`content/questions/${stray}`, [`not a round kind's folder (use one of ${[...KIND_DIRS].join(', ')})`]);

  // Round kinds in the loop's order, files by name: the bank reads the same on every machine.
  for (const kind of ROUND_KINDS) {
    const kindDir = CONTENT_DIR_OF_KIND[kind];
    const dir = path.join(questionsDir, kindDir);
    const shownDir = `content/questions/${kindDir}`;
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir).sort();
    for (const name of names) {
      const shown = `${shownDir}/${name}`;
      if (name.endsWith('.setup.sql')) {
        if (!names.includes(name.replace(/\.setup\.sql$/, '.md'))) throw new ContentFileError(shown, ['a fixture with no question file of the same name']);
        continue;
      }
      if (!name.endsWith('.md')) throw new ContentFileError(shown, ['unexpected file: questions are <slug>.md, SQL fixtures <slug>.setup.sql']);
      const setupPath = path.join(dir, name.replace(/\.md$/, '.setup.sql'));
      const { question, fixture } = parseQuestionFile({
        path: shown,
        kindDir,
        text: readFileSync(path.join(dir, name), 'utf8'),
        setupSql: existsSync(setupPath) ? readFileSync(setupPath, 'utf8').trim() : null,
      });
      const clash = seenSlugs.get(question.slug);
      if (clash) throw new ContentFileError(shown, [`slug: "${question.slug}" is already used by ${clash}`]);
      seenSlugs.set(question.slug, shown);
      const unknown = signalProblems(question, signalsByKey);
      if (unknown.length > 0) throw new ContentFileError(shown, unknown);
      questions.push(question);
      if (fixture) fixtures.push(fixture);
    }
  }
  return { questions, fixtures };
}

/** Every signal a question names must exist and belong to the question's own round. */
function signalProblems(question: Question, signalsByKey: ReadonlyMap<string, Signal>): string[] {
  const named = [
    ...question.interviewerView.signalKeys.map((key, index) => ({ key, field: `signalKeys[${index}]` })),
    ...(question.interviewerView.twists ?? []).map((twist, index) => ({ key: twist.probesSignalKey, field: `twists[${index}].probesSignalKey` })),
  ];
  const problems = named.flatMap(({ key, field }) => {
    const signal = signalsByKey.get(key);
    if (!signal) return [`${field}: no signal "${key}" in content/rubric/`];
    if (signal.roundKind !== question.roundKind) return [`${field}: "${key}" is a ${signal.roundKind} signal, not ${question.roundKind}`];
    return [];
  });
  if (new Set(question.interviewerView.signalKeys).size !== question.interviewerView.signalKeys.length) {
    problems.push('signalKeys: a key is listed twice');
  }
  return problems;
}
