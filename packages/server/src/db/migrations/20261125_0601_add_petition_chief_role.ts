import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids.js';

/**
 * The built-in role 信访负责人 (`petition_chief`, issue 6) for courts created before it existed: the
 * one built-in role holding `petition.confidential` (full 身份证号, 心理疏导 and 回访 records), so the
 * reception staff (信访接待) keep seeing masked numbers. Frozen here, not read from BUILTIN_ROLES,
 * so the migration means the same forever; courts that already have the code are left alone.
 */
const ROLE = {
  code: 'petition_chief',
  name: '信访负责人',
  scope: 'court',
  permissions: ['court.read', 'department.read', 'dictionary.read', 'case.read', 'petition.read', 'petition.manage', 'petition.confidential', 'risk.report'],
  remark: '诉讼服务中心（信访）负责人：查看完整身份证号、心理疏导与回访等保密记录',
};

export async function up(db: Kysely<unknown>) {
  const now = new Date().toISOString();
  const courts = await sql<{ id: string }>`select id from court where id not in (select court_id from role where code = ${ROLE.code})`.execute(db);
  for (const court of courts.rows) {
    await sql`insert into role (id, court_id, code, name, scope, permissions, builtin, remark, created_at, updated_at, version)
      values (${newId()}, ${court.id}, ${ROLE.code}, ${ROLE.name}, ${ROLE.scope}, ${JSON.stringify(ROLE.permissions)}, 1, ${ROLE.remark}, ${now}, ${now}, 1)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  await sql`delete from role where code = ${ROLE.code} and builtin = 1 and id not in (select role_id from account_role)`.execute(db);
}
