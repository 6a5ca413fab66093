import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'court_case')
        .addColumn('case_number', TEXT, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('type_code', TEXT, (c) => c.notNull())
        .addColumn('case_type', TEXT, (c) => c.notNull())
        .addColumn('instance', TEXT, (c) => c.notNull())
        .addColumn('procedure', TEXT, (c) => c.notNull())
        .addColumn('causes', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('filed_on', TEXT, (c) => c.notNull())
        .addColumn('closed_on', TEXT)
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('judge_name', TEXT)
        .addColumn('judge_account_id', TEXT)
        .addColumn('department_name', TEXT)
        .addColumn('department_id', TEXT)
        .addColumn('amount_yuan', TEXT)
        .addColumn('amount_fen', 'bigint')
        .addColumn('facts', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('claims', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('lawyers', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('party_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('content_hash', TEXT, (c) => c.notNull())
        .addColumn('import_job_id', TEXT),
    ).addUniqueConstraint('court_case_court_number_key', ['court_id', 'case_number']),
    'court_case',
  ).execute();
  await indexById(db, 'court_case');
  await db.schema.createIndex('court_case_court_filed_idx').on('court_case').columns(['court_id', 'filed_on']).execute();

  await withTenantKey(
    createTenantTable(db, 'case_party')
      .addColumn('case_id', TEXT, (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('role', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('flags', TEXT, (c) => c.notNull().defaultTo('[]')),
    'case_party',
  ).execute();
  await db.schema.createIndex('case_party_case_idx').on('case_party').columns(['court_id', 'case_id']).execute();
  // Cross-case detectors (many plaintiffs against one defendant, repeat lenders) look parties up by name.
  await db.schema.createIndex('case_party_name_idx').on('case_party').columns(['court_id', 'name']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('case_party').execute();
  await db.schema.dropTable('court_case').execute();
}
