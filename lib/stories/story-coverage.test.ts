import { describe, expect, it } from 'vitest';
import { summarizeCoverage } from './story-coverage';
import { STORY_COMPETENCIES } from './story-vocabulary';

describe('summarizeCoverage', () => {
  it('leaves every competency uncovered without stories', () => {
    const coverage = summarizeCoverage([]);
    expect(coverage.uncovered.map((entry) => entry.competency)).toEqual([...STORY_COMPETENCIES]);
    expect(coverage.competencies.every((entry) => entry.storyTitles.length === 0)).toBe(true);
  });

  it('counts a story once under each competency it is tagged with, and shrinks the uncovered list', () => {
    const coverage = summarizeCoverage([
      { title: 'Billing migration', competencies: ['INFLUENCE_WITHOUT_AUTHORITY', 'CROSS_TEAM_ALIGNMENT'] },
      { title: 'Backfill outage', competencies: ['POST_MORTEM', 'CROSS_TEAM_ALIGNMENT'] },
    ]);
    expect(coverage.competencies.find((entry) => entry.competency === 'CROSS_TEAM_ALIGNMENT')?.storyTitles).toEqual(['Billing migration', 'Backfill outage']);
    expect(coverage.uncovered.map((entry) => entry.competency)).toEqual(['MENTORING', 'PUSHBACK_WITH_DATA']);
  });

  it('keeps the ledger’s order and labels whatever order the tags come in', () => {
    const coverage = summarizeCoverage([{ title: 'One', competencies: ['POST_MORTEM', 'MENTORING'] }]);
    expect(coverage.competencies.map((entry) => entry.label)).toEqual([
      'Influence without authority',
      'Mentoring',
      'Pushing back with data',
      'Post-mortem',
      'Cross-team alignment',
    ]);
  });

  it('ignores a tag it does not know', () => {
    expect(summarizeCoverage([{ title: 'Odd', competencies: ['SOMETHING_ELSE'] }]).uncovered).toHaveLength(5);
  });
});
