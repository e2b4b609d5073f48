import { describe, expect, it } from 'vitest';
import { findSqlAnswer, splitSqlStatements } from './split-sql-answer';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside quotes, quoted identifiers and comments', () => {
    const sql = `SELECT 'a;b' AS "x;y"; -- a comment; still a comment
SELECT 2 /* block; comment */ ;
SELECT 'it''s; fine'`;
    expect(splitSqlStatements(sql)).toEqual([`SELECT 'a;b' AS "x;y"`, `-- a comment; still a comment\nSELECT 2 /* block; comment */`, `SELECT 'it''s; fine'`]);
  });

  it('drops statements that are only comments or whitespace', () => {
    expect(splitSqlStatements('  ;\n-- notes only;\n/* nothing */;SELECT 1;  ')).toEqual(['SELECT 1']);
    expect(splitSqlStatements('')).toEqual([]);
  });

  it('keeps an unterminated string or comment in the last statement instead of looping', () => {
    expect(splitSqlStatements("SELECT 'open; SELECT 2")).toEqual(["SELECT 'open; SELECT 2"]);
    expect(splitSqlStatements('SELECT 1 /* open; SELECT 2')).toEqual(['SELECT 1 /* open; SELECT 2']);
  });
});

describe('findSqlAnswer', () => {
  const marked = `-- scratch notes before any marker are ignored
-- Q1
SELECT 1;
--q2: retention
SELECT 2 -- Q3 in a trailing comment is not a marker
;
  -- Q 3
CREATE TEMP TABLE t AS SELECT 3 AS x;
SELECT x FROM t;`;

  it('takes the section after a -- Q<n> line, up to the next marker', () => {
    expect(findSqlAnswer(marked, 1, 3)).toEqual({ ok: true, sql: 'SELECT 1;', source: 'MARKER' });
    expect(findSqlAnswer(marked, 2, 3)).toEqual({ ok: true, sql: 'SELECT 2 -- Q3 in a trailing comment is not a marker\n;', source: 'MARKER' });
    expect(findSqlAnswer(marked, 3, 3)).toEqual({ ok: true, sql: 'CREATE TEMP TABLE t AS SELECT 3 AS x;\nSELECT x FROM t;', source: 'MARKER' });
  });

  it('lets the later section win when a number is marked twice', () => {
    expect(findSqlAnswer('-- Q1\nSELECT 1;\n-- Q1 (rewrite)\nSELECT 11;', 1, 1)).toEqual({ ok: true, sql: 'SELECT 11;', source: 'MARKER' });
  });

  it('explains a missing or empty section', () => {
    expect(findSqlAnswer(marked, 4, 4)).toEqual({ ok: false, message: expect.stringContaining('No `-- Q4` section') });
    expect(findSqlAnswer('-- Q1\n-- just thoughts\n-- Q2\nSELECT 2', 1, 2)).toEqual({ ok: false, message: expect.stringContaining('has no SQL') });
  });

  it('does not mistake Q10 for Q1', () => {
    expect(findSqlAnswer('-- Q10\nSELECT 10;', 1, 1)).toMatchObject({ ok: false });
  });

  it('without markers, uses the whole document for a one-question round', () => {
    expect(findSqlAnswer('\nWITH a AS (SELECT 1) SELECT * FROM a;\n', 1, 1)).toEqual({ ok: true, sql: 'WITH a AS (SELECT 1) SELECT * FROM a;', source: 'WHOLE_DOCUMENT' });
  });

  it('without markers, takes the n-th statement in a round of several questions', () => {
    const document = 'SELECT 1;\n-- second\nSELECT 2;';
    expect(findSqlAnswer(document, 2, 2)).toEqual({ ok: true, sql: '-- second\nSELECT 2', source: 'NTH_STATEMENT' });
    expect(findSqlAnswer(document, 3, 3)).toEqual({ ok: false, message: expect.stringContaining('no statement 3') });
  });

  it('refuses an empty document', () => {
    expect(findSqlAnswer('  -- nothing yet\n', 1, 1)).toEqual({ ok: false, message: 'The document has no SQL in it.' });
  });
});
