import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/** Counters and heat: whole numbers beyond 2³¹ are possible (reads), fractions for heat; exact to 2⁵³ in both dialects. */
const NUMBER = 'double precision' as const;

/**
 * 舆情 (issue 6, docs/opinion.md). `opinion_item`: one post or article per court, found again by
 * source + normalised URL or by content hash (both unique with court_id), with its computed
 * sentiment (score, label, contributions JSON) and heat. `opinion_metric_snapshot`: cumulative
 * counters at an instant, one per item and instant. `opinion_case_match`: a suggested link to a
 * case with evidence JSON, decided by staff. `opinion_warning`: what the item raised, one per
 * court + key (de-duplication). `opinion_response`: the court's 回应, append-only.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'opinion_item')
        .addColumn('source_kind', TEXT, (c) => c.notNull())
        .addColumn('source_name', TEXT, (c) => c.notNull())
        .addColumn('url', TEXT)
        .addColumn('url_key', TEXT)
        .addColumn('content_hash', TEXT, (c) => c.notNull())
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('text', TEXT, (c) => c.notNull())
        .addColumn('author', TEXT)
        .addColumn('published_at', TEXT, (c) => c.notNull())
        .addColumn('entry_mode', TEXT, (c) => c.notNull())
        .addColumn('sentiment_score', NUMBER, (c) => c.notNull())
        .addColumn('sentiment_label', TEXT, (c) => c.notNull())
        .addColumn('sentiment_detail', TEXT, (c) => c.notNull())
        .addColumn('heat', NUMBER, (c) => c.notNull().defaultTo(0))
        .addColumn('growth_per_hour', NUMBER)
        .addColumn('spike', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('heat_explanation', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', TEXT)
        .addUniqueConstraint('opinion_item_court_source_url_key', ['court_id', 'source_kind', 'url_key'])
        .addUniqueConstraint('opinion_item_court_content_hash_key', ['court_id', 'content_hash']),
    ),
    'opinion_item',
  ).execute();
  await indexById(db, 'opinion_item');
  await db.schema.createIndex('opinion_item_court_published_idx').on('opinion_item').columns(['court_id', 'published_at']).execute();

  await withTenantKey(
    createTenantTable(db, 'opinion_metric_snapshot')
      .addColumn('item_id', TEXT, (c) => c.notNull())
      .addColumn('captured_at', TEXT, (c) => c.notNull())
      .addColumn('reads', NUMBER, (c) => c.notNull())
      .addColumn('reposts', NUMBER, (c) => c.notNull())
      .addColumn('comments', NUMBER, (c) => c.notNull())
      .addColumn('likes', NUMBER, (c) => c.notNull())
      .addColumn('heat', NUMBER, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('opinion_metric_snapshot_court_item_at_key', ['court_id', 'item_id', 'captured_at']),
    'opinion_metric_snapshot',
  ).execute();
  await indexById(db, 'opinion_metric_snapshot');

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'opinion_case_match')
        .addColumn('item_id', TEXT, (c) => c.notNull())
        .addColumn('case_id', TEXT, (c) => c.notNull())
        .addColumn('case_number', TEXT, (c) => c.notNull())
        .addColumn('score', NUMBER, (c) => c.notNull())
        .addColumn('confidence', TEXT, (c) => c.notNull())
        .addColumn('evidence', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('decided_by', TEXT)
        .addColumn('decided_at', TEXT)
        .addColumn('note', TEXT),
    ).addUniqueConstraint('opinion_case_match_court_item_case_key', ['court_id', 'item_id', 'case_id']),
    'opinion_case_match',
  ).execute();
  await indexById(db, 'opinion_case_match');

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'opinion_warning')
        .addColumn('item_id', TEXT, (c) => c.notNull())
        .addColumn('key', TEXT, (c) => c.notNull())
        .addColumn('rule_id', TEXT, (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('pack', TEXT, (c) => c.notNull())
        .addColumn('domain', TEXT, (c) => c.notNull())
        .addColumn('subtype', TEXT, (c) => c.notNull())
        .addColumn('level', TEXT, (c) => c.notNull())
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('explanation', TEXT, (c) => c.notNull())
        .addColumn('evidence', TEXT, (c) => c.notNull())
        .addColumn('case_ids', TEXT, (c) => c.notNull()),
    ).addUniqueConstraint('opinion_warning_court_key_key', ['court_id', 'key']),
    'opinion_warning',
  ).execute();
  await indexById(db, 'opinion_warning');
  await db.schema.createIndex('opinion_warning_court_item_idx').on('opinion_warning').columns(['court_id', 'item_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'opinion_response')
      .addColumn('item_id', TEXT, (c) => c.notNull())
      .addColumn('responded_at', TEXT, (c) => c.notNull())
      .addColumn('channel', TEXT, (c) => c.notNull())
      .addColumn('content', TEXT, (c) => c.notNull())
      .addColumn('responder', TEXT, (c) => c.notNull())
      .addColumn('url', TEXT)
      .addColumn('created_by', TEXT)
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'opinion_response',
  ).execute();
  await indexById(db, 'opinion_response');
  await db.schema.createIndex('opinion_response_court_item_idx').on('opinion_response').columns(['court_id', 'item_id']).execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of ['opinion_response', 'opinion_warning', 'opinion_case_match', 'opinion_metric_snapshot', 'opinion_item']) await db.schema.dropTable(table).execute();
}
