import * as postgresqlBuild from 'node-sql-parser/build/postgresql';
import type { ErColumn, ErProblem, ErReference, ErTable } from './er-model';
import { endOfQuoted, lineAt, splitDdlStatements, type DdlStatement } from './split-ddl-statements';

// Text → tables, columns, keys, declared references and problems, with node-sql-parser's PostgreSQL grammar (the
// one build of the library that reads the built-in questions' DDL and declared keys; ~300 KB, so this module is
// only ever loaded by a modeling round's diagram and by the server). Each CREATE TABLE statement is parsed on its
// own; what parses is drawn, what does not is listed with the line where the parser stopped.
//
// Three things the grammar does not read are handled around it, still letting the parser read every column (the
// Hive/Spark `STRING` type is the third, see STRING_TYPE below):
// - Hive/Spark `PARTITIONED BY (ds VARCHAR, ...)` after the column list (common in warehouse DDL): its column list
//   is parsed as a table of its own and added as partition columns; the clause is blanked out of the statement.
// - A statement cut off mid-way or with one broken column: the column list is closed if it is open, and the
//   column definition the parser stopped in is left out, again and again, until the rest parses. The table is then
//   drawn from what is left and marked incomplete, and the first error is still listed.

export interface ParsedDdl {
  tables: ErTable[];
  /** Only what the DDL declares (REFERENCES, FOREIGN KEY); infer-references.ts adds the rest. */
  references: ErReference[];
  problems: ErProblem[];
}

type ParserInstance = InstanceType<typeof postgresqlBuild.Parser>;

// The build is a CommonJS bundle: a bundler exposes `Parser` as a named export, Node's ESM loader only on `default`.
const parserModule: typeof postgresqlBuild =
  'Parser' in postgresqlBuild && postgresqlBuild.Parser ? postgresqlBuild : (postgresqlBuild as unknown as { default: typeof postgresqlBuild }).default;
let parser: ParserInstance | null = null;

function getParser(): ParserInstance {
  parser ??= new parserModule.Parser();
  return parser;
}

export function parseDdl(text: string): ParsedDdl {
  const byName = new Map<string, { table: ErTable; references: ErReference[] }>();
  const problems: ErProblem[] = [];
  for (const statement of splitDdlStatements(text)) {
    const read = readStatement(statement);
    if (read.problem) problems.push(read.problem);
    // Written twice (the candidate is reworking it): the later statement is the one that counts.
    if (read.table) byName.set(read.table.name.toLowerCase(), { table: read.table, references: read.references });
  }
  const entries = [...byName.values()];
  return { tables: entries.map((entry) => entry.table), references: entries.flatMap((entry) => entry.references), problems };
}

interface StatementRead {
  table: ErTable | null;
  references: ErReference[];
  problem: ErProblem | null;
}

interface SyntaxProblem {
  offset: number;
  message: string;
}

// Hive and Spark write text columns as STRING, which the PostgreSQL grammar does not know. The parser is handed
// `TEXT  ` in its place (as wide, so offsets hold) and the drawing shows the type as it was written.
const STRING_TYPE = /\bstring\b/gi;
const STRING_COLUMN = /(?:^|[(,])\s*"?(\w+)"?\s+string\b/gi;

function readStatement(statement: DdlStatement): StatementRead {
  const stringColumns = new Set([...statement.code.matchAll(STRING_COLUMN)].map((match) => match[1]!.toLowerCase()));
  let code = stringColumns.size > 0 ? statement.code.replace(STRING_TYPE, 'TEXT  ') : statement.code;
  const heading = headingOf(code);
  const problemAt = (offset: number, message: string, isDrawnInPart: boolean): ErProblem => ({
    line: statement.line + lineAt(statement.code, offset) - 1,
    statement: heading,
    message,
    isDrawnInPart,
  });

  const open = indexOutsideQuotes(code, '(', 0);
  // `CREATE TABLE dim_us` is a table still being named: the grammar takes it, but there is nothing to draw yet.
  if (open === -1) return { table: null, references: [], problem: problemAt(code.length, "expected '(' and the columns", false) };
  const close = matchingParen(code, open);

  let partitionColumns: ErColumn[] = [];
  let partitionProblem: ErProblem | null = null;
  if (close !== -1) {
    const partitioned = /\s*partitioned\s+by\s*\(/iy;
    partitioned.lastIndex = close + 1;
    const match = partitioned.exec(code);
    if (match) {
      const partitionOpen = close + 1 + match[0].length;
      const partitionClose = matchingParen(code, partitionOpen - 1);
      const end = partitionClose === -1 ? code.length : partitionClose + 1;
      const partition = tryParse(`CREATE TABLE partitioned_by (${code.slice(partitionOpen, partitionClose === -1 ? code.length : partitionClose)})`);
      if ('ast' in partition) {
        partitionColumns = readTable(partition.ast).table.columns.map((column) => ({ ...column, isPartition: true }));
      } else {
        partitionProblem = problemAt(partitionOpen, `partition columns not read: ${partition.problem.message}`, true);
      }
      code = code.slice(0, close + 1) + blank(code.slice(close + 1, end)) + code.slice(end);
    }
  }

  const first = tryParse(code);
  if ('ast' in first) return finish(first.ast, false, partitionColumns, partitionProblem, statement.line, stringColumns);

  // Trouble after the column list (a storage clause the grammar does not know): the columns are what matter.
  if (close !== -1 && first.problem.offset > close) {
    const columnsOnly = tryParse(code.slice(0, close + 1));
    if ('ast' in columnsOnly) {
      return finish(columnsOnly.ast, false, partitionColumns, problemAt(first.problem.offset, first.problem.message, true), statement.line, stringColumns);
    }
  }

  // Cut off or broken inside the column list: leave out the definition the parser stops in until the rest parses.
  {
    const bodyEnd = close === -1 ? code.length : close;
    const definitions = splitDefinitions(code, open + 1, bodyEnd);
    const kept = definitions.map((definition) => code.slice(definition.start, definition.end).trim() !== '');
    for (let attempt = 0; attempt <= definitions.length; attempt++) {
      const candidate = withDefinitions(code, open, bodyEnd, close === -1, definitions, kept);
      const result = tryParse(candidate);
      if ('ast' in result) {
        // Nothing of the column list parsed: a box with no columns would say less than the listed problem.
        if (!kept.some(Boolean)) break;
        return finish(result.ast, true, partitionColumns, problemAt(first.problem.offset, first.problem.message, true), statement.line, stringColumns);
      }
      const culprit = definitionAt(definitions, kept, result.problem.offset);
      if (culprit === -1) break;
      kept[culprit] = false;
    }
  }
  return { table: null, references: [], problem: problemAt(first.problem.offset, first.problem.message, false) };
}

function finish(
  ast: unknown,
  isIncomplete: boolean,
  partitionColumns: ErColumn[],
  problem: ErProblem | null,
  line: number,
  stringColumns: ReadonlySet<string>,
): StatementRead {
  const { table, references } = readTable(ast);
  const names = new Set(table.columns.map((column) => column.name.toLowerCase()));
  const columns = [...table.columns, ...partitionColumns.filter((column) => !names.has(column.name.toLowerCase()))].map((column) =>
    stringColumns.has(column.name.toLowerCase()) && column.type === 'TEXT' ? { ...column, type: 'STRING' } : column,
  );
  return { table: { ...table, columns, isIncomplete, line }, references, problem };
}

function tryParse(code: string): { ast: unknown } | { problem: SyntaxProblem } {
  try {
    return { ast: getParser().astify(code, { database: 'postgresql' }) };
  } catch (error) {
    return { problem: describeSyntaxError(error, code.length) };
  }
}

interface PegError {
  found?: string | null;
  expected?: { type: string; text?: string }[];
  location?: { start: { offset: number } };
  message?: string;
}

/** The parser's error names every token it could have taken; a person needs the one or two that matter. */
function describeSyntaxError(error: unknown, length: number): SyntaxProblem {
  const peg = (typeof error === 'object' && error !== null ? error : {}) as PegError;
  const offset = peg.location?.start.offset ?? length;
  const literals = new Set((peg.expected ?? []).filter((item) => item.type === 'literal').map((item) => item.text));
  const wanted = [')', ',', '('].filter((token) => literals.has(token)).map((token) => `'${token}'`);
  const expected = wanted.length > 0 ? `expected ${wanted.slice(0, 2).join(' or ')}` : '';
  if (peg.found === null) return { offset, message: expected ? `${expected} before the end` : 'the statement ends before it is complete' };
  if (typeof peg.found === 'string') return { offset, message: `unexpected ${JSON.stringify(peg.found)}${expected ? `, ${expected}` : ''}` };
  return { offset, message: (peg.message ?? 'not understood').slice(0, 120) };
}

interface ColumnRef {
  column?: string | { expr?: { value?: unknown } };
}

interface ReferenceDefinition {
  table?: { table?: string }[];
  definition?: ColumnRef[];
}

interface CreateDefinition {
  resource?: string;
  column?: ColumnRef;
  definition?: { dataType?: string; length?: number; scale?: number; suffix?: unknown; array?: unknown } | ColumnRef[];
  primary_key?: unknown;
  constraint_type?: string;
  reference_definition?: ReferenceDefinition;
}

interface CreateTableAst {
  type?: string;
  keyword?: string;
  table?: { table?: string }[];
  create_definitions?: CreateDefinition[] | null;
}

function readTable(ast: unknown): { table: Omit<ErTable, 'line'>; references: ErReference[] } {
  const create = (Array.isArray(ast) ? ast[0] : ast) as CreateTableAst;
  const name = create.table?.[0]?.table ?? 'unnamed';
  const columns: ErColumn[] = [];
  const primaryKey = new Set<string>();
  const references: ErReference[] = [];
  const addReference = (fromColumns: string[], target: ReferenceDefinition) => {
    const toTable = target.table?.[0]?.table;
    if (!toTable) return;
    references.push({ kind: 'DECLARED', fromTable: name, fromColumns, toTable, toColumns: (target.definition ?? []).map(columnName) });
  };

  for (const definition of create.create_definitions ?? []) {
    if (definition.resource === 'column' && definition.column) {
      const column = columnName(definition.column);
      const type = Array.isArray(definition.definition) ? '' : typeOf(definition.definition);
      columns.push({ name: column, type, isPrimaryKey: Boolean(definition.primary_key), isPartition: false });
      if (definition.reference_definition) addReference([column], definition.reference_definition);
    } else if (definition.resource === 'constraint' && Array.isArray(definition.definition)) {
      const keyColumns = definition.definition.map(columnName);
      const kind = definition.constraint_type?.toLowerCase();
      if (kind === 'primary key') for (const column of keyColumns) primaryKey.add(column.toLowerCase());
      if (kind === 'foreign key' && definition.reference_definition) addReference(keyColumns, definition.reference_definition);
    }
  }
  for (const column of columns) if (primaryKey.has(column.name.toLowerCase())) column.isPrimaryKey = true;
  return { table: { name, columns, isIncomplete: false }, references };
}

function columnName(ref: ColumnRef): string {
  if (typeof ref.column === 'string') return ref.column;
  const value = ref.column?.expr?.value;
  return typeof value === 'string' ? value : String(value ?? '?');
}

function typeOf(definition: { dataType?: string; length?: number; scale?: number; suffix?: unknown; array?: unknown } | undefined): string {
  if (!definition?.dataType) return '';
  const size = definition.length === undefined || definition.length === null ? '' : `(${definition.length}${definition.scale === undefined || definition.scale === null ? '' : `,${definition.scale}`})`;
  const suffix = Array.isArray(definition.suffix) ? definition.suffix.filter((word): word is string => typeof word === 'string') : [];
  return [`${definition.dataType}${size}${definition.array ? '[]' : ''}`, ...suffix].join(' ');
}

/** `CREATE TABLE dim_user`: the statement up to its column list, on one line. */
function headingOf(code: string): string {
  const open = code.indexOf('(');
  const head = (open === -1 ? code : code.slice(0, open)).replace(/\s+/g, ' ').trim();
  return head.length > 60 ? `${head.slice(0, 59)}…` : head;
}

function indexOutsideQuotes(code: string, wanted: string, from: number): number {
  let index = from;
  while (index < code.length) {
    const char = code[index]!;
    if (char === wanted) return index;
    index = char === "'" || char === '"' || char === '`' ? endOfQuoted(code, index) : index + 1;
  }
  return -1;
}

/** The `)` that closes the `(` at `open`, or -1 while it is still open. */
function matchingParen(code: string, open: number): number {
  let depth = 0;
  let index = open;
  while (index < code.length) {
    const char = code[index]!;
    if (char === "'" || char === '"' || char === '`') {
      index = endOfQuoted(code, index);
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return index;
    index++;
  }
  return -1;
}

interface DefinitionRange {
  start: number;
  end: number;
}

/** The column list's definitions: the ranges between its top-level commas. */
function splitDefinitions(code: string, start: number, end: number): DefinitionRange[] {
  const ranges: DefinitionRange[] = [];
  let depth = 0;
  let from = start;
  let index = start;
  while (index < end) {
    const char = code[index]!;
    if (char === "'" || char === '"' || char === '`') {
      index = Math.min(endOfQuoted(code, index), end);
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      ranges.push({ start: from, end: index });
      from = index + 1;
    }
    index++;
  }
  ranges.push({ start: from, end });
  return ranges;
}

/**
 * The statement with only the kept definitions in its column list, every character still at its offset (left-out
 * text and surplus commas become spaces), so the parser's next error still points into the document.
 */
function withDefinitions(code: string, open: number, bodyEnd: number, isOpen: boolean, definitions: DefinitionRange[], kept: boolean[]): string {
  const chars = code.slice(0, bodyEnd).split('');
  let isFirstKept = true;
  definitions.forEach((definition, index) => {
    const separator = definition.start - 1;
    if (!kept[index]) {
      for (let offset = definition.start; offset < definition.end; offset++) if (chars[offset] !== '\n') chars[offset] = ' ';
      if (separator > open) chars[separator] = ' ';
      return;
    }
    if (separator > open) chars[separator] = isFirstKept ? ' ' : ',';
    isFirstKept = false;
  });
  // A cut-off definition may have left its own parentheses open too (`DECIMAL(18,`); it is left out on the next try.
  return chars.join('') + (isOpen ? ')' : code.slice(bodyEnd));
}

/** The kept definition the parser stopped in (or the last kept one before where it stopped). */
function definitionAt(definitions: DefinitionRange[], kept: boolean[], offset: number): number {
  let found = -1;
  definitions.forEach((definition, index) => {
    if (kept[index] && definition.start <= offset) found = index;
  });
  return found;
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}
