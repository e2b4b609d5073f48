import { ContentFileError, formatFieldPath } from '../content/content-file-error';
import { CONTENT_DIR_OF_KIND } from '../content/content-dirs';
import { readFrontMatter } from '../content/read-front-matter';
import { LEVELS } from '../rubric/levels';
import type { SqlFixture } from '../sql-check/sql-fixture';
import { questionFrontMatterSchema } from './question-file.schema';
import { type Question, questionSchema } from './question-types';
import { THEMED_ROUND_KINDS } from './question-vocabulary';

export interface QuestionFile {
  /** Path shown in errors, relative to the project root: `content/questions/sql/sql-page-event-sessions.md`. */
  path: string;
  /** The folder under content/questions/ it was found in. */
  kindDir: string;
  text: string;
  /** The `<slug>.setup.sql` beside it, if there is one. */
  setupSql: string | null;
}

export interface ParsedQuestionFile {
  question: Question;
  fixture: SqlFixture | null;
}

const PROMPT_HEADING = '# Prompt';
const SOLUTION_HEADING = '# Solution';

/** One question file to a Question (and its SQL check), or a ContentFileError naming every problem found. */
export function parseQuestionFile(file: QuestionFile): ParsedQuestionFile {
  const { data, body } = readFrontMatter(file.path, file.text);
  const parsed = questionFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    throw new ContentFileError(file.path, parsed.error.issues.map((issue) => `${formatFieldPath(issue.path) || 'front matter'}: ${issue.message}`));
  }
  const front = parsed.data;
  const { prompt, solution } = splitSections(file.path, body);
  const question: Question = {
    slug: front.slug,
    roundKind: front.roundKind,
    title: front.title,
    difficulty: front.difficulty,
    ...(front.theme ? { theme: front.theme } : {}),
    candidateView: { prompt },
    interviewerView: {
      solution,
      hints: front.hints,
      probes: front.probes,
      signalKeys: front.signalKeys,
      ...(front.twists ? { twists: front.twists } : {}),
    },
  };

  const problems = [...fileRuleProblems(file, front), ...questionSchemaProblems(question)];
  if (problems.length > 0) throw new ContentFileError(file.path, problems);
  const fixture = front.check && file.setupSql !== null ? { slug: front.slug, setupSql: file.setupSql, ...front.check } : null;
  return { question, fixture };
}

/** The rules of the file format that the shared Question schema does not know about. */
function fileRuleProblems(file: QuestionFile, front: ReturnType<typeof questionFrontMatterSchema.parse>): string[] {
  const problems: string[] = [];
  const fileSlug = file.path.split('/').at(-1)?.replace(/\.md$/, '');
  if (front.slug !== fileSlug) problems.push(`slug: "${front.slug}" must equal the file name ("${fileSlug}")`);
  const expectedDir = CONTENT_DIR_OF_KIND[front.roundKind];
  if (file.kindDir !== expectedDir) problems.push(`roundKind: ${front.roundKind} questions live in content/questions/${expectedDir}/`);
  for (const level of LEVELS) {
    if (!front.probes.some((probe) => probe.level === level)) problems.push(`probes: no ${level} probe (the ladder needs at least one per level)`);
  }
  const isThemed = THEMED_ROUND_KINDS.includes(front.roundKind);
  if (isThemed && front.theme === undefined) problems.push(`theme: ${front.roundKind} questions need one (rca or framework)`);
  const isSql = front.roundKind === 'SQL';
  if (isSql && !front.check) problems.push('check: SQL questions need one (exposes, referenceSql, wrongAnswers)');
  if (!isSql && front.check) problems.push(`check: only SQL questions have one`);
  if (isSql && file.setupSql === null) problems.push(`${fileSlug}.setup.sql: SQL questions need their fixture beside them`);
  if (!isSql && file.setupSql !== null) problems.push(`${fileSlug}.setup.sql: only SQL questions have a fixture`);
  return problems;
}

function questionSchemaProblems(question: Question): string[] {
  const result = questionSchema.safeParse(question);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${fileFieldOf(issue.path)}: ${issue.message}`);
}

/** A Question path (`interviewerView.twists`) as the file names it (`twists`, `# Prompt`). */
function fileFieldOf(path: readonly PropertyKey[]): string {
  const [head, field, ...rest] = path;
  if (head === 'candidateView') return PROMPT_HEADING;
  if (head === 'interviewerView' && field === 'solution') return SOLUTION_HEADING;
  if (head === 'interviewerView') return formatFieldPath([field ?? '', ...rest]);
  return formatFieldPath(path);
}

/**
 * The body's two top-level sections. Headings inside fenced code blocks (a Python `# comment`) do not count;
 * `# Prompt` and `# Solution` must each appear exactly once, in that order, with nothing but blank lines before.
 */
function splitSections(file: string, body: string): { prompt: string; solution: string } {
  const lines = body.split('\n');
  const headings: { text: string; index: number }[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
    else if (fence === null && /^# /.test(line)) headings.push({ text: line.trim(), index });
  });
  const names = headings.map((heading) => heading.text);
  const [promptHeading, solutionHeading] = headings;
  if (!promptHeading || !solutionHeading || names.length !== 2 || names[0] !== PROMPT_HEADING || names[1] !== SOLUTION_HEADING) {
    throw new ContentFileError(file, [
      `body: needs exactly two top-level headings, "${PROMPT_HEADING}" then "${SOLUTION_HEADING}" (found: ${names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'none'}); use ## inside them`,
    ]);
  }
  if (lines.slice(0, promptHeading.index).some((line) => line.trim() !== '')) {
    throw new ContentFileError(file, [`body: text before "${PROMPT_HEADING}"`]);
  }
  return {
    prompt: lines.slice(promptHeading.index + 1, solutionHeading.index).join('\n').trim(),
    solution: lines.slice(solutionHeading.index + 1).join('\n').trim(),
  };
}
