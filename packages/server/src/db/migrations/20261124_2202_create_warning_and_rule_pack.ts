import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'warning')
        .addColumn('case_id', TEXT, (c) => c.notNull())
        // Copied from the case so warning lists filter by scope without a join.
        .addColumn('department_id', TEXT)
        .addColumn('judge_account_id', TEXT)
        .addColumn('rule_id', TEXT, (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('pack', TEXT, (c) => c.notNull())
        .addColumn('domain', TEXT, (c) => c.notNull())
        .addColumn('subtype', TEXT, (c) => c.notNull())
        .addColumn('level', TEXT, (c) => c.notNull())
        .addColumn('score', 'integer')
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('evidence', TEXT, (c) => c.notNull())
        .addColumn('suggested_action', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('source', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('dismiss_reason', TEXT)
        .addColumn('triage_note', TEXT)
        .addColumn('triaged_by', TEXT)
        .addColumn('triaged_at', TEXT)
        .addColumn('merged_into', TEXT),
    ).addUniqueConstraint('warning_court_case_rule_key', ['court_id', 'case_id', 'rule_id']),
    'warning',
  ).execute();
  await indexById(db, 'warning');
  await db.schema.createIndex('warning_court_status_idx').on('warning').columns(['court_id', 'status']).execute();

  await withTenantKey(
    createTenantTable(db, 'rule_pack_version')
      .addColumn('pack', TEXT, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('yaml', TEXT, (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('comment', TEXT, (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', TEXT)
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('rule_pack_version_court_pack_version_key', ['court_id', 'pack', 'version']),
    'rule_pack_version',
  ).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('rule_pack_version').execute();
  await db.schema.dropTable('warning').execute();
}
