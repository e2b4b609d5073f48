// Finds the CREATE TABLE statements in an editor document that also holds prose, notes and half-typed SQL.
//
// The SQL parser reads one statement at a time, so one broken statement must not hide the others. A statement
// starts at `CREATE TABLE` and ends at the next `;`, at the next `CREATE TABLE` (a forgotten `;`, or an unclosed
// parenthesis while typing), or at the end of the document; `;` and keywords inside comments and quotes do not
// count. Text outside statements (the candidate's notes) is never parsed. A quote that is not closed on its own
// line ends with the line: in prose an apostrophe ("user's") is not a string, and must not swallow what follows.

export interface DdlStatement {
  /** The statement's text with its comments blanked out to spaces, so offsets and lines match the document. */
  code: string;
  /** Offset of the statement's first character in the document. */
  start: number;
  /** 1-based line of the document where the statement starts. */
  line: number;
}

const CREATE_TABLE = /create\s+(?:(?:global\s+|local\s+)?(?:temporary|temp)\s+|unlogged\s+|external\s+)?table\b/iy;

/** The document with every `--` and `/* *\/` comment replaced by spaces (newlines kept). */
export function blankComments(text: string): string {
  const out = text.split('');
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === '-' && next === '-') {
      while (index < text.length && text[index] !== '\n') out[index++] = ' ';
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; index < stop; index++) if (text[index] !== '\n') out[index] = ' ';
    } else if (char === "'" || char === '"' || char === '`') {
      index = endOfQuoted(text, index);
    } else {
      index++;
    }
  }
  return out.join('');
}

/** The offset just past the quoted run that opens at `start`: its closing quote, or the end of its line. */
export function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n') return index;
    if (char === quote) {
      // A doubled quote is an escaped one inside the run.
      if (text[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return index;
}

export function splitDdlStatements(text: string): DdlStatement[] {
  const code = blankComments(text);
  const statements: DdlStatement[] = [];
  let openedAt: number | null = null;
  const close = (end: number) => {
    if (openedAt === null) return;
    statements.push({ code: code.slice(openedAt, end), start: openedAt, line: lineAt(code, openedAt) });
    openedAt = null;
  };

  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    if ((char === 'c' || char === 'C') && !isWordChar(code[index - 1])) {
      CREATE_TABLE.lastIndex = index;
      const match = CREATE_TABLE.exec(code);
      if (match) {
        close(index);
        openedAt = index;
        index += match[0].length;
        continue;
      }
    }
    if (openedAt !== null && (char === "'" || char === '"' || char === '`')) {
      index = endOfQuoted(code, index);
      continue;
    }
    if (char === ';') close(index);
    index++;
  }
  close(code.length);
  return statements;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text[index] === '\n') line++;
  return line;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\w$]/.test(char);
}
