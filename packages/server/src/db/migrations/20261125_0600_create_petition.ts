import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 涉诉信访 (issue 6, docs/petitions.md): the petitioner registry, petitions with their people, cases
 * and handling steps, the warnings their flags and clocks raise, 稳控 plans, the 重点人员 list, and
 * the confidential counselling / follow-up records (their text encrypted with SM4, crypto/sm4.ts).
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'petitioner')
        .addColumn('name', TEXT, (c) => c.notNull())
        // SM4 ciphertext (context `petitioner.id_number:<id>`), the masked form for lists, and the blind index for exact look-ups.
        .addColumn('id_number_cipher', TEXT)
        .addColumn('id_number_masked', TEXT)
        .addColumn('id_number_index', TEXT)
        .addColumn('contacts', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('address', TEXT)
        .addColumn('remark', TEXT)
        .addColumn('created_by', TEXT),
    ).addUniqueConstraint('petitioner_court_id_number_key', ['court_id', 'id_number_index']),
    'petitioner',
  ).execute();
  await indexById(db, 'petitioner');
  await db.schema.createIndex('petitioner_court_name_idx').on('petitioner').columns(['court_id', 'name']).execute();

  for (const [table, column] of [
    ['petitioner_case', 'case_id'],
    ['petitioner_relation', 'related_id'],
  ] as const) {
    await withTenantKey(
      createTenantTable(db, table)
        .addColumn('petitioner_id', TEXT, (c) => c.notNull())
        .addColumn(column, TEXT, (c) => c.notNull())
        .addColumn('created_at', TEXT, (c) => c.notNull())
        .addUniqueConstraint(`${table}_court_pair_key`, ['court_id', 'petitioner_id', column]),
      table,
    ).execute();
  }

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'petition')
        .addColumn('channel', TEXT, (c) => c.notNull())
        .addColumn('received_on', TEXT, (c) => c.notNull())
        .addColumn('headcount', 'integer', (c) => c.notNull())
        .addColumn('venue_level', TEXT, (c) => c.notNull())
        .addColumn('forwarded_by', TEXT)
        .addColumn('nature', TEXT, (c) => c.notNull())
        .addColumn('content', TEXT, (c) => c.notNull())
        .addColumn('demands', TEXT, (c) => c.notNull())
        .addColumn('outcome', TEXT, (c) => c.notNull())
        // JSON: the flags computed as of the petition's date (PetitionFlagView[]), rewritten on every change.
        .addColumn('flags', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by', TEXT),
    ),
    'petition',
  ).execute();
  await indexById(db, 'petition');
  await db.schema.createIndex('petition_court_received_idx').on('petition').columns(['court_id', 'received_on']).execute();

  for (const [table, column] of [
    ['petition_petitioner', 'petitioner_id'],
    ['petition_case', 'case_id'],
  ] as const) {
    await withTenantKey(
      createTenantTable(db, table)
        .addColumn('petition_id', TEXT, (c) => c.notNull())
        .addColumn(column, TEXT, (c) => c.notNull())
        .addColumn('created_at', TEXT, (c) => c.notNull())
        .addUniqueConstraint(`${table}_court_pair_key`, ['court_id', 'petition_id', column]),
      table,
    ).execute();
    await db.schema.createIndex(`${table}_court_${column}_idx`).on(table).columns(['court_id', column]).execute();
  }

  await withTenantKey(
    createTenantTable(db, 'petition_step')
      .addColumn('petition_id', TEXT, (c) => c.notNull())
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('done_on', TEXT, (c) => c.notNull())
      .addColumn('days', 'integer')
      .addColumn('until', TEXT)
      .addColumn('note', TEXT)
      .addColumn('created_by', TEXT)
      .addColumn('created_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'petition_step',
  ).execute();
  await db.schema.createIndex('petition_step_court_petition_idx').on('petition_step').columns(['court_id', 'petition_id']).execute();

  // Petition warnings live beside the case warnings, not in them: `warning` is keyed by (court, case, rule)
  // and read through an inner join on the case, while these are keyed per person or per petition (docs/petitions.md).
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'petition_warning')
        .addColumn('dedupe_key', TEXT, (c) => c.notNull())
        .addColumn('rule_id', TEXT, (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('domain', TEXT, (c) => c.notNull())
        .addColumn('subtype', TEXT, (c) => c.notNull())
        .addColumn('level', TEXT, (c) => c.notNull())
        .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('explanation', TEXT, (c) => c.notNull())
        .addColumn('suggested_action', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('source', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('petition_id', TEXT)
        // The one person a 重复访 warning is about (null for per-petition warnings: their people are the petition's).
        .addColumn('petitioner_id', TEXT)
        .addColumn('petitioner_ids', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('case_ids', TEXT, (c) => c.notNull().defaultTo('[]'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    ).addUniqueConstraint('petition_warning_court_key_key', ['court_id', 'dedupe_key']),
    'petition_warning',
  ).execute();
  await indexById(db, 'petition_warning');
  await db.schema.createIndex('petition_warning_court_petitioner_idx').on('petition_warning').columns(['court_id', 'petitioner_id']).execute();
  await db.schema.createIndex('petition_warning_court_petition_idx').on('petition_warning').columns(['court_id', 'petition_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'stabilization_plan')
      .addColumn('petitioner_id', TEXT, (c) => c.notNull())
      .addColumn('leader_name', TEXT, (c) => c.notNull())
      .addColumn('leader_account_id', TEXT)
      .addColumn('staff', TEXT, (c) => c.notNull())
      .addColumn('measures', TEXT, (c) => c.notNull())
      .addColumn('agency_ids', TEXT, (c) => c.notNull().defaultTo('[]'))
      .addColumn('started_on', TEXT, (c) => c.notNull())
      .addColumn('review_on', TEXT, (c) => c.notNull())
      .addColumn('created_by', TEXT)
      .addColumn('created_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'stabilization_plan',
  ).execute();
  await db.schema.createIndex('stabilization_plan_court_petitioner_idx').on('stabilization_plan').columns(['court_id', 'petitioner_id']).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'key_person')
        .addColumn('petitioner_id', TEXT, (c) => c.notNull())
        .addColumn('listed_on', TEXT, (c) => c.notNull())
        .addColumn('reason', TEXT, (c) => c.notNull())
        .addColumn('review_cadence_days', 'integer', (c) => c.notNull())
        .addColumn('last_reviewed_on', TEXT)
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', TEXT),
    ).addUniqueConstraint('key_person_court_petitioner_key', ['court_id', 'petitioner_id']),
    'key_person',
  ).execute();

  await withTenantKey(
    createTenantTable(db, 'key_person_review')
      .addColumn('key_person_id', TEXT, (c) => c.notNull())
      .addColumn('reviewed_on', TEXT, (c) => c.notNull())
      .addColumn('decision', TEXT, (c) => c.notNull())
      .addColumn('opinion', TEXT, (c) => c.notNull())
      .addColumn('created_by', TEXT)
      .addColumn('created_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'key_person_review',
  ).execute();
  await db.schema.createIndex('key_person_review_court_person_idx').on('key_person_review').columns(['court_id', 'key_person_id']).execute();

  // Confidential: the free text is SM4 ciphertext bound to its row (`<table>.<column>:<id>`).
  await withTenantKey(
    createTenantTable(db, 'counselling_session')
      .addColumn('petitioner_id', TEXT, (c) => c.notNull())
      .addColumn('held_on', TEXT, (c) => c.notNull())
      .addColumn('counsellor', TEXT, (c) => c.notNull())
      .addColumn('form', TEXT, (c) => c.notNull())
      .addColumn('emotional_state', TEXT, (c) => c.notNull())
      .addColumn('notes_cipher', TEXT, (c) => c.notNull())
      .addColumn('next_on', TEXT)
      .addColumn('created_by', TEXT)
      .addColumn('created_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'counselling_session',
  ).execute();
  await db.schema.createIndex('counselling_session_court_petitioner_idx').on('counselling_session').columns(['court_id', 'petitioner_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'follow_up_visit')
      .addColumn('petitioner_id', TEXT, (c) => c.notNull())
      .addColumn('visited_on', TEXT, (c) => c.notNull())
      .addColumn('visitors', TEXT, (c) => c.notNull())
      .addColumn('method', TEXT, (c) => c.notNull())
      .addColumn('attitude', TEXT, (c) => c.notNull())
      .addColumn('findings_cipher', TEXT, (c) => c.notNull())
      .addColumn('next_on', TEXT)
      .addColumn('created_by', TEXT)
      .addColumn('created_by_name', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull()),
    'follow_up_visit',
  ).execute();
  await db.schema.createIndex('follow_up_visit_court_petitioner_idx').on('follow_up_visit').columns(['court_id', 'petitioner_id']).execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    'follow_up_visit',
    'counselling_session',
    'key_person_review',
    'key_person',
    'stabilization_plan',
    'petition_warning',
    'petition_step',
    'petition_case',
    'petition_petitioner',
    'petition',
    'petitioner_relation',
    'petitioner_case',
    'petitioner',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
