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
  // The files' DDL (content/questions/data-modeling/model-*.md): declared REFERENCES, one inferred creator_id, and
  // partitioning written as comments, so no partition columns.
  'model-event-rsvps': {
    tables: ['dim_category', 'dim_city', 'dim_event', 'fact_rsvp_change', 'fact_event_attendee'],
    edges: [
      'dim_event.category_id -> dim_category.category_id',
      'dim_event.city_id -> dim_city.city_id',
      'fact_rsvp_change.event_id -> dim_event.event_id',
      'fact_event_attendee.event_id -> dim_event.event_id',
    ],
    partitionColumns: {},
  },
  'model-experiment-results': {
    tables: ['dim_metric', 'dim_experiment', 'dim_experiment_version', 'fact_exposure', 'fact_user_metric_daily', 'agg_experiment_metric'],
    edges: [
      'dim_experiment.primary_metric_id -> dim_metric.metric_id',
      'dim_experiment_version.experiment_id -> dim_experiment.experiment_id',
      'fact_exposure.experiment_id -> dim_experiment.experiment_id',
      'fact_exposure.version_key -> dim_experiment_version.version_key',
      'fact_user_metric_daily.metric_id -> dim_metric.metric_id',
      'agg_experiment_metric.experiment_id -> dim_experiment.experiment_id',
      'agg_experiment_metric.version_key -> dim_experiment_version.version_key',
      'agg_experiment_metric.metric_id -> dim_metric.metric_id',
    ],
    partitionColumns: {},
  },
  'model-friend-graph': {
    tables: ['dim_user', 'fact_friendship', 'fact_friend_request', 'friend_edge_directed', 'fact_user_friends_daily'],
    edges: [
      'fact_friendship.user_low_id -> dim_user.user_id',
      'fact_friendship.user_high_id -> dim_user.user_id',
      'fact_friend_request.sender_id -> dim_user.user_id',
      'fact_friend_request.recipient_id -> dim_user.user_id',
      'fact_friend_request.friendship_id -> fact_friendship.friendship_id',
      'friend_edge_directed.user_id -> dim_user.user_id',
      'friend_edge_directed.friend_id -> dim_user.user_id',
      'friend_edge_directed.friendship_id -> fact_friendship.friendship_id',
      'fact_user_friends_daily.user_id -> dim_user.user_id',
    ],
    partitionColumns: {},
  },
  'model-reels-watch-time': {
    tables: ['dim_creator', 'dim_video', 'dim_surface', 'fact_video_play', 'fact_video_daily', 'fact_viewer_daily'],
    edges: [
      'fact_video_play.video_id -> dim_video.video_id',
      'fact_video_play.creator_key -> dim_creator.creator_key',
      'fact_video_play.surface_key -> dim_surface.surface_key',
      'fact_video_daily.video_id -> dim_video.video_id',
      'fact_video_daily.creator_key -> dim_creator.creator_key',
      'dim_video.creator_id -> dim_creator.creator_id',
    ],
    partitionColumns: {},
  },
  'model-subscription-revenue': {
    tables: ['dim_plan', 'dim_fx_rate', 'fact_subscription_lifecycle', 'fact_subscription_event', 'fact_payment', 'fact_subscription_daily'],
    edges: [
      'fact_subscription_lifecycle.first_plan_key -> dim_plan.plan_key',
      'fact_subscription_event.subscription_id -> fact_subscription_lifecycle.subscription_id',
      'fact_subscription_event.plan_key -> dim_plan.plan_key',
      'fact_payment.subscription_id -> fact_subscription_lifecycle.subscription_id',
      'fact_payment.refunds_payment_id -> fact_payment.payment_id',
      'fact_subscription_daily.subscription_id -> fact_subscription_lifecycle.subscription_id',
      'fact_subscription_daily.plan_key -> dim_plan.plan_key',
    ],
    partitionColumns: {},
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
