import { BUILT_IN_SQL_CHECKS } from '@/lib/questions/built-in-questions';
import type { SqlFixture } from './sql-fixture';

// The test data of each built-in SQL question's post-round check, keyed by its slug: read from
// content/questions/sql/ (<slug>.setup.sql and the `check:` block of <slug>.md) with the rest of the bank.

export type { SqlFixture } from './sql-fixture';

export const BUILT_IN_SQL_FIXTURES: readonly SqlFixture[] = BUILT_IN_SQL_CHECKS;

const BY_SLUG = new Map(BUILT_IN_SQL_FIXTURES.map((fixture) => [fixture.slug, fixture]));

/** The fixture of a built-in question, or null: questions users write have no test data. */
export function sqlFixtureOf(builtInSlug: string | null): SqlFixture | null {
  return builtInSlug === null ? null : (BY_SLUG.get(builtInSlug) ?? null);
}
