'use client';

import dynamic from 'next/dynamic';
import { CallDock } from '@/components/call/call-dock';
import { IntentLink } from '@/components/ui/intent-link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { SessionStatusBadge } from '@/components/sessions/session-status-badge';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { hasSqlEditor } from '@/lib/rounds/sql-editor-rounds';
import type { RoundView, SessionView } from '@/lib/sessions/session-view';
import { ConnectionIndicator } from './connection-indicator';
import { EditorAndBoard } from './editor-and-board';
import { hasPartner } from './has-partner';
import { Lobby } from './lobby';
import type { SwapQuestionAction } from './lobby-preparation';
import { MemberList } from './member-list';
import { NotesPanel } from './notes-panel';
import { QuestionPanel } from './question-panel';
import { formatElapsed } from '@/lib/timer/round-clock';
import { RoundTimer } from './round-timer';
import { RoundsList } from './rounds-list';
import { SharedEditor } from './shared-editor';
import { SqlHighlightingToggle } from './sql-highlighting-toggle';
import { SideTabs } from './side-tabs';
import type { RoomSocket } from './socket-request';
import { useRoomSocket } from './use-room-socket';
import { RecordingControl } from '@/components/recording/recording-control';
import { ErDiagramOnDemand } from '@/components/er-diagram/er-diagram-on-demand';

// Twists and the rubric are for the round's interviewer: a chunk of its own, which a candidate never downloads.
const InterviewerTab = dynamic(() => import('./interviewer-tab').then((module) => module.InterviewerTab), {
  loading: () => <p className="muted">Loading the scorecard…</p>,
});

interface RoomProps {
  /** Built on the server for this viewer; the socket keeps it current from here on. */
  initialView: SessionView;
  viewerName: string;
  /** Interviewers of an open session only. */
  invitePanel: ReactNode;
  /** Interviewers: the lobby's swap of a planned question (a server action bound to the session). */
  swapQuestionAction?: SwapQuestionAction | null;
}

export function Room({ initialView, viewerName, invitePanel, swapQuestionAction = null }: RoomProps) {
  const room = useRoomSocket(initialView);
  const { view, socket } = room;
  const [unsyncedByDocument, setUnsyncedByDocument] = useState<Record<string, number>>({});
  const onUnsyncedChange = useCallback((documentId: string, count: number) => {
    setUnsyncedByDocument((current) => (current[documentId] === count ? current : { ...current, [documentId]: count }));
  }, []);
  const unsyncedCount = Object.values(unsyncedByDocument).reduce((total, count) => total + count, 0);
  const user = useMemo(() => ({ id: view.viewerId, name: viewerName }), [view.viewerId, viewerName]);

  // The invite list is rendered by the server; when someone joins through an invite, fetch it again.
  const router = useRouter();
  const memberCount = view.members.length;
  const seenMemberCount = useRef(memberCount);
  const hasInvitePanel = Boolean(invitePanel);
  useEffect(() => {
    if (memberCount === seenMemberCount.current) return;
    seenMemberCount.current = memberCount;
    if (hasInvitePanel) router.refresh();
  }, [memberCount, hasInvitePanel, router]);

  return (
    <main className="room">
      <header className="room-header">
        <div className="room-title">
          <IntentLink href="/sessions" className="room-back" aria-label="All sessions">
            ←
          </IntentLink>
          <h1>{view.title}</h1>
          <SessionStatusBadge status={view.status} />
        </div>
        <div className="room-links">
          {interviewsAnyRound(view) ? (
            <IntentLink href={`/sessions/${view.id}/debrief`} target="_blank">
              Debrief
            </IntentLink>
          ) : null}
          <ConnectionIndicator connection={room.connection} unsyncedCount={unsyncedCount} />
        </div>
        <RecordingControl socket={socket} commandSocket={room.commandSocket} view={view} clockOffset={room.clockOffset} />
      </header>

      {room.fatalError ? (
        <p className="form-error room-alert" role="alert">
          {room.fatalError}{' '}
          {room.isSignedOut ? <IntentLink href={`/sign-in?callbackUrl=/sessions/${view.id}`}>Sign in</IntentLink> : null}
        </p>
      ) : null}

      {/* One mount for the lobby and the live room, so the call carries on when the session starts. */}
      {view.status === 'SCHEDULED' || view.status === 'LIVE' ? <CallDock socket={room.commandSocket} sessionId={view.id} viewerName={viewerName} /> : null}

      {view.status === 'SCHEDULED' ? (
        <div className="room-page">
          <Lobby socket={room.commandSocket} view={view} onlineUserIds={room.onlineUserIds} invitePanel={invitePanel} swapQuestionAction={swapQuestionAction} onChanged={room.refresh} />
        </div>
      ) : view.status === 'LIVE' ? (
        <LiveRound
          socket={socket}
          commandSocket={room.commandSocket}
          view={view}
          user={user}
          onlineUserIds={room.onlineUserIds}
          clockOffset={room.clockOffset}
          invitePanel={invitePanel}
          onUnsyncedChange={onUnsyncedChange}
          onClock={room.applyClock}
          onFiredTwist={room.applyFiredTwist}
          onChanged={room.refresh}
        />
      ) : (
        <SessionSummary socket={socket} view={view} user={user} onUnsyncedChange={onUnsyncedChange} />
      )}
    </main>
  );
}

interface LiveRoundProps {
  socket: RoomSocket | null;
  commandSocket: RoomSocket | null;
  view: SessionView;
  user: { id: string; name: string };
  onlineUserIds: ReadonlySet<string>;
  clockOffset: number;
  invitePanel: ReactNode;
  onUnsyncedChange: (documentId: string, count: number) => void;
  onClock: ReturnType<typeof useRoomSocket>['applyClock'];
  onFiredTwist: ReturnType<typeof useRoomSocket>['applyFiredTwist'];
  onChanged: () => void;
}

/** The live room: the shared editor on the left, the timer, the questions and the notes on the right. */
function LiveRound({ socket, commandSocket, view, user, onlineUserIds, clockOffset, invitePanel, onUnsyncedChange, onClock, onFiredTwist, onChanged }: LiveRoundProps) {
  const round = view.rounds[view.currentRoundIndex];
  // A new round starts with its questions in view, not wherever the last round's panel was scrolled to.
  const sideScroll = useRef<HTMLDivElement>(null);
  const [editorText, setEditorText] = useState<Y.Text | null>(null);
  const roundId = round?.id;
  useEffect(() => {
    sideScroll.current?.scrollTo({ top: 0 });
  }, [roundId]);
  if (!round) return <p className="room-page muted">This session has no rounds.</p>;
  const canControl = round.viewerRole === 'INTERVIEWER';
  const hasCandidate = hasPartner(view);
  const isEditorReadOnly = round.isReadOnly || round.clock.status === 'ENDED';
  const hasErDiagram = round.kind === 'DATA_MODELING';

  const questionsAndPeople = (
    <>
      <QuestionPanel socket={commandSocket} sessionId={view.id} round={round} canControl={canControl} onChanged={onChanged} />
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <MemberList members={view.members} onlineUserIds={onlineUserIds} viewerId={view.viewerId} />
      </section>
      {view.rounds.length > 1 ? (
        <section className="panel" aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">Rounds</h2>
          <RoundsList rounds={view.rounds} currentRoundIndex={view.currentRoundIndex} />
        </section>
      ) : null}
      {invitePanel && !hasCandidate ? (
        <details className="panel">
          <summary>{view.viewerRole === 'PEER' ? 'Invite your partner' : 'Invite a candidate'}</summary>
          {invitePanel}
        </details>
      ) : null}
    </>
  );
  // A peer session's notes belong to the round (its interviewer only); a classic session's to the whole session.
  const notesDocumentId = round.notesDocumentId ?? view.notesDocumentId;
  const notesPanel =
    notesDocumentId && socket ? (
      <NotesPanel
        key={notesDocumentId}
        socket={socket}
        sessionId={view.id}
        notesDocumentId={notesDocumentId}
        user={user}
        isReadOnly={false}
        onUnsyncedChange={onUnsyncedChange}
      />
    ) : null;

  return (
    <div className="room-body">
      <section className="room-editor" aria-label={`${ROUND_KIND_LABELS[round.kind]} editor`}>
        <EditorAndBoard
          editor={
            <EditorWithDiagram
              diagram={hasErDiagram ? <ErDiagramOnDemand key={round.id} text={editorText} title={`ER diagram of round ${round.position + 1}`} idPrefix={`er-${round.id}`} /> : null}
            >
              {socket ? (
                <SharedEditor
                  key={round.editorDocumentId}
                  socket={socket}
                  sessionId={view.id}
                  documentId={round.editorDocumentId}
                  user={user}
                  label={`Round ${round.position + 1} editor`}
                  isReadOnly={isEditorReadOnly}
                  onUnsyncedChange={onUnsyncedChange}
                  onTextBound={hasErDiagram ? setEditorText : undefined}
                  isSqlHighlighted={round.isSqlHighlighted}
                  barControls={
                    canControl && hasSqlEditor(round.kind) ? (
                      <SqlHighlightingToggle commandSocket={commandSocket} sessionId={view.id} roundId={round.id} isSqlHighlighted={round.isSqlHighlighted} onChanged={onChanged} />
                    ) : null
                  }
                />
              ) : (
                <p className="editor-placeholder muted">Connecting to the shared editor…</p>
              )}
            </EditorWithDiagram>
          }
          initialTab={hasErDiagram ? 'editor' : 'board'}
          socket={socket}
          commandSocket={commandSocket}
          sessionId={view.id}
          roundId={round.id}
          boardDocumentId={round.boardDocumentId}
          isBoardEnabled={round.isBoardEnabled}
          isReadOnly={isEditorReadOnly}
          canControl={canControl}
          user={user}
          onUnsyncedChange={onUnsyncedChange}
          onChanged={onChanged}
        />
      </section>
      <aside className="room-side">
        <RoundTimer
          socket={commandSocket}
          sessionId={view.id}
          round={round}
          roundCount={view.rounds.length}
          clockOffset={clockOffset}
          canControl={canControl}
          onClock={onClock}
          onChanged={onChanged}
        />
        {canControl && socket ? (
          <SideTabs
            scrollResetKey={round.id}
            tabs={[
              { id: 'questions', label: 'Questions', content: questionsAndPeople },
              {
                id: 'scorecard',
                label: 'Scorecard',
                content: (
                  <InterviewerTab
                    socket={socket}
                    isJoined={commandSocket !== null}
                    commandSocket={commandSocket}
                    sessionId={view.id}
                    round={round}
                    onFiredTwist={onFiredTwist}
                  />
                ),
              },
              ...(notesPanel ? [{ id: 'notes', label: 'Notes', content: notesPanel }] : []),
            ]}
          />
        ) : (
          <div className="room-side-scroll" ref={sideScroll}>
            {questionsAndPeople}
            {notesPanel}
          </div>
        )}
      </aside>
    </div>
  );
}

interface SessionSummaryProps {
  socket: RoomSocket | null;
  view: SessionView;
  user: { id: string; name: string };
  onUnsyncedChange: (documentId: string, count: number) => void;
}

/** A finished session: every round's final text, read-only, with its questions. */
function SessionSummary({ socket, view, user, onUnsyncedChange }: SessionSummaryProps) {
  return (
    <div className="room-page summary">
      <p className="lede">
        {view.status === 'COMPLETED' ? 'This session is complete.' : 'This session was cancelled.'} Everything below is read-only.
      </p>
      {view.viewerRole === 'PEER' ? (
        <p className="summary-next">
          <IntentLink className="button primary" href={`/sessions/${view.id}/debrief`}>
            Debrief and publish your feedback
          </IntentLink>{' '}
          <IntentLink className="button" href={`/sessions/${view.id}/feedback`}>
            {view.hasPublishedFeedback ? 'Read your feedback' : 'Feedback (yours and your partner’s)'}
          </IntentLink>{' '}
          <IntentLink className="button" href={`/sessions/${view.id}/report`}>
            Session report and replay
          </IntentLink>
        </p>
      ) : view.viewerRole === 'INTERVIEWER' ? (
        <p className="summary-next">
          <IntentLink className="button primary" href={`/sessions/${view.id}/debrief`}>
            Debrief, wrap up and publish feedback
          </IntentLink>{' '}
          <IntentLink className="button" href={`/sessions/${view.id}/report`}>
            Session report and replay
          </IntentLink>
        </p>
      ) : (
        <p className="summary-next">
          {view.hasPublishedFeedback ? (
            <>
              <IntentLink className="button primary" href={`/sessions/${view.id}/feedback`}>
                Read your feedback
              </IntentLink>{' '}
            </>
          ) : view.status === 'COMPLETED' ? (
            <span className="muted">Your interviewer has not published feedback yet. </span>
          ) : null}
          <IntentLink className="button" href={`/sessions/${view.id}/report`}>
            Session report and replay
          </IntentLink>
        </p>
      )}
      {view.rounds.map((round: RoundView) => (
        <section key={round.id} className="card summary-round" aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>
            Round {round.position + 1}: {ROUND_KIND_LABELS[round.kind]}
          </h2>
          <p className="muted">
            {round.clock.status === 'PENDING' ? 'Not run.' : `Ran ${formatElapsed(round.clock.elapsedMs)} of ${formatElapsed(round.clock.durationMs)}.`}
          </p>
          <div className="summary-editor">
            {socket ? (
              <SharedEditor
                socket={socket}
                sessionId={view.id}
                documentId={round.editorDocumentId}
                user={user}
                label={`Round ${round.position + 1} editor (read-only)`}
                isReadOnly
                isSqlHighlighted={round.isSqlHighlighted}
                onUnsyncedChange={onUnsyncedChange}
              />
            ) : (
              <p className="muted">Connecting…</p>
            )}
          </div>
          <QuestionPanel socket={null} sessionId={view.id} round={round} canControl={false} onChanged={() => {}} />
          {round.notesDocumentId && socket ? (
            <NotesPanel socket={socket} sessionId={view.id} notesDocumentId={round.notesDocumentId} user={user} isReadOnly onUnsyncedChange={onUnsyncedChange} />
          ) : null}
        </section>
      ))}
      {view.notesDocumentId && socket ? (
        <section className="card">
          <NotesPanel socket={socket} sessionId={view.id} notesDocumentId={view.notesDocumentId} user={user} isReadOnly onUnsyncedChange={onUnsyncedChange} />
        </section>
      ) : null}
    </div>
  );
}

function interviewsAnyRound(view: SessionView): boolean {
  return view.rounds.some((round) => round.viewerRole === 'INTERVIEWER');
}

/** The editor alone, or (modeling rounds) the editor with the live ER diagram beside it. */
function EditorWithDiagram({ diagram, children }: { diagram: ReactNode; children: ReactNode }) {
  if (!diagram) return <>{children}</>;
  return (
    <div className="editor-with-er">
      {children}
      {diagram}
    </div>
  );
}
