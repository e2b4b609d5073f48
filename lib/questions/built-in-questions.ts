import { findContentRoot } from '../content/find-content-root';
import { SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { loadQuestionBank } from './load-question-bank';
import type { Question } from './question-types';

// The built-in bank, read once per process from content/questions/ (see content/README.md). Server-only: lint keeps
// components/ from importing it, and tests/integration/rubric/browser-bundles.test.ts checks no guide text reaches
// a public chunk.
const BANK = loadQuestionBank(findContentRoot(), SIGNAL_CATALOG);

export const BUILT_IN_QUESTIONS: readonly Question[] = BANK.questions;

/** The SQL questions' post-round checks (lib/sql-check/built-in-fixtures.ts looks them up). */
export const BUILT_IN_SQL_CHECKS = BANK.fixtures;
