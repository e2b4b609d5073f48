import type { ErReference, ErTable } from './er-model';

// Warehouse DDL rarely declares foreign keys (most engines do not enforce them), yet a star schema is all
// references: fact_ad_impression.ad_key points at dim_ad. So a column named `<x>_key` or `<x>_id` is taken to
// reference the table that `<x>` names, tried in this order (case-insensitive, first match wins):
//   1. `x`, then the plural `xs` / `xes` (`user_id` → `users`)
//   2. `dim_x`, then `fact_x` (`ad_key` → `dim_ad`)
//   3. the one table whose name ends in `_x` (`impression_id` → `fact_ad_impression`, `segment_group_key` →
//      `bridge_segment_group`); none when several do, as the guess would be a coin toss.
// A column whose `<x>` could name its own table by any of these is that table's own key (`dim_user.user_key`, even
// beside a table `user`), not a reference. A column
// that already has a declared reference gets no inferred one. The target column is the one with the same name
// when the target table has it, else the target's primary key when it has exactly one column, else none.

const KEY_COLUMN = /^(.+?)_(?:key|id)$/i;

export function inferReferences(tables: readonly ErTable[], declared: readonly ErReference[]): ErReference[] {
  const declaredColumns = new Set(
    declared.flatMap((reference) => reference.fromColumns.map((column) => `${reference.fromTable.toLowerCase()}.${column.toLowerCase()}`)),
  );
  const inferred: ErReference[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (declaredColumns.has(`${table.name.toLowerCase()}.${column.name.toLowerCase()}`)) continue;
      const stem = KEY_COLUMN.exec(column.name)?.[1];
      if (!stem || couldName(stem, table.name)) continue;
      const target = tableNamedBy(stem, tables);
      if (!target || target === table) continue;
      inferred.push({ kind: 'INFERRED', fromTable: table.name, fromColumns: [column.name], toTable: target.name, toColumns: targetColumns(target, column.name) });
    }
  }
  return inferred;
}

/** The table `<x>` names, by the rule above; null when none does (or the suffix match is ambiguous). */
export function tableNamedBy(stem: string, tables: readonly ErTable[]): ErTable | null {
  const x = stem.toLowerCase();
  const byName = new Map(tables.map((table) => [table.name.toLowerCase(), table]));
  for (const name of [x, `${x}s`, `${x}es`, `dim_${x}`, `fact_${x}`]) {
    const table = byName.get(name);
    if (table) return table;
  }
  const endingWith = tables.filter((table) => table.name.toLowerCase().endsWith(`_${x}`));
  return endingWith.length === 1 ? endingWith[0]! : null;
}

function couldName(stem: string, tableName: string): boolean {
  const x = stem.toLowerCase();
  const name = tableName.toLowerCase();
  return [x, `${x}s`, `${x}es`, `dim_${x}`, `fact_${x}`].includes(name) || name.endsWith(`_${x}`);
}

function targetColumns(target: ErTable, columnName: string): string[] {
  const same = target.columns.find((column) => column.name.toLowerCase() === columnName.toLowerCase());
  if (same) return [same.name];
  const primaryKey = target.columns.filter((column) => column.isPrimaryKey);
  return primaryKey.length === 1 ? [primaryKey[0]!.name] : [];
}
