import { describe, expect, it } from 'vitest';
import type { ErReference, ErTable } from './er-model';
import { inferReferences } from './infer-references';

function table(name: string, columns: string[], primaryKey: string[] = []): ErTable {
  return {
    name,
    columns: columns.map((column) => ({ name: column, type: 'BIGINT', isPrimaryKey: primaryKey.includes(column), isPartition: false })),
    isIncomplete: false,
    line: 1,
  };
}

function inferred(tables: ErTable[], declared: ErReference[] = []): string[] {
  return inferReferences(tables, declared).map((reference) => `${reference.fromTable}.${reference.fromColumns[0]} -> ${reference.toTable}.${reference.toColumns.join(',')}`);
}

describe('inferReferences', () => {
  it('matches x, its plural, dim_x and fact_x, in that order', () => {
    expect(inferred([table('orders', ['order_id', 'user_id', 'store_key', 'visit_id']), table('users', ['id'], ['id']), table('dim_store', ['store_key']), table('fact_visit', ['visit_id'])])).toEqual([
      'orders.user_id -> users.id',
      'orders.store_key -> dim_store.store_key',
      'orders.visit_id -> fact_visit.visit_id',
    ]);
    expect(inferred([table('fact_sale', ['product_key']), table('product', ['product_key']), table('dim_product', ['product_key'])])).toEqual([
      'fact_sale.product_key -> product.product_key',
    ]);
  });

  it('falls back to the one table whose name ends in _x, and guesses nothing when several do', () => {
    expect(inferred([table('fact_ad_click', ['impression_id']), table('fact_ad_impression', ['impression_id'])])).toEqual([
      'fact_ad_click.impression_id -> fact_ad_impression.impression_id',
    ]);
    expect(inferred([table('fact_ad_click', ['impression_id']), table('fact_ad_impression', []), table('raw_impression', [])])).toEqual([]);
  });

  it("takes a column naming its own table as that table's key, not a reference", () => {
    expect(inferred([table('dim_user', ['user_key', 'user_id'])])).toEqual([]);
  });

  it('adds nothing where a reference is declared, and nothing for a name without a table', () => {
    const declared: ErReference[] = [{ kind: 'DECLARED', fromTable: 'fact', fromColumns: ['user_key'], toTable: 'people', toColumns: ['pk'] }];
    expect(inferred([table('fact', ['user_key', 'chat_key']), table('dim_user', ['user_key'])], declared)).toEqual([]);
  });

  it('points at the target primary key when the target has no column of the same name', () => {
    expect(inferred([table('fact', ['user_id']), table('users', ['id', 'name'], ['id'])])).toEqual(['fact.user_id -> users.id']);
    expect(inferred([table('fact', ['user_id']), table('users', ['name'])])).toEqual(['fact.user_id -> users.']);
  });
});
