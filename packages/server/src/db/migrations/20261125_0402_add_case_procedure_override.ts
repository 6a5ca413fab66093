import type { Kysely } from 'kysely';
import { TEXT } from './helpers.js';

/**
 * 审限适用程序 set by hand (issue 5): for cases whose record cannot tell procedures with different
 * limits apart (民事二审 判决/裁定, 再审, 刑事公诉一审, 执行/非诉执行 …), a core ProcedureCode the engine
 * uses instead of the automatic mapping; NULL = automatic. The note says why (also in the audit log).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('court_case').addColumn('procedure_override', TEXT).execute();
  await db.schema.alterTable('court_case').addColumn('procedure_override_note', TEXT).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('court_case').dropColumn('procedure_override_note').execute();
  await db.schema.alterTable('court_case').dropColumn('procedure_override').execute();
}
