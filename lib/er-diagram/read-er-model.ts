import type { ErModel } from './er-model';
import { inferReferences } from './infer-references';
import { parseDdl } from './parse-ddl';

/** An editor document → the ER model the room, the report and the export draw (pure: same text, same model). */
export function readErModel(text: string): ErModel {
  const parsed = parseDdl(text);
  const drawn = new Set(parsed.tables.map((table) => table.name.toLowerCase()));
  // A reference to a table not written yet has nothing to point at; it is drawn once that table parses.
  const declared = parsed.references.filter((reference) => drawn.has(reference.toTable.toLowerCase()));
  return { tables: parsed.tables, references: [...declared, ...inferReferences(parsed.tables, parsed.references)], problems: parsed.problems };
}
