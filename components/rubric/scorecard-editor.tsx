'use client';

import { useId } from 'react';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import type { ScorecardView, WrapUpView } from '@/lib/scorecards/scorecard-view';
import {
  LEVEL_ESTIMATES,
  MAX_NOTE_LENGTH,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type LevelEstimate,
} from '@/lib/scorecards/scorecard-vocabulary';
import { AutosaveTextarea } from './autosave-textarea';
import { SignalEntry, type SignalFields } from './signal-entry';
import { useScorecardAutosave, type SaveScorecard, type SaveStatus } from './use-scorecard-autosave';

interface ScorecardEditorProps {
  initial: ScorecardView;
  save: SaveScorecard;
  /** The same scorecard, changed in another tab. */
  external?: ScorecardView | null;
}

/** The interviewer's own scorecard for one round: signals as they show, then the round's wrap-up. */
export function ScorecardEditor({ initial, save, external }: ScorecardEditorProps) {
  const { scorecard, status, send } = useScorecardAutosave(initial, save, external);
  const headingId = useId();
  const isLocked = scorecard.lockedReason !== null;
  const { roundId } = scorecard;

  const saveSignal = (signalKey: string, fields: SignalFields) =>
    void send({ type: 'signal', roundId, signalKey, ...fields }, (current) => {
      const entry = current.entries[signalKey] ?? {
        signalKey,
        rating: null,
        note: '',
        noteShareable: false,
        markedAtElapsedMs: null,
        markedAt: null,
        override: null,
      };
      return { ...current, entries: { ...current.entries, [signalKey]: { ...entry, ...fields } } };
    });

  const saveWrapUp = (fields: Partial<WrapUpView>) =>
    void send({ type: 'wrap-up', roundId, ...fields }, (current) => ({ ...current, wrapUp: { ...current.wrapUp, ...fields } }));

  return (
    <section className="scorecard" aria-labelledby={headingId} data-testid="scorecard">
      <div className="panel-heading">
        <h2 id={headingId}>Scorecard · {ROUND_KIND_LABELS[scorecard.roundKind]}</h2>
        <SaveIndicator status={status} />
      </div>
      {scorecard.lockedReason ? <p className="notice">{scorecard.lockedReason}</p> : null}
      {!scorecard.canMark && scorecard.roundStatus === 'PENDING' ? (
        <p className="muted">Marks become available when the round starts: each records the round clock.</p>
      ) : null}
      <ul className="signal-list">
        {scorecard.signals.map((signal) => (
          <SignalEntry
            key={signal.key}
            signal={signal}
            entry={scorecard.entries[signal.key]}
            pairMarkedAtElapsedMs={signal.rule.kind === 'ORDERED' ? (scorecard.entries[signal.rule.before]?.markedAtElapsedMs ?? null) : null}
            canMark={scorecard.canMark}
            isLocked={isLocked}
            onMark={() => void send({ type: 'mark', roundId, signalKey: signal.key })}
            onUnmark={() => void send({ type: 'unmark', roundId, signalKey: signal.key })}
            onSave={(fields) => saveSignal(signal.key, fields)}
          />
        ))}
      </ul>
      <WrapUpFields scorecard={scorecard} isLocked={isLocked} onSave={saveWrapUp} />
    </section>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  if (status.state === 'failed') {
    return (
      <span className="save-status failed" role="alert">
        Not saved: {status.message}{' '}
        <button type="button" className="link-button" onClick={status.retry}>
          Retry
        </button>
      </span>
    );
  }
  const text = status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'All changes saved' : '';
  return (
    <span className="save-status muted" role="status" data-testid="save-status">
      {text}
    </span>
  );
}

interface WrapUpFieldsProps {
  scorecard: ScorecardView;
  isLocked: boolean;
  onSave: (fields: Partial<WrapUpView>) => void;
}

function WrapUpFields({ scorecard, isLocked, onSave }: WrapUpFieldsProps) {
  const idBase = `wrap-up-${scorecard.roundId}`;
  const { wrapUp } = scorecard;
  return (
    <fieldset className="wrap-up" disabled={isLocked}>
      <legend>Round wrap-up</legend>
      <div className="field">
        <span className="field-label" id={`${idBase}-recommendation`}>
          Recommendation
        </span>
        <div className="choice-row" role="radiogroup" aria-labelledby={`${idBase}-recommendation`}>
          {RECOMMENDATIONS.map((recommendation) => (
            <label key={recommendation} className="choice">
              <input
                type="radio"
                name={`${idBase}-recommendation`}
                value={recommendation}
                checked={wrapUp.recommendation === recommendation}
                onChange={() => onSave({ recommendation })}
              />
              {RECOMMENDATION_LABELS[recommendation]}
            </label>
          ))}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idBase}-level`}>Level estimate</label>
          <select
            id={`${idBase}-level`}
            value={wrapUp.levelEstimate ?? ''}
            onChange={(event) => onSave({ levelEstimate: (event.target.value || null) as LevelEstimate | null })}
          >
            <option value="">Not yet</option>
            {LEVEL_ESTIMATES.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </div>
        {scorecard.roundKind === 'SQL' ? (
          <div className="field">
            <label htmlFor={`${idBase}-solved`}>Problems solved (of {scorecard.questionsAsked} asked)</label>
            <select
              id={`${idBase}-solved`}
              value={wrapUp.problemsSolved ?? ''}
              onChange={(event) => onSave({ problemsSolved: event.target.value === '' ? null : Number(event.target.value) })}
            >
              <option value="">Not yet</option>
              {Array.from({ length: scorecard.questionsAsked + 1 }, (_, count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <AutosaveTextarea
        id={`${idBase}-strengths`}
        label="Strengths"
        savedValue={wrapUp.strengths}
        maxLength={MAX_NOTE_LENGTH}
        disabled={isLocked}
        onSave={(strengths) => onSave({ strengths })}
      />
      <AutosaveTextarea
        id={`${idBase}-growth`}
        label="Growth areas"
        savedValue={wrapUp.growthAreas}
        maxLength={MAX_NOTE_LENGTH}
        disabled={isLocked}
        onSave={(growthAreas) => onSave({ growthAreas })}
      />
      <p className="field-hint">The wrap-up, ratings, marks and shared notes reach the candidate only when you publish your feedback.</p>
    </fieldset>
  );
}
