import type { ErColumn, ErModel } from './er-model';

// The ER model as a Mermaid `erDiagram`, for the Markdown export: GitHub, GitLab and most Markdown viewers draw it,
// and it stays readable as text where they do not. Mermaid's names and types are bare words, so anything else in a
// name becomes `_`, and a type with a size (`DECIMAL(18,6)`) is written as its base word with the full type as the
// attribute's comment. A declared key is a solid (identifying) line, an inferred one a dotted line, as in the app.

export function renderMermaidEr(model: ErModel): string {
  const lines = ['erDiagram'];
  for (const table of model.tables) {
    lines.push(`    ${word(table.name)} {`);
    const foreignKeys = new Set(
      model.references
        .filter((reference) => reference.fromTable.toLowerCase() === table.name.toLowerCase())
        .flatMap((reference) => reference.fromColumns.map((column) => column.toLowerCase())),
    );
    for (const column of table.columns) lines.push(`        ${attribute(column, foreignKeys.has(column.name.toLowerCase()))}`);
    lines.push('    }');
  }
  for (const reference of model.references) {
    const line = reference.kind === 'DECLARED' ? '--' : '..';
    lines.push(`    ${word(reference.toTable)} ||${line}o{ ${word(reference.fromTable)} : "${reference.fromColumns.join(', ').replaceAll('"', "'")}"`);
  }
  return lines.join('\n');
}

function attribute(column: ErColumn, isForeignKey: boolean): string {
  const baseType = word(column.type.replace(/\(.*$/, '').trim() || 'unknown');
  const keys = [column.isPrimaryKey ? 'PK' : null, isForeignKey ? 'FK' : null].filter(Boolean).join(', ');
  const notes = [baseType.toUpperCase() === word(column.type).toUpperCase() ? null : column.type, column.isPartition ? 'partition' : null].filter(Boolean).join(', ');
  return [baseType, word(column.name), keys, notes ? `"${notes.replaceAll('"', "'")}"` : ''].filter(Boolean).join(' ');
}

function word(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
