import { PostgreSQL } from '@codemirror/lang-sql';
import { syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';

// The round editor's SQL colours (issue 24 item 7), loaded with import() only when a round has them on, so the SQL
// grammar never weighs on the room's first download. Colours only: the grammar alone, not lang-sql's `sql()`, which
// also registers keyword and schema completion; the editor stays without autocomplete, as in the real loop.
//
// The dialect is PostgreSQL's: the interview writes Presto/Trino-style SQL, which quotes the same way (names in
// double quotes, text in single quotes, `--` and `/* */` comments), and the ER diagram reads the modeling round's
// DDL as PostgreSQL too (lib/er-diagram/parse-ddl.ts), so what is coloured as a type is what the diagram shows.

/** Token classes by tag; the most specific tag wins, so a quoted name is not coloured as text. */
export const SQL_TOKEN_CLASSES = tagHighlighter([
  { tag: tags.keyword, class: 'tok-keyword' },
  { tag: tags.typeName, class: 'tok-type' },
  { tag: tags.string, class: 'tok-string' },
  { tag: tags.special(tags.string), class: 'tok-name' },
  { tag: [tags.number, tags.bool], class: 'tok-literal' },
  { tag: tags.comment, class: 'tok-comment' },
]);

// Role variables from app/globals.css, so the colours follow the light or dark theme (each is 4.5:1 or more on the
// editor's surface and its active line, in both).
const sqlColours = EditorView.theme({
  '.tok-keyword': { color: 'var(--syntax-keyword)' },
  '.tok-type': { color: 'var(--syntax-type)' },
  '.tok-string': { color: 'var(--syntax-string)' },
  '.tok-literal': { color: 'var(--syntax-literal)' },
  '.tok-comment': { color: 'var(--muted)', fontStyle: 'italic' },
});

export const SQL_HIGHLIGHTING: Extension = [PostgreSQL.language, syntaxHighlighting(SQL_TOKEN_CLASSES), sqlColours];
