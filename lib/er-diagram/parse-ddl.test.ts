import { describe, expect, it } from 'vitest';
import { describeErProblem } from './er-model';
import { parseDdl } from './parse-ddl';

function columnsOf(text: string, table: string): string[] {
  return parseDdl(text).tables.find((candidate) => candidate.name === table)?.columns.map((column) => column.name) ?? [];
}

describe('parseDdl', () => {
  it('reads columns with their types, primary keys and declared references of both kinds', () => {
    const parsed = parseDdl(`
CREATE TABLE dim_customer (customer_sk BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL);
CREATE TABLE fact_payment (
  payment_id   BIGINT,
  customer_sk  BIGINT REFERENCES dim_customer(customer_sk),
  merchant_ref INT,
  amount       DECIMAL(18,2),
  PRIMARY KEY (payment_id),
  CONSTRAINT fk_merchant FOREIGN KEY (merchant_ref) REFERENCES merchants(merchant_no)
);`);

    expect(parsed.problems).toEqual([]);
    const payment = parsed.tables.find((table) => table.name === 'fact_payment')!;
    expect(payment.columns.map((column) => [column.name, column.type, column.isPrimaryKey])).toEqual([
      ['payment_id', 'BIGINT', true],
      ['customer_sk', 'BIGINT', false],
      ['merchant_ref', 'INT', false],
      ['amount', 'DECIMAL(18,2)', false],
    ]);
    expect(parsed.tables[0]!.columns[0]!.isPrimaryKey).toBe(true);
    expect(parsed.references).toEqual([
      { kind: 'DECLARED', fromTable: 'fact_payment', fromColumns: ['customer_sk'], toTable: 'dim_customer', toColumns: ['customer_sk'] },
      { kind: 'DECLARED', fromTable: 'fact_payment', fromColumns: ['merchant_ref'], toTable: 'merchants', toColumns: ['merchant_no'] },
    ]);
  });

  it('ignores the notes around the statements, and semicolons and quotes inside comments', () => {
    const parsed = parseDdl(`Grain: one row per user's session; keyed by session_id.

CREATE TABLE sessions ( -- one row per session; never updated
  session_id BIGINT /* minted by the client; kept on retry */,
  started_at TIMESTAMP
);
Then the daily rollup, which isn't written yet.`);

    expect(parsed.problems).toEqual([]);
    expect(parsed.tables.map((table) => table.name)).toEqual(['sessions']);
    expect(columnsOf('CREATE TABLE t (a INT, b TEXT DEFAULT \'x;y\')', 't')).toEqual(['a', 'b']);
  });

  it('reads Hive-style PARTITIONED BY columns as partition columns of the table', () => {
    const table = parseDdl('CREATE TABLE events (event_id BIGINT)\nPARTITIONED BY (ds VARCHAR, hour TINYINT);').tables[0]!;

    expect(table.columns.map((column) => [column.name, column.isPartition])).toEqual([
      ['event_id', false],
      ['ds', true],
      ['hour', true],
    ]);
  });

  it('reads Hive and Spark STRING columns and shows them as STRING', () => {
    const parsed = parseDdl("CREATE TABLE events (\n  event_id BIGINT,\n  country STRING,\n  note VARCHAR DEFAULT 'string'\n) PARTITIONED BY (ds STRING);");

    expect(parsed.problems).toEqual([]);
    expect(parsed.tables[0]!.columns.map((column) => `${column.name} ${column.type}`)).toEqual(['event_id BIGINT', 'country STRING', 'note VARCHAR', 'ds STRING']);
  });

  it('draws what it can of a statement cut off mid-way, marks it incomplete and says where it stopped', () => {
    const text = [
      'CREATE TABLE dim_user (', // line 1
      '  user_key BIGINT,',
      '  country CHAR(2)',
      ');',
      '',
      'CREATE TABLE fact_visit (', // line 6
      '  visit_id BIGINT,',
      '  user_key BIGINT REFERENCES dim_user(user_key),',
      '  duration_s DECIMAL(10,', // line 9: cut off here
    ].join('\n');

    const parsed = parseDdl(text);

    expect(parsed.tables.map((table) => [table.name, table.isIncomplete])).toEqual([
      ['dim_user', false],
      ['fact_visit', true],
    ]);
    expect(columnsOf(text, 'fact_visit')).toEqual(['visit_id', 'user_key']);
    expect(parsed.references.map((reference) => reference.toTable)).toEqual(['dim_user']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 9, statement: 'CREATE TABLE fact_visit', isDrawnInPart: true });
    expect(describeErProblem(parsed.problems[0]!)).toMatch(/^line 9: CREATE TABLE fact_visit … drawn in part: /);
  });

  it('keeps the last column of an open column list when that column is whole', () => {
    const parsed = parseDdl('CREATE TABLE t (\n  a INT,\n  b TEXT');

    expect(parsed.tables[0]).toMatchObject({ name: 't', isIncomplete: true });
    expect(columnsOf('CREATE TABLE t (\n  a INT,\n  b TEXT', 't')).toEqual(['a', 'b']);
    expect(parsed.problems[0]).toMatchObject({ line: 3, message: "expected ')' or ',' before the end" });
  });

  it('leaves out a broken column in the middle and draws the rest', () => {
    const parsed = parseDdl('CREATE TABLE t (\n  a INT,\n  b,\n  c TEXT\n);');

    expect(parsed.tables[0]!.columns.map((column) => column.name)).toEqual(['a', 'c']);
    expect(parsed.tables[0]!.isIncomplete).toBe(true);
    expect(parsed.problems[0]!.line).toBe(3);
  });

  it('lists a statement it cannot draw at all with its line, and still draws the others', () => {
    const parsed = parseDdl('CREATE TABLE a (x INT);\n\nCREATE TABLE dim_us');

    expect(parsed.tables.map((table) => table.name)).toEqual(['a']);
    expect(parsed.problems).toEqual([{ line: 3, statement: 'CREATE TABLE dim_us', message: "expected '(' and the columns", isDrawnInPart: false }]);
  });

  it('ends a statement at the next CREATE TABLE when its semicolon is missing', () => {
    const parsed = parseDdl('CREATE TABLE a (x INT)\nCREATE TABLE b (y INT)');

    expect(parsed.tables.map((table) => table.name)).toEqual(['a', 'b']);
    expect(parsed.problems).toEqual([]);
  });

  it('draws a table written twice once, as the later statement has it', () => {
    const parsed = parseDdl('CREATE TABLE a (x INT);\nCREATE TABLE a (x INT, y INT);');

    expect(parsed.tables).toHaveLength(1);
    expect(parsed.tables[0]!.columns.map((column) => column.name)).toEqual(['x', 'y']);
  });
});

describe('parseDdl on a column list with nothing whole in it yet', () => {
  it('lists the statement instead of drawing an empty box', () => {
    const parsed = parseDdl('CREATE TABLE a (x INT);\nCREATE TABLE dim_store (\n  store_key BIGINT REFERENCES');

    expect(parsed.tables.map((table) => table.name)).toEqual(['a']);
    expect(parsed.problems).toEqual([{ line: 3, statement: 'CREATE TABLE dim_store', message: 'the statement ends before it is complete', isDrawnInPart: false }]);
  });
});
