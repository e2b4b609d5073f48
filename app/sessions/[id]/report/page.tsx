import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { FinalErDiagram } from '@/components/er-diagram/final-er-diagram';
import { PrintButton } from '@/components/history/print-button';
import { ReadOnlyCode } from '@/components/history/read-only-code';
import { ReplaySection } from '@/components/history/replay-section';
import { ReportScorecards } from '@/components/history/report-scorecards';
import { SqlCheckPanel } from '@/components/history/sql-check-panel';
import { TimelineBar } from '@/components/history/timeline-bar';
import { LocalTime } from '@/components/sessions/local-time';
import { SessionStatusBadge } from '@/components/sessions/session-status-badge';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getRoundReplay } from '@/lib/history/get-round-replay';
import { getSessionReport } from '@/lib/history/get-session-report';
import type { SessionReport } from '@/lib/history/session-report';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { STAFF_BAR_CALL_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { formatElapsed } from '@/lib/timer/round-clock';
import { runSqlCheckAction } from './actions';
import { requireUser } from '../../../authenticated-action';

const PARTICIPANT_LABELS = { INTERVIEWER: 'interviewer', CANDIDATE: 'candidate', PEER: 'peer' } as const;

export const metadata: Metadata = { title: 'Report · mockloop' };

interface ReportPageProps {
  params: Promise<{ id: string }>;
}

/** Everything about one session the viewer may see: questions, final text, splits, timeline, replay, scores. */
export default async function ReportPage({ params }: ReportPageProps) {
  const { id } = await params;
  const user = await requireUser(`/sessions/${id}/report`);

  let report: SessionReport;
  try {
    report = await getSessionReport(getDb(), id, user.id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const replays = await Promise.all(report.rounds.map((round) => getRoundReplay(getDb(), id, round.roundId, user.id)));

  return (
    <main className="page report">
      <p className="breadcrumb">
        <IntentLink href={`/sessions/${id}`}>← Session</IntentLink>
      </p>
      <div className="page-heading">
        <div>
          <h1>{report.title}</h1>
          <p className="muted">
            <SessionStatusBadge status={report.status} />{' '}
            {report.startedAt ? (
              <>
                Started <LocalTime iso={report.startedAt} /> ·{' '}
              </>
            ) : null}
            {report.participants.map((person) => `${person.name} (${PARTICIPANT_LABELS[person.role]})`).join(', ')}
          </p>
        </div>
        <p className="report-actions">
          <a className="button" href={`/sessions/${id}/report/export?format=markdown`} download>
            Export Markdown
          </a>
          <a className="button" href={`/sessions/${id}/report/export?format=json`} download>
            Export JSON
          </a>
          <PrintButton />
        </p>
      </div>
      {report.feedback === 'NONE' ? (
        <p className="notice">
          {report.viewerRole === 'PEER'
            ? 'Scores and notes for the rounds you were the candidate in appear here once your partner publishes their feedback.'
            : 'Scores and notes appear here once your interviewer publishes their feedback.'}
        </p>
      ) : null}

      {report.loopCalls.map((call) => (
        <p key={call.interviewerName} className="card">
          <strong>Overall, {call.interviewerName}:</strong> {call.staffBarCall ? STAFF_BAR_CALL_LABELS[call.staffBarCall] : 'no call yet'}
          {call.rationale ? <span className="pre-wrap"> — {call.rationale}</span> : null}
        </p>
      ))}

      {report.rounds.map((round, index) => (
        <section key={round.roundId} className="card report-round" aria-labelledby={`report-round-${round.roundId}`}>
          <h2 id={`report-round-${round.roundId}`}>
            Round {round.position + 1}: {ROUND_KIND_LABELS[round.kind]}
          </h2>
          <p className="muted">
            {round.status === 'PENDING'
              ? 'Not run.'
              : `Ran ${formatElapsed(round.elapsedMs)} of ${formatElapsed(round.durationMs)}${round.overtimeMs > 0 ? `, ${formatElapsed(round.overtimeMs)} over time` : ''}.`}
          </p>

          {round.questions.length > 0 ? (
            <table className="debrief-table">
              <caption className="visually-hidden">Questions and split times</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Shown at</th>
                  <th scope="col">Time spent</th>
                </tr>
              </thead>
              <tbody>
                {round.questions.map((question, position) => (
                  <tr key={position}>
                    <th scope="row">{question.title}</th>
                    <td className="mono">{question.revealedAtElapsedMs === null ? '—' : formatElapsed(question.revealedAtElapsedMs)}</td>
                    <td className="mono">{question.spentMs === null ? '—' : formatElapsed(question.spentMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}

          <h3>Timeline</h3>
          <TimelineBar round={round} />

          {round.twists.length > 0 ? (
            <>
              <h3>Twists</h3>
              <ul className="report-twists">
                {round.twists.map((twist, position) => (
                  <li key={position}>
                    <strong>{twist.title}</strong> <span className="mono">at {formatElapsed(twist.firedAtElapsedMs)}</span>: {twist.prompt}
                    {twist.probesSignalLabel ? <span className="muted"> Probes: {twist.probesSignalLabel}.</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h3>Final document</h3>
          <ReadOnlyCode text={round.finalText} label={`Round ${round.position + 1} final document`} />
          {round.kind === 'DATA_MODELING' ? <FinalErDiagram text={round.finalText} roundNumber={round.position + 1} idPrefix={`er-${round.roundId}`} /> : null}

          {round.board ? (
            <>
              <h3>Final board</h3>
              {/* Drawn on the server from the stored scene; every string in it is escaped (lib/boards/render-board-svg.ts). */}
              <div className="board-image" dangerouslySetInnerHTML={{ __html: round.board.svg }} />
            </>
          ) : null}

          {round.sqlChecks && round.sqlChecks.length > 0 ? (
            <>
              <h3>SQL check</h3>
              <SqlCheckPanel
                checks={round.sqlChecks}
                questionTitles={round.questions.map((question) => question.title)}
                runCheck={runSqlCheckAction.bind(null, id, round.roundId)}
              />
            </>
          ) : round.kind === 'SQL' && (round.status === 'RUNNING' || round.status === 'PAUSED') ? (
            <p className="muted">The SQL check opens once the round has ended: there is no execution during it.</p>
          ) : null}

          <ReplaySection replay={replays[index]!} marks={round.marks} label={`Round ${round.position + 1} replay`} />

          {round.scorecards.length > 0 ? (
            <>
              <h3>Scores</h3>
              <ReportScorecards round={round} showsPrivacy={round.viewerRole === 'INTERVIEWER'} />
            </>
          ) : null}

          {round.privateNotes !== undefined ? (
            <>
              <h3>Your private notes</h3>
              <pre className="pre-wrap report-notes">{round.privateNotes || 'No notes.'}</pre>
            </>
          ) : null}
        </section>
      ))}

      {report.privateNotes !== undefined ? (
        <section className="card" aria-labelledby="private-notes-heading">
          <h2 id="private-notes-heading">Private interviewer notes</h2>
          <pre className="pre-wrap report-notes">{report.privateNotes || 'No notes.'}</pre>
        </section>
      ) : null}
    </main>
  );
}
