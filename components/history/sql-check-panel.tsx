'use client';

import { useState } from 'react';
import { useCommand } from '@/components/room/use-command';
import { LocalTime } from '@/components/sessions/local-time';
import type { Ack } from '@/lib/realtime/ack';
import type { CellValue, ResultTable, RowMark } from '@/lib/sql-check/diff-result-rows';
import { SQL_CHECK_VERDICT_LABELS, summarizeSqlCheck } from '@/lib/sql-check/describe-sql-check';
import type { SqlCheckResult, SqlCheckView } from '@/lib/sql-check/sql-check-result';
import { FormError } from '@/components/ui/form-error';

interface SqlCheckPanelProps {
  checks: SqlCheckView[];
  /** Titles of the round's asked questions, in the order asked. */
  questionTitles: string[];
  runCheck: (roundQuestionId: string) => Promise<Ack<SqlCheckView>>;
}

const SOURCE_LABELS: Record<NonNullable<SqlCheckResult['answerSource']>, string> = {
  MARKER: 'from its -- Q section',
  WHOLE_DOCUMENT: 'the whole document',
  NTH_STATEMENT: 'by statement order (no -- Q markers)',
};

/** Each asked question of an ended SQL round: run its answer against the test data, see it beside the expected rows. */
export function SqlCheckPanel({ checks, questionTitles, runCheck }: SqlCheckPanelProps) {
  return (
    <div className="sql-checks">
      <p className="muted">
        Each answer runs against small test tables in a sandbox (no files or network, time and memory limited). Rows are compared in any
        order, numbers to 2 decimals; an answer is the section after its <code>-- Q1</code>-style line.
      </p>
      {checks.map((check) => (
        <SqlCheckItem key={check.roundQuestionId} initial={check} title={questionTitles[check.questionNumber - 1] ?? `Question ${check.questionNumber}`} runCheck={runCheck} />
      ))}
    </div>
  );
}

function SqlCheckItem({ initial, title, runCheck }: { initial: SqlCheckView; title: string; runCheck: SqlCheckPanelProps['runCheck'] }) {
  const [check, setCheck] = useState(initial);
  const command = useCommand();
  const headingId = `sql-check-${check.roundQuestionId}`;
  const result = check.run?.result ?? null;

  const run = () =>
    void command.run('check', () => runCheck(check.roundQuestionId)).then((ack) => {
      if (ack?.ok) setCheck(ack.data);
    });

  return (
    <section className="sql-check" aria-labelledby={headingId} data-testid="sql-check">
      <div className="sql-check-heading">
        <h4 id={headingId}>
          Q{check.questionNumber} · {title}
        </h4>
        {result ? <span className={`verdict sql-verdict-${result.verdict.toLowerCase()}`}>{SQL_CHECK_VERDICT_LABELS[result.verdict]}</span> : null}
        {check.isCheckable ? (
          <button type="button" className="button" disabled={command.pending !== null} onClick={run}>
            {command.pending ? 'Running…' : result ? 'Run again' : 'Run check'}
          </button>
        ) : null}
      </div>

      {!check.isCheckable ? <p className="muted">No test data for this question: only built-in questions can be checked.</p> : null}
      <FormError message={command.error} />

      {result && check.run ? (
        <>
          <p role="status" className={result.verdict === 'ERROR' ? 'form-error pre-wrap' : 'pre-wrap'}>
            {summarizeSqlCheck(result)}
          </p>
          <p className="muted">
            Ran <LocalTime iso={check.run.ranAt} />
            {result.answerSource ? `, answer taken ${SOURCE_LABELS[result.answerSource]}` : ''}
            {result.elapsedMs !== null ? ` in ${result.elapsedMs} ms` : ''}.
          </p>
          <div className="sql-check-results">
            {result.answer ? (
              <ResultGrid label={check.isInterviewerView ? 'Answer' : 'Answer, rows that are expected'} table={result.answer} marks={result.answerMarks} />
            ) : null}
            {result.expected ? <ResultGrid label="Expected" table={result.expected} marks={result.expectedMarks} /> : null}
          </div>
          {!check.isInterviewerView && result.verdict !== 'MATCH' ? (
            <p className="muted">
              Rows of the answer that are not in the expected result, and DuckDB&apos;s messages for errors met while running, are shown to the
              round&apos;s interviewer only: they could show test data the question keeps for the interviewer.
            </p>
          ) : null}
          {check.run.answerSql ? (
            <details>
              <summary>SQL that ran</summary>
              <pre className="pre-wrap report-notes">{check.run.answerSql}</pre>
            </details>
          ) : null}
        </>
      ) : null}

      {check.exposes ? (
        <details className="sql-check-exposes">
          <summary>What the test data catches (interviewers only)</summary>
          <ul>
            {check.exposes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const MARK_LABELS: Record<RowMark, string> = { MATCH: '', EXTRA: 'extra', DUPLICATE: 'duplicate', MISSING: 'missing' };

/** A result table with each row that differs highlighted and labelled in words (not by colour alone). */
function ResultGrid({ label, table, marks }: { label: string; table: ResultTable; marks: RowMark[] }) {
  return (
    <div className="sql-result">
      <table className="debrief-table sql-result-table">
        <caption>
          {label}: {table.rows.length}
          {table.isTruncated ? '+' : ''} row(s)
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Row</span>
            </th>
            {table.columns.map((column, index) => (
              <th key={index} scope="col" className="mono">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => {
            const mark = marks[rowIndex] ?? 'MATCH';
            return (
              <tr key={rowIndex} className={mark === 'MATCH' ? undefined : `sql-row-${mark.toLowerCase()}`} data-mark={mark}>
                <td className="sql-row-mark">{MARK_LABELS[mark]}</td>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} className="mono">
                    {formatCell(cell)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function formatCell(value: CellValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Math.round(value * 10_000) / 10_000);
  return String(value);
}
