import { describeOutcome, type SignalOutcome } from '@/lib/rubric/judge-signal';
import type { SignalRule } from '@/lib/rubric/signal-types';

/** A signal's verdict as a coloured label: met, missed (late, out of order, not met) or not observed. */
export function VerdictBadge({ rule, outcome }: { rule: SignalRule; outcome: SignalOutcome }) {
  const tone = outcome.isMet ? 'met' : outcome.judgement === 'NOT_OBSERVED' && !outcome.isOverridden ? 'unseen' : 'missed';
  return (
    <span className={`verdict verdict-${tone}`} data-testid="verdict">
      {describeOutcome(rule, outcome)}
    </span>
  );
}
