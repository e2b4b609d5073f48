import { describe, expect, it } from 'vitest';
import { ContentFileError } from '../content/content-file-error';
import { parseQuestionFile, type QuestionFile } from './parse-question-file';

const PATH = 'content/questions/data-modeling/modeling-sample.md';

const FRONT = `slug: modeling-sample
roundKind: DATA_MODELING
title: A sample model
difficulty: MEDIUM
signalKeys: [modeling.states-grain]
hints:
  - Start from the questions it must answer.
probes:
  - level: E4
    prompt: What is the grain?
    lookFor: One row per thing.
  - level: E5
    prompt: And history?
    lookFor: Type 2 where it matters.
  - level: E6
    prompt: And at 100x?
    lookFor: Partitioning that matches the reads.
twists:
  - key: late-data
    title: Late data
    prompt: Rows arrive a day late.
    strongAnswer: Restates the partitions the late rows touch.
    probesSignalKey: modeling.plans-late-arriving-data
  - key: new-source
    title: A second source
    prompt: A second system sends the same orders.
    strongAnswer: Conforms the keys before the fact.
    probesSignalKey: modeling.states-grain
`;

const BODY = `
# Prompt

Model the orders.

# Solution

\`\`\`python
# a comment in code is not a heading
print("ok")
\`\`\`

One fact at line grain.
`;

function file(front = FRONT, body = BODY, overrides: Partial<QuestionFile> = {}): QuestionFile {
  return { path: PATH, kindDir: 'data-modeling', text: `---\n${front}---\n${body}`, setupSql: null, ...overrides };
}

function problemsOf(input: QuestionFile): string[] {
  try {
    parseQuestionFile(input);
  } catch (error) {
    if (error instanceof ContentFileError) {
      expect(error.file).toBe(input.path);
      expect(error.message.startsWith(`${input.path}: `)).toBe(true);
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('parseQuestionFile', () => {
  it('reads the front matter and the two sections, ignoring # lines inside code', () => {
    const { question, fixture } = parseQuestionFile(file());
    expect(question).toMatchObject({ slug: 'modeling-sample', roundKind: 'DATA_MODELING', difficulty: 'MEDIUM' });
    expect(question.candidateView.prompt).toBe('Model the orders.');
    expect(question.interviewerView.solution).toContain('# a comment in code is not a heading');
    expect(question.interviewerView.twists).toHaveLength(2);
    expect(fixture).toBeNull();
  });

  it('names the field of a wrong value', () => {
    expect(problemsOf(file(FRONT.replace('level: E5', 'level: E7')))).toEqual([expect.stringMatching(/^probes\[1\]\.level: /)]);
    expect(problemsOf(file(FRONT.replace('difficulty: MEDIUM', 'difficulty: medium')))).toEqual([expect.stringMatching(/^difficulty: /)]);
  });

  it('rejects a misspelt key instead of dropping it', () => {
    expect(problemsOf(file(FRONT.replace('    lookFor: One row per thing.', '    lookfor: One row per thing.'))).join('\n')).toMatch(/probes\[0\]/);
  });

  it('points at the YAML line of a syntax error', () => {
    expect(problemsOf(file(FRONT.replace('title: A sample model', 'title: [unclosed')))).toEqual([expect.stringMatching(/^line \d+: /)]);
  });

  it('requires the slug to equal the file name and the folder to match the round', () => {
    expect(problemsOf(file(FRONT.replace('slug: modeling-sample', 'slug: modeling-other')))).toEqual([expect.stringMatching(/^slug: /)]);
    expect(problemsOf(file(FRONT, BODY, { kindDir: 'system-design' }))).toEqual([expect.stringMatching(/^roundKind: /)]);
  });

  it('requires each rung of the ladder, in order', () => {
    const noE6 = FRONT.replace(/  - level: E6[\s\S]*?(?=twists:)/, '');
    expect(problemsOf(file(noE6))).toEqual(['probes: no E6 probe (the ladder needs at least one per level)']);
    const reversed = FRONT.replace('level: E4', 'level: TMP').replace('level: E6', 'level: E4').replace('level: TMP', 'level: E6');
    expect(problemsOf(file(reversed))).toEqual([expect.stringMatching(/^probes: .*E4 → E5 → E6/)]);
  });

  it('requires every twist to say what a strong answer covers', () => {
    const noAnswer = FRONT.replace('    strongAnswer: Restates the partitions the late rows touch.\n', '');
    expect(problemsOf(file(noAnswer))).toEqual([expect.stringMatching(/^twists\[0\]\.strongAnswer: /)]);
  });

  it('applies the shared rules with the file field names (two twists for modeling)', () => {
    const oneTwist = FRONT.replace(/  - key: new-source[\s\S]*$/, '');
    expect(problemsOf(file(oneTwist))).toEqual([expect.stringMatching(/^twists: /)]);
  });

  it('needs # Prompt then # Solution, once each', () => {
    expect(problemsOf(file(FRONT, '\n# Solution\n\nx\n\n# Prompt\n\ny\n'))).toEqual([expect.stringMatching(/^body: /)]);
    expect(problemsOf(file(FRONT, '\n# Prompt\n\nx\n'))).toEqual([expect.stringMatching(/^body: /)]);
    expect(problemsOf(file(FRONT, '\nIntro\n# Prompt\n\nx\n\n# Solution\n\ny\n'))).toEqual([expect.stringMatching(/^body: text before/)]);
  });

  it('needs a check and a fixture for SQL, and a theme for product sense', () => {
    const sql = FRONT.replace('slug: modeling-sample', 'slug: sql-sample')
      .replace('roundKind: DATA_MODELING', 'roundKind: SQL')
      .replace('signalKeys: [modeling.states-grain]', 'signalKeys: [sql.states-grain-first]')
      .replace(/twists:[\s\S]*$/, '');
    const sqlFile = file(sql, BODY, { path: 'content/questions/sql/sql-sample.md', kindDir: 'sql' });
    expect(problemsOf(sqlFile)).toEqual([expect.stringMatching(/^check: /), expect.stringMatching(/^sql-sample\.setup\.sql: /)]);

    const product = FRONT.replace('slug: modeling-sample', 'slug: product-sample')
      .replace('roundKind: DATA_MODELING', 'roundKind: PRODUCT_SENSE')
      .replace(/twists:[\s\S]*$/, '');
    const productFile = file(product, BODY, { path: 'content/questions/product-sense/product-sample.md', kindDir: 'product-sense' });
    expect(problemsOf(productFile)).toEqual([expect.stringMatching(/^theme: /)]);
    expect(problemsOf({ ...productFile, text: productFile.text.replace('difficulty: MEDIUM', 'difficulty: MEDIUM\ntheme: rca') })).toEqual([]);
  });

  it('refuses a key given twice', () => {
    expect(problemsOf(file(`${FRONT}title: Again\n`))).toEqual([expect.stringMatching(/^line \d+: .*/)]);
  });
});
