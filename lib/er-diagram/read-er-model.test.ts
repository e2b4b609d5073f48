import { describe, expect, it } from 'vitest';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import type { ErModel } from './er-model';
import { readErModel } from './read-er-model';

// Every built-in modeling question's reference DDL (the ```sql blocks with CREATE TABLE in its interviewer solution),
// as the candidate would type it, must draw the tables and the references a reader of that DDL finds. The expected
// tables and edges are written out by hand from the DDL, so a change of parser or of the inference rule that loses
// or invents one fails here.

interface Expected {
  tables: string[];
  /** `from.column -> to.column` */
  edges: string[];
  partitionColumns: Record<string, string[]>;
}

const EXPECTED: Record<string, Expected> = {
  'modeling-ad-delivery': {
    tables: ['fact_ad_impression', 'fact_ad_click', 'dim_user', 'dim_demo_band', 'dim_ad', 'bridge_segment_group'],
    edges: [
      'fact_ad_impression.ad_key -> dim_ad.ad_key',
      'fact_ad_impression.user_key -> dim_user.user_key',
      'fact_ad_impression.demo_band_key -> dim_demo_band.demo_band_key',
      'fact_ad_impression.segment_group_key -> bridge_segment_group.segment_group_key',
      'fact_ad_click.impression_id -> fact_ad_impression.impression_id',
      'fact_ad_click.ad_key -> dim_ad.ad_key',
    ],
    partitionColumns: { fact_ad_impression: ['ds', 'hour'], fact_ad_click: ['ds'] },
  },
  'modeling-marketplace-orders': {
    tables: ['fact_order_line_fulfilment', 'fact_listing_daily', 'dim_seller', 'dim_seller_commission_tier'],
    edges: [
      'fact_order_line_fulfilment.seller_key -> dim_seller.seller_key',
      'fact_listing_daily.seller_key -> dim_seller.seller_key',
      'dim_seller_commission_tier.seller_id -> dim_seller.seller_id',
    ],
    partitionColumns: { fact_order_line_fulfilment: ['placed_ds'], fact_listing_daily: ['ds'] },
  },
  // Its keys (chat_key, user_key, sender_key) name tables the answer does not write out: nothing to point at.
  'modeling-group-messaging': {
    tables: ['fact_message_sent', 'bridge_chat_membership', 'fact_user_messaging_daily'],
    edges: [],
    partitionColumns: { fact_message_sent: ['ds'], fact_user_messaging_daily: ['ds'] },
  },
};

const MODELING_QUESTIONS = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === 'DATA_MODELING');

function referenceDdl(solution: string): string {
  return [...solution.matchAll(/```sql\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((block) => /create\s+table/i.test(block))
    .join('\n');
}

function edgesOf(model: ErModel): string[] {
  return model.references.map((reference) => `${reference.fromTable}.${reference.fromColumns.join(',')} -> ${reference.toTable}.${reference.toColumns.join(',')}`);
}

describe('the ER diagram of each built-in modeling question', () => {
  it('has an expectation for every built-in modeling question', () => {
    expect(MODELING_QUESTIONS.map((question) => question.slug).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const question of MODELING_QUESTIONS) {
    it(`draws the tables and references of ${question.slug}`, () => {
      const expected = EXPECTED[question.slug];
      if (!expected) throw new Error(`No expected diagram for ${question.slug}`);
      const ddl = referenceDdl(question.interviewerView.solution);
      expect(ddl).toMatch(/create table/i);

      const model = readErModel(ddl);

      expect(model.problems).toEqual([]);
      expect(model.tables.map((table) => table.name)).toEqual(expected.tables);
      expect(model.tables.every((table) => !table.isIncomplete && table.columns.length > 0)).toBe(true);
      expect(edgesOf(model).sort()).toEqual([...expected.edges].sort());
      for (const [table, columns] of Object.entries(expected.partitionColumns)) {
        const drawn = model.tables.find((candidate) => candidate.name === table);
        expect(drawn?.columns.filter((column) => column.isPartition).map((column) => column.name)).toEqual(columns);
      }
    });
  }
});
