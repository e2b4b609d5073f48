import type { RoundRoleName, SessionRoleName } from '@/lib/sessions/session-roles';
import type { RoundKind } from '@/lib/rounds/round-kind';
import type { BoardElement } from '@/lib/boards/board-scene';
import type { ClockStatus } from '@/lib/timer/round-clock';
import type { SqlCheckView } from '@/lib/sql-check/sql-check-result';
import type { LevelEstimate, RecommendationName, SignalRatingName, StaffBarCallName } from '@/lib/scorecards/scorecard-vocabulary';

// A finished (or running) session as one viewer may review it. This is also the JSON export's shape
// (docs/report-export.md): add fields freely, rename or remove none without bumping SESSION_REPORT_VERSION.

export const SESSION_REPORT_VERSION = 1;

export interface ReportQuestion {
  title: string;
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
  /** Round clock when it was shown / when the round moved on from it; null if never. */
  revealedAtElapsedMs: number | null;
  completedAtElapsedMs: number | null;
  /** Time on this problem (the SQL round's per-problem split); null while open or never shown. */
  spentMs: number | null;
}

export interface ReportMark {
  signalKey: string;
  label: string;
  interviewerName: string;
  elapsedMs: number;
  /** Wall-clock time of the mark (ISO), for jumping the replay to it. */
  markedAt: string | null;
  verdict: string;
  isMet: boolean;
}

/** A twist sprung on the candidate: what they were shown, when, and (interviewers only) what it probes. */
export interface ReportTwist {
  title: string;
  prompt: string;
  firedAtElapsedMs: number;
  firedAt: string;
  /** Rounds the viewer interviewed only. */
  probesSignalKey?: string;
  probesSignalLabel?: string;
}

export interface ReportSignal {
  key: string;
  label: string;
  verdict: string;
  isMet: boolean;
  rating: SignalRatingName | null;
  /** Interviewers see every note; a candidate only the ones shared with them. */
  note: string | null;
  isNoteShared: boolean;
}

export interface ReportScorecard {
  interviewerName: string;
  recommendation: RecommendationName | null;
  levelEstimate: LevelEstimate | null;
  strengths: string;
  growthAreas: string;
  problemsSolved: number | null;
  signals: ReportSignal[];
}

export interface ReportBoard {
  documentId: string;
  elements: BoardElement[];
  svg: string;
}

export interface ReportRound {
  roundId: string;
  position: number;
  kind: RoundKind;
  status: ClockStatus;
  durationMs: number;
  elapsedMs: number;
  /** Time past the round's (possibly extended) duration. */
  overtimeMs: number;
  /** The first-N-minutes window of the round's timed signal, shaded on the timeline. */
  firstWindowMs: number | null;
  questionsAsked: number;
  questions: ReportQuestion[];
  finalText: string;
  editorDocumentId: string;
  /**
   * The round's whiteboard (issue 23) as it was left, when it was shown or drawn on: its elements (Excalidraw's
   * JSON, deleted ones left out) and the same drawn as a self-contained SVG (lib/boards/render-board-svg.ts).
   */
  board?: ReportBoard;
  /** The viewer's role in this round: INTERVIEWER rounds carry every scorecard and note, CANDIDATE rounds what was published. */
  viewerRole: RoundRoleName;
  /** Peer sessions, the viewer's interviewed rounds only: the round's private notes. */
  privateNotes?: string;
  /**
   * Ended SQL rounds only: the check of each asked question against its fixture tables (docs/sql-check.md), in
   * the order asked. `exposes` (what the fixture is built to catch) is there for the round's interviewers only.
   */
  sqlChecks?: SqlCheckView[];
  marks: ReportMark[];
  /** In round-time order; both roles see them (the candidate was shown them), interviewers with the probed signal. */
  twists: ReportTwist[];
  scorecards: ReportScorecard[];
}

export interface SessionReport {
  version: typeof SESSION_REPORT_VERSION;
  sessionId: string;
  title: string;
  status: 'SCHEDULED' | 'LIVE' | 'COMPLETED' | 'CANCELLED';
  startedAt: string | null;
  endedAt: string | null;
  viewerRole: SessionRoleName;
  participants: { name: string; role: SessionRoleName }[];
  /**
   * ALL: the viewer interviews every round; they see every scorecard and note. Otherwise it describes the rounds
   * the viewer was candidate in (a peer interviews the others, see ReportRound.viewerRole): PUBLISHED after
   * feedback was published (shared notes only), NONE before that: no marks, ratings or notes at all.
   */
  feedback: 'ALL' | 'PUBLISHED' | 'NONE';
  rounds: ReportRound[];
  loopCalls: { interviewerName: string; staffBarCall: StaffBarCallName | null; rationale: string }[];
  /** Interviewers only: the session's private notes document. */
  privateNotes?: string;
}
