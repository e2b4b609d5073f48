// The words of the story ledger, shared by the form (in the browser) and the services. No rubric text here.

import { StoryCompetency, StoryScope } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

export const STORY_SCOPES = enumValues(StoryScope);
export type StoryScopeName = (typeof STORY_SCOPES)[number];

export const STORY_SCOPE_LABELS: Record<StoryScopeName, string> = {
  TEAM: 'Team',
  ORG: 'Org',
  MULTI_ORG: 'Multi-org',
};

/** The competencies the Staff behavioral round asks a story for, in the order the ledger lists them. */
export const STORY_COMPETENCIES = enumValues(StoryCompetency);
export type StoryCompetencyName = (typeof STORY_COMPETENCIES)[number];

export const STORY_COMPETENCY_LABELS: Record<StoryCompetencyName, string> = {
  INFLUENCE_WITHOUT_AUTHORITY: 'Influence without authority',
  MENTORING: 'Mentoring',
  PUSHBACK_WITH_DATA: 'Pushing back with data',
  POST_MORTEM: 'Post-mortem',
  CROSS_TEAM_ALIGNMENT: 'Cross-team alignment',
};

/** The SPSIL parts, in telling order. */
export const SPSIL_PARTS = ['situation', 'problem', 'solution', 'impact', 'lessons'] as const;
export type SpsilPart = (typeof SPSIL_PARTS)[number];

export const SPSIL_LABELS: Record<SpsilPart, string> = {
  situation: 'Situation',
  problem: 'Problem',
  solution: 'Solution',
  impact: 'Impact',
  lessons: 'Lessons',
};

export const STORY_TITLE_MAX_LENGTH = 120;
export const STORY_PART_MAX_LENGTH = 4_000;
export const STORY_METRICS_MAX_LENGTH = 2_000;
