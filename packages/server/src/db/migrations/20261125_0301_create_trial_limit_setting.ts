import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 审限设置 (issue 5): one row per court once it saves its own settings (holiday rule, warning
 * thresholds, 长期未结 buckets) as JSON text; `last_swept_on` is the Beijing day of the last daily
 * sweep of the court's cases, claimed atomically so several app servers sweep a court once a day.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'trial_limit_setting')
        .addColumn('settings', TEXT, (c) => c.notNull())
        .addColumn('customised', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_swept_on', TEXT)
        .addColumn('updated_by', TEXT),
    ).addUniqueConstraint('trial_limit_setting_court_key', ['court_id']),
    'trial_limit_setting',
  ).execute();
  await indexById(db, 'trial_limit_setting');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('trial_limit_setting').execute();
}
