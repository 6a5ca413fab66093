import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey } from './helpers.js';

/**
 * 审限事项 (issue 5): extensions, excluded periods, 中止/恢复, clock restarts and closing, one row per
 * recorded event. `payload` is the core event schema's fields as JSON text (see
 * packages/core/src/contracts/trial-limit.ts); events are append-only.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    createTenantTable(db, 'case_process_event')
      .addColumn('case_id', TEXT, (c) => c.notNull())
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('payload', TEXT, (c) => c.notNull())
      .addColumn('created_by', TEXT)
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'case_process_event',
  ).execute();
  await indexById(db, 'case_process_event');
  await db.schema.createIndex('case_process_event_court_case_idx').on('case_process_event').columns(['court_id', 'case_id']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('case_process_event').execute();
}
