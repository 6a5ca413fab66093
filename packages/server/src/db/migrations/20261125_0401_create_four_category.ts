import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 四类案件 (issue 5, 法发〔2021〕30号). `four_category_label`: one row per case and category — a
 * confirmed label, a rejected proposal (so it is not proposed again) or a revoked label, never
 * deleted (全程留痕); `item_codes` and `proposed_by` are JSON text arrays.
 * `four_category_supervision`: 院庭长 supervision records, append-only.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'four_category_label')
        .addColumn('case_id', TEXT, (c) => c.notNull())
        .addColumn('category', TEXT, (c) => c.notNull())
        .addColumn('item_codes', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('reason', TEXT, (c) => c.notNull())
        .addColumn('proposed_by', TEXT, (c) => c.notNull())
        .addColumn('decided_by', TEXT, (c) => c.notNull())
        .addColumn('decided_at', TEXT, (c) => c.notNull())
        .addColumn('revoke_reason', TEXT),
    ).addUniqueConstraint('four_category_label_court_case_category_key', ['court_id', 'case_id', 'category']),
    'four_category_label',
  ).execute();
  await indexById(db, 'four_category_label');

  await withTenantKey(
    createTenantTable(db, 'four_category_supervision')
      .addColumn('case_id', TEXT, (c) => c.notNull())
      .addColumn('action', TEXT, (c) => c.notNull())
      .addColumn('acted_at', TEXT, (c) => c.notNull())
      .addColumn('content', TEXT, (c) => c.notNull())
      .addColumn('supervisor_id', TEXT)
      .addColumn('supervisor_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'four_category_supervision',
  ).execute();
  await indexById(db, 'four_category_supervision');
  await db.schema.createIndex('four_category_supervision_court_case_idx').on('four_category_supervision').columns(['court_id', 'case_id']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('four_category_supervision').execute();
  await db.schema.dropTable('four_category_label').execute();
}
