import type { RoundKind } from '@/lib/rounds/round-kind';
import { findSignalsForRound, getSignal } from '@/lib/rubric/signal-catalog';
import type { RubricSignalView } from './scorecard-view';

/** A round kind's signals as the scorecard shows them, each ordered rule naming its pair by label. */
export function rubricSignalViews(kind: RoundKind): RubricSignalView[] {
  return findSignalsForRound(kind).map((signal) => ({
    key: signal.key,
    label: signal.label,
    lookFor: signal.lookFor,
    anchors: signal.anchors,
    rule: signal.rule,
    ...(signal.rule.kind === 'ORDERED' ? { pairLabel: getSignal(signal.rule.before).label } : {}),
  }));
}
