import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findContentRoot } from '../content/find-content-root';
import { ROUND_KIND_LABELS, ROUND_KINDS } from '../rounds/round-kind';
import { BUILT_IN_QUESTIONS } from './built-in-questions';

// The README states how many built-in questions each round has. It is written by hand but checked here, so it
// cannot drift from content/: when this fails, paste the table from the failure message into README.md.

const START = '<!-- question-counts:start -->';
const END = '<!-- question-counts:end -->';

function countsTable(): string {
  const rows = ROUND_KINDS.map((kind) => {
    const questions = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === kind);
    const by = (difficulty: string) => questions.filter((question) => question.difficulty === difficulty).length;
    return `| ${ROUND_KIND_LABELS[kind]} | ${questions.length} | ${by('EASY')} | ${by('MEDIUM')} | ${by('HARD')} |`;
  });
  return ['| Round | Questions | Easy | Medium | Hard |', '| --- | --- | --- | --- | --- |', ...rows, `| **All** | **${BUILT_IN_QUESTIONS.length}** | | | |`].join('\n');
}

describe('README.md', () => {
  it('states the bank\'s current question counts per round', () => {
    const readme = readFileSync(path.join(findContentRoot(), '..', 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md needs ${START} ... ${END} around the counts table`).toBeGreaterThan(-1);
    expect(readme.slice(start + START.length, end).trim()).toBe(countsTable());
  });
});
