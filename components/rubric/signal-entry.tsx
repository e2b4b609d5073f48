'use client';

import { useState } from 'react';
import { describeRule, resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import type { RubricSignalView, SignalEntryView } from '@/lib/scorecards/scorecard-view';
import { MAX_NOTE_LENGTH, MAX_OVERRIDE_REASON_LENGTH, SIGNAL_RATINGS, type SignalRatingName, type VerdictOverride } from '@/lib/scorecards/scorecard-vocabulary';
import { formatElapsed } from '@/lib/timer/round-clock';
import { AutosaveTextarea } from './autosave-textarea';
import { VerdictBadge } from './verdict-badge';

export interface SignalFields {
  rating?: SignalRatingName | null;
  note?: string;
  noteShareable?: boolean;
  override?: { verdict: VerdictOverride; reason: string } | null;
}

interface SignalEntryProps {
  signal: RubricSignalView;
  entry: SignalEntryView | undefined;
  /** ORDERED rules: when the paired signal was first marked. */
  pairMarkedAtElapsedMs: number | null;
  canMark: boolean;
  isLocked: boolean;
  onMark: () => void;
  onUnmark: () => void;
  onSave: (fields: SignalFields) => void;
}

/** One signal of the scorecard: its rule, the "observed now" mark and verdict, the anchored rating, a note. */
export function SignalEntry({ signal, entry, pairMarkedAtElapsedMs, canMark, isLocked, onMark, onUnmark, onSave }: SignalEntryProps) {
  const markedAt = entry?.markedAtElapsedMs ?? null;
  const outcome = resolveSignalOutcome(signal.rule, { markedAtElapsedMs: markedAt, pairMarkedAtElapsedMs }, entry?.override?.verdict ?? null);
  const idBase = `signal-${signal.key.replace('.', '-')}`;

  return (
    <li className="signal-entry" data-testid="signal-entry" data-signal-key={signal.key}>
      <div className="signal-head">
        <div>
          <strong id={`${idBase}-label`}>{signal.label}</strong>
          <span className="signal-rule">{describeRule(signal.rule, signal.pairLabel)}</span>
        </div>
        {canMark && markedAt === null && !isLocked ? (
          <button type="button" className="button small" aria-label={`Observed now: ${signal.label}`} onClick={onMark}>
            Observed now
          </button>
        ) : null}
      </div>
      <div className="signal-mark">
        {markedAt !== null ? <span>Observed at {formatElapsed(markedAt)}</span> : <span className="muted">Not marked</span>}
        <VerdictBadge rule={signal.rule} outcome={outcome} />
        {markedAt !== null && !isLocked ? (
          <button type="button" className="link-button" aria-label={`Remove the mark on ${signal.label}`} onClick={onUnmark}>
            Remove mark
          </button>
        ) : null}
      </div>
      <details className="signal-details">
        <summary>
          Rate and note
          {entry?.rating ? <span className="badge level">{entry.rating}</span> : null}
          {entry?.note ? <span className="muted">{entry.noteShareable ? ' · shared note' : ' · private note'}</span> : null}
        </summary>
        <p className="look-for">{signal.lookFor}</p>
        <fieldset className="rating" disabled={isLocked}>
          <legend>Rating: which anchor matches what you saw?</legend>
          {SIGNAL_RATINGS.map((level) => (
            <label key={level} className="rating-choice">
              <input
                type="radio"
                name={`${idBase}-rating`}
                value={level}
                checked={entry?.rating === level}
                onChange={() => onSave({ rating: level })}
              />
              <span>
                <strong>{level}</strong> {signal.anchors[level]}
              </span>
            </label>
          ))}
          {entry?.rating ? (
            <button type="button" className="link-button" onClick={() => onSave({ rating: null })}>
              Clear rating
            </button>
          ) : null}
        </fieldset>
        <AutosaveTextarea
          id={`${idBase}-note`}
          label="Note"
          savedValue={entry?.note ?? ''}
          maxLength={MAX_NOTE_LENGTH}
          disabled={isLocked}
          placeholder="What did they say or write?"
          onSave={(note) => onSave({ note })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={entry?.noteShareable ?? false}
            disabled={isLocked}
            onChange={(event) => onSave({ noteShareable: event.target.checked })}
          />
          <span>Share this note with the candidate when feedback is published (otherwise it stays private, always)</span>
        </label>
        {/* Keyed by the saved override: a change from elsewhere (another tab, a rollback) starts the fields afresh. */}
        <OverrideFields
          key={`${entry?.override?.verdict ?? ''}|${entry?.override?.reason ?? ''}`}
          idBase={idBase}
          override={entry?.override ?? null}
          isLocked={isLocked}
          onSave={(override) => onSave({ override })}
        />
      </details>
    </li>
  );
}

interface OverrideFieldsProps {
  idBase: string;
  override: SignalEntryView['override'];
  isLocked: boolean;
  onSave: (override: SignalEntryView['override']) => void;
}

/** Overrides the judgement from the marks; saved only with a reason, because the debrief will ask why. */
function OverrideFields({ idBase, override, isLocked, onSave }: OverrideFieldsProps) {
  const [verdict, setVerdict] = useState<VerdictOverride | ''>(override?.verdict ?? '');
  const [reason, setReason] = useState(override?.reason ?? '');

  const commit = (nextVerdict: VerdictOverride | '', nextReason: string) => {
    if (nextVerdict === '') {
      if (override) onSave(null);
      return;
    }
    if (!nextReason.trim()) return;
    if (override?.verdict === nextVerdict && override.reason === nextReason.trim()) return;
    onSave({ verdict: nextVerdict, reason: nextReason.trim() });
  };

  return (
    <div className="override">
      <div className="field">
        <label htmlFor={`${idBase}-override`}>Verdict</label>
        <select
          id={`${idBase}-override`}
          value={verdict}
          disabled={isLocked}
          onChange={(event) => {
            const next = event.target.value as VerdictOverride | '';
            setVerdict(next);
            commit(next, reason);
          }}
        >
          <option value="">Judge from the marks</option>
          <option value="MET">Override: met</option>
          <option value="NOT_MET">Override: not met</option>
        </select>
      </div>
      {verdict !== '' ? (
        <div className="field">
          <label htmlFor={`${idBase}-override-reason`}>Why override?</label>
          <input
            id={`${idBase}-override-reason`}
            value={reason}
            maxLength={MAX_OVERRIDE_REASON_LENGTH}
            disabled={isLocked}
            aria-describedby={reason.trim() ? undefined : `${idBase}-override-hint`}
            onChange={(event) => setReason(event.target.value)}
            onBlur={() => commit(verdict, reason)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit(verdict, reason);
            }}
          />
          {reason.trim() ? null : (
            <p className="field-hint" id={`${idBase}-override-hint`}>
              The override is saved once it has a reason.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
