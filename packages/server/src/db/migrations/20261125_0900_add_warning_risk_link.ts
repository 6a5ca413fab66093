import type { Kysely } from 'kysely';
import { TEXT } from './helpers.js';

/**
 * 转为风险 for petition and opinion warnings (docs/petitions.md, docs/opinion.md): their own tables have
 * no triage columns, so they get the confirmation's state here — `pending` or `confirmed`, who confirmed
 * it and when, the note, and the risk it created or joined. Case warnings keep `warning` + `risk_warning`.
 */
const TABLES = ['petition_warning', 'opinion_warning'] as const;

export async function up(db: Kysely<unknown>) {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('status', TEXT, (c) => c.notNull().defaultTo('pending')).execute();
    await db.schema.alterTable(table).addColumn('risk_id', TEXT).execute();
    await db.schema.alterTable(table).addColumn('triage_note', TEXT).execute();
    await db.schema.alterTable(table).addColumn('triaged_by', TEXT).execute();
    await db.schema.alterTable(table).addColumn('triaged_at', TEXT).execute();
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of TABLES) {
    for (const column of ['triaged_at', 'triaged_by', 'triage_note', 'risk_id', 'status']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
