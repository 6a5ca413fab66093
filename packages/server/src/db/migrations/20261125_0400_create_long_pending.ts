import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 长期未结 ledger (issue 5). `long_pending_snapshot`: one row per court and ISO week with the open
 * case count and the bucket counts as JSON text (`[{ months, count }]`, since the buckets are a
 * per-court setting); taken by the daily sweep on Mondays or on demand, a retake replaces the week.
 * `long_pending_note`: each long-pending case's reason and responsible person, one per case.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    createTenantTable(db, 'long_pending_snapshot')
      .addColumn('iso_week', TEXT, (c) => c.notNull())
      .addColumn('taken_on', TEXT, (c) => c.notNull())
      .addColumn('open_cases', 'integer', (c) => c.notNull())
      .addColumn('buckets', TEXT, (c) => c.notNull())
      .addColumn('taken_by', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('long_pending_snapshot_court_week_key', ['court_id', 'iso_week']),
    'long_pending_snapshot',
  ).execute();
  await indexById(db, 'long_pending_snapshot');

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'long_pending_note')
        .addColumn('case_id', TEXT, (c) => c.notNull())
        .addColumn('reason', TEXT, (c) => c.notNull())
        .addColumn('responsible_name', TEXT, (c) => c.notNull())
        .addColumn('updated_by', TEXT, (c) => c.notNull()),
    ).addUniqueConstraint('long_pending_note_court_case_key', ['court_id', 'case_id']),
    'long_pending_note',
  ).execute();
  await indexById(db, 'long_pending_note');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('long_pending_note').execute();
  await db.schema.dropTable('long_pending_snapshot').execute();
}
