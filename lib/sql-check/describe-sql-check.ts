import type { SqlCheckResult, SqlCheckVerdict } from './sql-check-result';

// Words for a check result, shared by the report page and the Markdown export. Apart from sql-check-result.ts so
// the page's browser bundle gets these few lines without the stored-result schema.

export const SQL_CHECK_VERDICT_LABELS: Record<SqlCheckVerdict, string> = { MATCH: 'Match', MISMATCH: 'Mismatch', ERROR: 'Error' };

/** One line for a verdict: "Match: 11 rows", "Mismatch: 3 missing, 1 extra, 2 duplicated rows", "Error: …". */
export function summarizeSqlCheck(result: SqlCheckResult): string {
  if (result.verdict === 'ERROR') return `Error: ${result.message ?? 'the answer did not run.'}`;
  if (result.verdict === 'MATCH') return `Match: ${result.expected?.rows.length ?? 0} row(s), as expected.`;
  const differences = [
    result.missingRows > 0 ? `${result.missingRows} missing` : null,
    result.extraRows > 0 ? `${result.extraRows} extra` : null,
    result.duplicatedRows > 0 ? `${result.duplicatedRows} duplicated` : null,
  ].filter((part) => part !== null);
  return `Mismatch: ${[result.message, differences.length > 0 ? `${differences.join(', ')} row(s)` : null].filter(Boolean).join(' ')}`;
}
