import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContentRoot } from '../content/find-content-root';
import { loadSignalCatalog } from '../rubric/load-signal-catalog';
import { SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { BUILT_IN_QUESTIONS } from './built-in-questions';
import { loadQuestionBank } from './load-question-bank';

const CONTENT = findContentRoot();

function markdownFiles(root: string): string[] {
  return readdirSync(path.join(root, 'questions'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
}

describe('the content/ folder', () => {
  it('is found from the project root, and every question file in it is in the bank', () => {
    expect(path.basename(CONTENT)).toBe('content');
    expect(BUILT_IN_QUESTIONS.map((question) => `${question.slug}.md`).sort()).toEqual(markdownFiles(CONTENT).map((name) => path.basename(name)).sort());
  });

  it('is found from below the root too (the server bundle runs from .next/)', () => {
    expect(findContentRoot(['/nonexistent-start', path.join(CONTENT, '..', 'lib', 'questions')])).toBe(CONTENT);
    expect(() => findContentRoot([tmpdir()])).toThrow(/content\/questions/);
  });
});

describe('loadQuestionBank on a copy of content/', () => {
  let root: string;
  beforeEach(() => {
    root = path.join(mkdtempSync(path.join(tmpdir(), 'mockloop-content-')), 'content');
    cpSync(CONTENT, root, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  const sqlFile = () => path.join(root, 'questions', 'sql', 'sql-page-event-sessions.md');

  it('reads the same bank as the process did', () => {
    expect(loadQuestionBank(root, loadSignalCatalog(root)).questions).toEqual(BUILT_IN_QUESTIONS);
  });

  it('refuses a slug used twice, naming both files', () => {
    const python = path.join(root, 'questions', 'python-etl', 'python-parse-server-logs.md');
    const twin = path.join(root, 'questions', 'python-etl', 'sql-page-event-sessions.md');
    writeFileSync(twin, readFileSync(python, 'utf8').replace('slug: python-parse-server-logs', 'slug: sql-page-event-sessions'));
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(
      /python-etl\/sql-page-event-sessions\.md: slug: "sql-page-event-sessions" is already used by content\/questions\/sql\/sql-page-event-sessions\.md/,
    );
  });

  it('refuses a SQL question without its fixture, and a fixture without its question', () => {
    renameSync(sqlFile().replace('.md', '.setup.sql'), path.join(root, 'questions', 'sql', 'orphan.setup.sql'));
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(/orphan\.setup\.sql: a fixture with no question/);
    rmSync(path.join(root, 'questions', 'sql', 'orphan.setup.sql'));
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(/sql-page-event-sessions\.md: .*setup\.sql: SQL questions need their fixture/);
  });

  it('refuses a signal key that does not exist or belongs to another round', () => {
    writeFileSync(sqlFile(), readFileSync(sqlFile(), 'utf8').replace('signalKeys: [ sql.names-partition-filter,', 'signalKeys: [ sql.no-such-signal,'));
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(/signalKeys\[0\]: no signal "sql.no-such-signal"/);
    writeFileSync(sqlFile(), readFileSync(sqlFile(), 'utf8').replace('sql.no-such-signal,', 'design.clarifies-sla,'));
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(/signalKeys\[0\]: "design.clarifies-sla" is a SYSTEM_DESIGN signal/);
  });

  it('refuses a folder that is not a round kind', () => {
    cpSync(path.join(root, 'questions', 'sql'), path.join(root, 'questions', 'sequel'), { recursive: true });
    expect(() => loadQuestionBank(root, SIGNAL_CATALOG)).toThrow(/content\/questions\/sequel: not a round kind's folder/);
  });

  it('names the rubric file and the field of a bad signal', () => {
    const rubric = path.join(root, 'rubric', 'sql.yaml');
    writeFileSync(rubric, readFileSync(rubric, 'utf8').replace('kind: TIMED', 'kind: TIMELY'));
    expect(() => loadSignalCatalog(root)).toThrow(/content\/rubric\/sql\.yaml: \[0\]\.rule\.kind: /);
    writeFileSync(rubric, readFileSync(rubric, 'utf8').replace('kind: TIMELY', 'kind: TIMED').replace('  label:', '  labell: x\n  label:'));
    expect(() => loadSignalCatalog(root)).toThrow(/content\/rubric\/sql\.yaml: .*labell/s);
  });
});
