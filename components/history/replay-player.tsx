'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
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

/** Play, pause, 1x-16x, skip idle, scrub, jump to marks, who wrote what: edit by edit. */
function EditsReplayPlayer({ replay, marks, label }: ReplayPlayerProps) {
  const cursor = useMemo(
    () => new ReplayCursor(replay.steps.map((step) => ({ at: step.at, userId: step.userId, update: decodeUpdate(step.update) }))),
    [replay.steps],
  );
  const total = cursor.steps.length;
  const [position, setPosition] = useState(0);
  const [isPlaying, setIsPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(4);
  const [skipIdle, setSkipIdle] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scrubId = useId();
  const names = useMemo(() => new Map(replay.authors.map((author) => [author.userId, author.name])), [replay.authors]);

  cursor.seek(position);
  const spans = cursor.authoredSpans();
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

  const boardLabel = `${label.replace(/ replay$/, '')} board at this point`;
  if (total === 0 && replay.board) {
    // Only drawn, never written: the board as it was left.
    return <ReplayBoard steps={replay.board.steps} at={Infinity} label={boardLabel} />;
  }
  if (total === 0) return <p className="muted">Nothing was written in this round, so there is nothing to replay.</p>;

  return (
    <div className="replay" data-testid="replay">
      <div className="replay-controls">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            if (!isPlaying && position >= total) setPosition(0);
            setIsPlaying(!isPlaying);
          }}
        >
          {isPlaying ? 'Pause' : position >= total ? 'Replay from the start' : 'Play'}
        </button>
        <label className="choice">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}x
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input type="checkbox" checked={skipIdle} onChange={(event) => setSkipIdle(event.target.checked)} /> Skip idle stretches
        </label>
      </div>
      <div className="replay-scrub">
        <label htmlFor={scrubId} className="visually-hidden">
          Replay position
        </label>
        <input
          id={scrubId}
          type="range"
          min={0}
          max={total}
          value={position}
          onChange={(event) => {
            setIsPlaying(false);
            setPosition(Number(event.target.value));
          }}
        />
        <span className="mono" data-testid="replay-position">
          {position} / {total} edits · {formatElapsed(currentAt - startAt)}
        </span>
      </div>
      {marks.some((mark) => mark.markedAt) ? (
        <p className="replay-marks">
          Jump to:{' '}
          {marks
            .filter((mark) => mark.markedAt)
            .map((mark) => (
              <button key={`${mark.signalKey}-${mark.interviewerName}`} type="button" className="button small" onClick={() => jumpTo(mark.markedAt!)}>
                {formatElapsed(mark.elapsedMs)} {mark.label}
              </button>
            ))}
        </p>
      ) : null}
      <p className="replay-legend">
        {replay.authors.map((author) => (
          <span key={author.userId} className="replay-author" style={{ borderColor: colorForUser(author.userId).color }}>
            {author.name}
          </span>
        ))}
      </p>
      <pre className="replay-text" aria-label={label} data-testid="replay-text">
        {spans.map((span, index) => (
          <span
            key={index}
            style={span.userId ? { backgroundColor: colorForUser(span.userId).colorLight } : undefined}
            title={span.userId ? (names.get(span.userId) ?? 'A former member') : undefined}
          >
            {span.text}
          </span>
        ))}
      </pre>
      {replay.board ? <ReplayBoard steps={replay.board.steps} at={position >= total ? Infinity : currentAt} label={boardLabel} /> : null}
    </div>
  );
}

/**
 * The replay on the recorded voices' clock (wall time): play, pause, speed, scrub and jump to a mark move the
 * text and every voice together. No skipping idle stretches: silence is part of a conversation.
 */
function VoiceReplayPlayer({ replay, marks, label }: ReplayPlayerProps) {
  const cursor = useMemo(
    () => new ReplayCursor(replay.steps.map((step) => ({ at: step.at, userId: step.userId, update: decodeUpdate(step.update) }))),
    [replay.steps],
  );
  const startAt = Math.min(...replay.audio.map((track) => track.startedAt), ...cursor.steps.slice(0, 1).map((step) => step.at));
  const endAt = Math.max(...replay.audio.map((track) => track.startedAt + track.durationMs), ...cursor.steps.slice(-1).map((step) => step.at));
  const length = Math.max(0, endAt - startAt);
  const [offset, setOffset] = useState(0);
  const [isPlaying, setIsPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof VOICE_SPEEDS)[number]>(1);
  const scrubId = useId();
  const names = useMemo(() => new Map(replay.authors.map((author) => [author.userId, author.name])), [replay.authors]);

  const clockAt = startAt + offset;
  let position = 0;
  while (position < cursor.steps.length && cursor.steps[position]!.at <= clockAt) position += 1;
  cursor.seek(position);
  const spans = cursor.authoredSpans();

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
        <button
          type="button"
          className="button primary"
          onClick={() => {
            if (!isPlaying && offset >= length) setOffset(0);
            setIsPlaying(!isPlaying);
          }}
        >
          {isPlaying ? 'Pause' : offset >= length ? 'Replay from the start' : 'Play'}
        </button>
        <label className="choice">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof VOICE_SPEEDS)[number])}>
            {VOICE_SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}x
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="replay-scrub">
        <label htmlFor={scrubId} className="visually-hidden">
          Replay position
        </label>
        <input id={scrubId} type="range" min={0} max={length} step={100} value={offset} onChange={(event) => seekTo(Number(event.target.value))} />
        <span className="mono" data-testid="replay-position">
          {position} / {cursor.steps.length} edits · {formatElapsed(offset)} of {formatElapsed(length)}
        </span>
      </div>
      {marks.some((mark) => mark.markedAt) ? (
        <p className="replay-marks">
          Jump to:{' '}
          {marks
            .filter((mark) => mark.markedAt)
            .map((mark) => (
              <button key={`${mark.signalKey}-${mark.interviewerName}`} type="button" className="button small" onClick={() => seekTo(Date.parse(mark.markedAt!) - startAt)}>
                {formatElapsed(mark.elapsedMs)} {mark.label}
              </button>
            ))}
        </p>
      ) : null}
      <ReplayVoices tracks={replay.audio} clockAt={clockAt} isPlaying={isPlaying} speed={speed} />
      <p className="replay-legend">
        {replay.authors.map((author) => (
          <span key={author.userId} className="replay-author" style={{ borderColor: colorForUser(author.userId).color }}>
            {author.name}
          </span>
        ))}
      </p>
      <pre className="replay-text" aria-label={label} data-testid="replay-text">
        {spans.map((span, index) => (
          <span
            key={index}
            style={span.userId ? { backgroundColor: colorForUser(span.userId).colorLight } : undefined}
            title={span.userId ? (names.get(span.userId) ?? 'A former member') : undefined}
          >
            {span.text}
          </span>
        ))}
      </pre>
    </div>
  );
}
