import type { Kysely } from 'kysely';
import { TEXT } from './helpers.js';

/**
 * 审限事项 identity (issue 5 import): `event_key` is core's processEventKey (kind plus the fields
 * that identify the event), unique per case so an import or a repeated entry never records an
 * event twice. Rows recorded before this migration keep NULL; the service compares them by
 * payload, and NULLs never collide in a unique index on either database.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('case_process_event').addColumn('event_key', TEXT).execute();
  await db.schema.createIndex('case_process_event_court_case_key').unique().on('case_process_event').columns(['court_id', 'case_id', 'event_key']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('case_process_event_court_case_key').execute();
  await db.schema.alterTable('case_process_event').dropColumn('event_key').execute();
}
