'use client';

import { useId } from 'react';
import { GuideContents } from '@/components/questions/guide-contents';
import { RenderedMarkdown } from '@/components/questions/rendered-markdown';
import type { RoundQuestionView, RoundView } from '@/lib/sessions/session-view';
import { formatElapsed } from '@/lib/timer/round-clock';
import { FiredTwistCards } from './fired-twist-cards';
import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';
import { FormError } from '@/components/ui/form-error';

interface QuestionPanelProps {
  socket: RoomSocket | null;
  sessionId: string;
  round: RoundView;
  /** The viewer interviews this round of a live session. */
  canControl: boolean;
  onChanged: () => void;
}

const DIFFICULTY = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' } as const;

/**
 * The round's questions. A candidate's view only ever holds the revealed ones (the server never sends the
 * rest), so this panel shows whatever it was given; the guide exists only in an interviewer's view.
 */
export function QuestionPanel({ socket, sessionId, round, canControl, onChanged }: QuestionPanelProps) {
  const command = useCommand();
  const headingId = useId();
  const isInterviewer = round.viewerRole === 'INTERVIEWER';
  const revealedCount = round.questions.filter((question) => question.revealedAt !== null).length;
  const current = round.questions.filter((question) => question.revealedAt !== null && question.completedAt === null).at(-1);
  const isLive = round.clock.status === 'RUNNING' || round.clock.status === 'PAUSED';
  const canReveal = canControl && isLive && revealedCount < round.plannedQuestionCount;

  const revealNext = () => {
    if (!socket) return;
    void command.run('reveal', () => sendCommand(socket, 'round:reveal-next', { sessionId, roundId: round.id })).then((ack) => {
      if (ack?.ok) onChanged();
    });
  };

  const shown = isInterviewer ? round.questions : round.questions.filter((question) => question.revealedAt !== null);

  return (
    <section className="panel question-panel" aria-labelledby={headingId}>
      <div className="panel-heading">
        <h2 id={headingId}>{isInterviewer ? 'Questions' : 'Your question'}</h2>
        <span className="muted">
          {revealedCount} of {round.plannedQuestionCount} shown
        </span>
      </div>

      {round.kind === 'SQL' && shown.length > 0 ? (
        <p className="muted sql-marker-hint">
          Start each answer with a line <code>-- Q1</code>, <code>-- Q2</code> … (the question&apos;s number below). After the round, each
          section is run against test data.
        </p>
      ) : null}

      {shown.length === 0 ? (
        <p className="muted">
          {round.clock.status === 'PENDING' ? 'The first question appears when the interviewer starts the round.' : 'No questions yet.'}
        </p>
      ) : (
        <ol className="round-questions">
          {shown.map((question) => (
            <QuestionItem
              key={question.id}
              question={question}
              isCurrent={question.id === current?.id}
              // A candidate always has the latest question open; an interviewer, the one being asked.
              isOpen={isInterviewer ? question.id === current?.id : question.id === shown.at(-1)?.id}
              isInterviewer={isInterviewer}
            />
          ))}
        </ol>
      )}

      <FiredTwistCards twists={round.firedTwists} />

      {canReveal ? (
        <button type="button" className="button primary" disabled={command.pending !== null || !socket} onClick={revealNext}>
          {command.pending ? 'Revealing…' : 'Reveal next question'}
        </button>
      ) : null}
      <FormError message={command.error} />
    </section>
  );
}

interface QuestionItemProps {
  question: RoundQuestionView;
  isCurrent: boolean;
  isOpen: boolean;
  isInterviewer: boolean;
}

function QuestionItem({ question, isCurrent, isOpen, isInterviewer }: QuestionItemProps) {
  const status =
    question.completedAtElapsedMs !== null
      ? `done at ${formatElapsed(question.completedAtElapsedMs)}`
      : question.revealedAtElapsedMs !== null
        ? `revealed at ${formatElapsed(question.revealedAtElapsedMs)}`
        : question.revealedAt !== null
          ? 'revealed'
          : 'not revealed';
  return (
    <li className={`round-question${isCurrent ? ' current' : ''}`} data-testid="round-question">
      <details open={isOpen}>
        <summary>
          <span className="question-name">
            {question.title}
            {isInterviewer ? <span className="question-status">{status}</span> : null}
          </span>
          <span className={`badge difficulty-${question.difficulty.toLowerCase()}`}>{DIFFICULTY[question.difficulty]}</span>
        </summary>
        <RenderedMarkdown html={question.promptHtml} className="question-prompt" />
        {question.guide ? (
          <div className="guide-notes">
            <GuideContents guide={question.guide} />
          </div>
        ) : null}
      </details>
    </li>
  );
}
