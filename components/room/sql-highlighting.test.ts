import { PostgreSQL } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { highlightTree } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { SQL_HIGHLIGHTING, SQL_TOKEN_CLASSES } from './sql-highlighting';

/** Each coloured piece of `sql` with its class, in order. */
function colouredTokens(sql: string): [string, string][] {
  const tokens: [string, string][] = [];
  highlightTree(PostgreSQL.language.parser.parse(sql), SQL_TOKEN_CLASSES, (from, to, classes) => tokens.push([sql.slice(from, to), classes]));
  return tokens;
}

describe('SQL highlighting', () => {
  it('colours keywords, text, numbers and comments of a query, and leaves names plain', () => {
    expect(colouredTokens(`SELECT user_id, "day", count(*) FROM events WHERE kind = 'view' AND n > 42 -- views only`)).toEqual([
      ['SELECT', 'tok-keyword'],
      ['"day"', 'tok-name'],
      ['count', 'tok-keyword'],
      ['FROM', 'tok-keyword'],
      ['WHERE', 'tok-keyword'],
      ["'view'", 'tok-string'],
      ['AND', 'tok-keyword'],
      ['42', 'tok-literal'],
      ['-- views only', 'tok-comment'],
    ]);
  });

  it('colours the types of a modeling round’s DDL', () => {
    const tokens = colouredTokens('CREATE TABLE dim_user (user_key BIGINT NOT NULL, signup_date DATE, is_paid BOOLEAN DEFAULT true)');
    expect(tokens.filter(([, classes]) => classes === 'tok-type').map(([text]) => text)).toEqual(['BIGINT', 'DATE', 'BOOLEAN']);
    expect(tokens).toContainEqual(['true', 'tok-literal']);
    expect(tokens).toContainEqual(['NULL', 'tok-keyword']);
  });

  it('adds no completion source: colours only, as the editor has no autocomplete', () => {
    const state = EditorState.create({ doc: 'SEL', extensions: SQL_HIGHLIGHTING });
    expect(state.languageDataAt('autocomplete', 3)).toEqual([]);
  });
});
