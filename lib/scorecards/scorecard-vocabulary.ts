// The words of a scorecard, shared by the forms, the debrief and the feedback page. No rubric content here:
// this module is safe in any browser bundle.

import { Recommendation, SignalRating, SignalVerdict, StaffBarCall } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

export const RECOMMENDATIONS = enumValues(Recommendation);
export type RecommendationName = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<RecommendationName, string> = {
  STRONG_NO: 'Strong no',
  NO: 'No',
  LEAN_NO: 'Lean no',
  LEAN_YES: 'Lean yes',
  YES: 'Yes',
  STRONG_YES: 'Strong yes',
};

export const LEVEL_ESTIMATES = ['E4', 'E5', 'E6', 'E7'] as const;
export type LevelEstimate = (typeof LEVEL_ESTIMATES)[number];

/** A signal is rated by the level whose anchor the candidate's behaviour matched. */
export const SIGNAL_RATINGS = enumValues(SignalRating);
export type SignalRatingName = (typeof SIGNAL_RATINGS)[number];

export const VERDICT_OVERRIDES = enumValues(SignalVerdict);
export type VerdictOverride = (typeof VERDICT_OVERRIDES)[number];

export const STAFF_BAR_CALLS = enumValues(StaffBarCall);
export type StaffBarCallName = (typeof STAFF_BAR_CALLS)[number];

export const STAFF_BAR_CALL_LABELS: Record<StaffBarCallName, string> = {
  NOT_YET: 'Not yet at the bar',
  DOWN_LEVEL: 'Senior (E5), not yet Staff',
  MEETS_STAFF_BAR: 'Meets the Staff (E6) bar',
  ABOVE_STAFF_BAR: 'Above the Staff bar (E7 signals)',
};

export const MAX_NOTE_LENGTH = 4000;
export const MAX_OVERRIDE_REASON_LENGTH = 500;
export const MAX_RATIONALE_LENGTH = 8000;
