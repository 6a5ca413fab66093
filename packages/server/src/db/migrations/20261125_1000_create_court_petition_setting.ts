import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 信访舆情设置 (issue 6): one row per court once it saves its own 重复访 / 集体访 thresholds, petition
 * clocks and opinion heat thresholds (PetitionCourtSettings as JSON text); no row = the defaults.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'court_petition_setting')
        .addColumn('settings', TEXT, (c) => c.notNull())
        .addColumn('updated_by', TEXT),
    ).addUniqueConstraint('court_petition_setting_court_key', ['court_id']),
    'court_petition_setting',
  ).execute();
  await indexById(db, 'court_petition_setting');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('court_petition_setting').execute();
}
