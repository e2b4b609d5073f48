// How one editor document with up to five answers is cut into the answer to each question. The rule, which the
// SQL round's question panel tells candidates too:
//   1. A line starting with `-- Q<n>` (e.g. `-- Q2`, `--q2: retention`) opens the answer to the n-th question
//      of the round; it runs to the next marker. If a number is marked twice, the later section wins (a rewrite).
//   2. A document without any marker, in a round that asked one question, is that question's answer.
//   3. A document without any marker, in a round that asked several, answers them statement by statement:
//      the n-th statement (split on `;`) answers the n-th question.
// Within a section every statement runs in order and the last one's result is the answer, so an answer may
// build on a temporary table or view of its own.

export type AnswerSource = 'MARKER' | 'WHOLE_DOCUMENT' | 'NTH_STATEMENT';

export type FoundAnswer = { ok: true; sql: string; source: AnswerSource } | { ok: false; message: string };

const MARKER = /^[ \t]*--[ \t]*q[ \t]*(\d{1,2})\b.*$/gim;

/** The answer to question `questionNumber` (1-based, in the order the round asked them) of `questionCount`. */
export function findSqlAnswer(document: string, questionNumber: number, questionCount: number): FoundAnswer {
  const markers = [...document.matchAll(MARKER)].map((match) => ({ number: Number(match[1]), start: match.index, bodyStart: match.index + match[0].length }));
  if (markers.length > 0) {
    const index = markers.findLastIndex((marker) => marker.number === questionNumber);
    if (index === -1) return { ok: false, message: `No \`-- Q${questionNumber}\` section in the document, so there is no answer to check.` };
    const marker = markers[index]!;
    const section = document.slice(marker.bodyStart, markers[index + 1]?.start ?? document.length);
    if (splitSqlStatements(section).length === 0) return { ok: false, message: `The \`-- Q${questionNumber}\` section has no SQL in it.` };
    return { ok: true, sql: section.trim(), source: 'MARKER' };
  }
  const statements = splitSqlStatements(document);
  if (statements.length === 0) return { ok: false, message: 'The document has no SQL in it.' };
  if (questionCount <= 1) return { ok: true, sql: document.trim(), source: 'WHOLE_DOCUMENT' };
  const statement = statements[questionNumber - 1];
  if (statement === undefined) {
    return {
      ok: false,
      message: `No \`-- Q<n>\` markers, and only ${statements.length} statement(s) for ${questionCount} questions, so there is no statement ${questionNumber}.`,
    };
  }
  return { ok: true, sql: statement, source: 'NTH_STATEMENT' };
}

/**
 * Splits SQL on the semicolons that end statements: not those inside quotes, quoted identifiers or comments.
 * Statements that are only comments or whitespace are dropped; each one keeps its own comments.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    const next = sql[index + 1];
    if (char === "'" || char === '"') {
      index = endOfQuoted(sql, index, char);
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
    } else if (char === ';') {
      statements.push(sql.slice(start, index));
      index += 1;
      start = index;
    } else {
      index += 1;
    }
  }
  statements.push(sql.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => hasCode(statement));
}

/** Index just past the closing quote; a doubled quote ('it''s') is an escaped one. */
function endOfQuoted(sql: string, open: number, quote: string): number {
  let index = open + 1;
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index += 1;
    }
  }
  return sql.length;
}

function hasCode(statement: string): boolean {
  return statement.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?(\*\/|$)/g, '').trim().length > 0;
}
