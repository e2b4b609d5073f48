import { STORY_COMPETENCIES, STORY_COMPETENCY_LABELS, type StoryCompetencyName } from './story-vocabulary';

export interface CompetencyCoverage {
  competency: StoryCompetencyName;
  label: string;
  /** Titles of the stories tagged with it, in the order given. */
  storyTitles: string[];
}

export interface StoryCoverage {
  /** Every competency, in the ledger's order, with the stories that prove it. */
  competencies: CompetencyCoverage[];
  /** The competencies no story proves yet: what to prepare next. */
  uncovered: CompetencyCoverage[];
}

/** Which competencies the stories cover. Unknown tags (none today) are ignored rather than counted. */
export function summarizeCoverage(stories: readonly { title: string; competencies: readonly string[] }[]): StoryCoverage {
  const competencies = STORY_COMPETENCIES.map((competency) => ({
    competency,
    label: STORY_COMPETENCY_LABELS[competency],
    storyTitles: stories.filter((story) => story.competencies.includes(competency)).map((story) => story.title),
  }));
  return { competencies, uncovered: competencies.filter((entry) => entry.storyTitles.length === 0) };
}
