'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { colorForUser } from '@/components/room/user-colors';
import type { RoundReplay } from '@/lib/history/get-round-replay';
import { ReplayCursor } from '@/lib/history/replay-cursor';
import { ReplayBoard } from './replay-board';
import { decodeUpdate } from '@/lib/realtime/update-encoding';
import type { ReportMark } from '@/lib/history/session-report';
import { formatElapsed } from '@/lib/timer/round-clock';
import { ReplayVoices } from '@/components/recording/replay-voices';

const SPEEDS = [1, 2, 4, 8, 16] as const;
/** With recorded voices the replay runs on their clock, at speeds a voice can still be followed at. */
const VOICE_SPEEDS = [1, 1.5, 2, 4] as const;
/** How often the replay clock advances while voices play. */
const VOICE_TICK_MS = 100;
/** With "skip idle" on, no pause between two edits lasts longer than this on screen. */
const IDLE_CAP_MS = 400;

interface ReplayPlayerProps {
  replay: RoundReplay;
  marks: ReportMark[];
  label: string;
}

/** Plays a round's document as it was written; with recorded voices, the voices and the text together. */
export function ReplayPlayer(props: ReplayPlayerProps) {
  return props.replay.audio.length > 0 ? <VoiceReplayPlayer {...props} /> : <EditsReplayPlayer {...props} />;
}

/** The round's edits as a cursor over the document, and its authors' names by id. */
function useReplayCursor(replay: RoundReplay): { cursor: ReplayCursor; names: Map<string, string> } {
  const cursor = useMemo(
    () => new ReplayCursor(replay.steps.map((step) => ({ at: step.at, userId: step.userId, update: decodeUpdate(step.update) }))),
    [replay.steps],
  );
  const names = useMemo(() => new Map(replay.authors.map((author) => [author.userId, author.name])), [replay.authors]);
  return { cursor, names };
}

function boardLabelFor(label: string): string {
  return `${label.replace(/ replay$/, '')} board at this point`;
}

/** Play, pause, 1x-16x, skip idle, scrub, jump to marks, who wrote what: edit by edit. */
function EditsReplayPlayer({ replay, marks, label }: ReplayPlayerProps) {
  const { cursor, names } = useReplayCursor(replay);
  const total = cursor.steps.length;
  const [position, setPosition] = useState(0);
  const [isPlaying, setIsPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(4);
  const [skipIdle, setSkipIdle] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  cursor.seek(position);
  const startAt = cursor.steps[0]?.at ?? 0;
  const currentAt = position > 0 ? cursor.steps[position - 1]!.at : startAt;

  useEffect(() => {
    if (!isPlaying || position >= total) return;
    const gap = position === 0 ? 0 : cursor.steps[position]!.at - cursor.steps[position - 1]!.at;
    const delay = Math.min(gap / speed, skipIdle ? IDLE_CAP_MS : Number.POSITIVE_INFINITY);
    timer.current = setTimeout(() => {
      const next = Math.min(total, position + 1);
      setPosition(next);
      if (next >= total) setIsPlaying(false);
    }, Math.max(0, delay));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [isPlaying, position, total, speed, skipIdle, cursor]);

  /** The last logged update at or before the moment of the mark: what the interviewer was looking at. */
  const jumpTo = (markedAt: string) => {
    const time = Date.parse(markedAt);
    let count = 0;
    while (count < total && cursor.steps[count]!.at <= time) count += 1;
    setIsPlaying(false);
    setPosition(count);
  };

  if (total === 0 && replay.board) {
    // Only drawn, never written: the board as it was left.
    return <ReplayBoard steps={replay.board.steps} at={Infinity} label={boardLabelFor(label)} />;
  }
  if (total === 0) return <p className="muted">Nothing was written in this round, so there is nothing to replay.</p>;

  return (
    <div className="replay" data-testid="replay">
      <div className="replay-controls">
        <PlayButton
          isPlaying={isPlaying}
          isAtEnd={position >= total}
          onToggle={() => {
            if (!isPlaying && position >= total) setPosition(0);
            setIsPlaying(!isPlaying);
          }}
        />
        <SpeedChoice speeds={SPEEDS} speed={speed} onChange={setSpeed} />
        <label className="choice">
          <input type="checkbox" checked={skipIdle} onChange={(event) => setSkipIdle(event.target.checked)} /> Skip idle stretches
        </label>
      </div>
      <Scrubber
        max={total}
        value={position}
        onChange={(value) => {
          setIsPlaying(false);
          setPosition(value);
        }}
      >
        {position} / {total} edits · {formatElapsed(currentAt - startAt)}
      </Scrubber>
      <MarkJumps marks={marks} onJump={jumpTo} />
      <AuthoredText replay={replay} cursor={cursor} names={names} label={label} />
      {replay.board ? <ReplayBoard steps={replay.board.steps} at={position >= total ? Infinity : currentAt} label={boardLabelFor(label)} /> : null}
    </div>
  );
}

/**
 * The replay on the recorded voices' clock (wall time): play, pause, speed, scrub and jump to a mark move the
 * text, the board and every voice together. No skipping idle stretches: silence is part of a conversation.
 */
function VoiceReplayPlayer({ replay, marks, label }: ReplayPlayerProps) {
  const { cursor, names } = useReplayCursor(replay);
  const boardSteps = replay.board?.steps ?? [];
  const startAt = Math.min(
    ...replay.audio.map((track) => track.startedAt),
    ...cursor.steps.slice(0, 1).map((step) => step.at),
    ...boardSteps.slice(0, 1).map((step) => step.at),
  );
  const endAt = Math.max(
    ...replay.audio.map((track) => track.startedAt + track.durationMs),
    ...cursor.steps.slice(-1).map((step) => step.at),
    ...boardSteps.slice(-1).map((step) => step.at),
  );
  const length = Math.max(0, endAt - startAt);
  const [offset, setOffset] = useState(0);
  const [isPlaying, setIsPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);

  const clockAt = startAt + offset;
  let position = 0;
  while (position < cursor.steps.length && cursor.steps[position]!.at <= clockAt) position += 1;
  cursor.seek(position);

  useEffect(() => {
    if (!isPlaying) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const step = (now - last) * speed;
      last = now;
      setOffset((current) => {
        const next = Math.min(length, current + step);
        if (next >= length) setIsPlaying(false);
        return next;
      });
    }, VOICE_TICK_MS);
    return () => clearInterval(timer);
  }, [isPlaying, speed, length]);

  const seekTo = (nextOffset: number) => setOffset(Math.max(0, Math.min(length, nextOffset)));

  return (
    <div className="replay" data-testid="replay" data-clock-at={Math.round(clockAt)}>
      <div className="replay-controls">
        <PlayButton
          isPlaying={isPlaying}
          isAtEnd={offset >= length}
          onToggle={() => {
            if (!isPlaying && offset >= length) setOffset(0);
            setIsPlaying(!isPlaying);
          }}
        />
        <SpeedChoice speeds={VOICE_SPEEDS} speed={speed} onChange={setSpeed} />
      </div>
      <Scrubber max={length} step={100} value={offset} onChange={seekTo}>
        {position} / {cursor.steps.length} edits · {formatElapsed(offset)} of {formatElapsed(length)}
      </Scrubber>
      <MarkJumps marks={marks} onJump={(markedAt) => seekTo(Date.parse(markedAt) - startAt)} />
      <ReplayVoices tracks={replay.audio} clockAt={clockAt} isPlaying={isPlaying} speed={speed} />
      <AuthoredText replay={replay} cursor={cursor} names={names} label={label} />
      {replay.board ? <ReplayBoard steps={replay.board.steps} at={offset >= length ? Infinity : clockAt} label={boardLabelFor(label)} /> : null}
    </div>
  );
}

function PlayButton({ isPlaying, isAtEnd, onToggle }: { isPlaying: boolean; isAtEnd: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button primary" onClick={onToggle}>
      {isPlaying ? 'Pause' : isAtEnd ? 'Replay from the start' : 'Play'}
    </button>
  );
}

function SpeedChoice({ speeds, speed, onChange }: { speeds: readonly number[]; speed: number; onChange: (speed: number) => void }) {
  return (
    <label className="choice">
      Speed
      <select value={speed} onChange={(event) => onChange(Number(event.target.value))}>
        {speeds.map((value) => (
          <option key={value} value={value}>
            {value}x
          </option>
        ))}
      </select>
    </label>
  );
}

interface ScrubberProps {
  max: number;
  step?: number;
  value: number;
  onChange: (value: number) => void;
  /** Where the replay stands, in words. */
  children: ReactNode;
}

function Scrubber({ max, step, value, onChange, children }: ScrubberProps) {
  const scrubId = useId();
  return (
    <div className="replay-scrub">
      <label htmlFor={scrubId} className="visually-hidden">
        Replay position
      </label>
      <input id={scrubId} type="range" min={0} max={max} step={step} value={value} onChange={(event) => onChange(Number(event.target.value))} />
      <span className="mono" data-testid="replay-position">
        {children}
      </span>
    </div>
  );
}

/** One button per rubric mark with a time: the replay jumps to what the interviewer saw when marking it. */
function MarkJumps({ marks, onJump }: { marks: ReportMark[]; onJump: (markedAt: string) => void }) {
  const timed = marks.filter((mark) => mark.markedAt);
  if (timed.length === 0) return null;
  return (
    <p className="replay-marks">
      Jump to:{' '}
      {timed.map((mark) => (
        <button key={`${mark.signalKey}-${mark.interviewerName}`} type="button" className="button small" onClick={() => onJump(mark.markedAt!)}>
          {formatElapsed(mark.elapsedMs)} {mark.label}
        </button>
      ))}
    </p>
  );
}

/** The document at the cursor, each stretch tinted by who wrote it, under a legend of the authors. */
function AuthoredText({ replay, cursor, names, label }: { replay: RoundReplay; cursor: ReplayCursor; names: Map<string, string>; label: string }) {
  return (
    <>
      <p className="replay-legend">
        {replay.authors.map((author) => (
          <span key={author.userId} className="replay-author" style={{ borderColor: colorForUser(author.userId).color }}>
            {author.name}
          </span>
        ))}
      </p>
      <pre className="replay-text" aria-label={label} data-testid="replay-text">
        {cursor.authoredSpans().map((span, index) => (
          <span
            key={index}
            style={span.userId ? { backgroundColor: colorForUser(span.userId).colorLight } : undefined}
            title={span.userId ? (names.get(span.userId) ?? 'A former member') : undefined}
          >
            {span.text}
          </span>
        ))}
      </pre>
    </>
  );
}
