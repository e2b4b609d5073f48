// The levels a rubric anchors and a probe ladder climbs, lowest first.
export const LEVELS = ['E4', 'E5', 'E6'] as const;

export type Level = (typeof LEVELS)[number];
