import { describe, expect, it } from 'vitest';
import { ROUND_KINDS } from './round-kind';
import { hasSqlEditor, isSqlHighlightingOnByDefault } from './sql-editor-rounds';

describe('SQL editor rounds', () => {
  it('are the SQL and data-modeling rounds', () => {
    expect(ROUND_KINDS.filter(hasSqlEditor)).toEqual(['SQL', 'DATA_MODELING']);
  });

  it('colour SQL from the start only in the modeling round: the SQL round is plain text, as in the real loop', () => {
    expect(ROUND_KINDS.filter(isSqlHighlightingOnByDefault)).toEqual(['DATA_MODELING']);
    for (const kind of ROUND_KINDS) if (isSqlHighlightingOnByDefault(kind)) expect(hasSqlEditor(kind)).toBe(true);
  });
});
