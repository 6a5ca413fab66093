import { sql, type Kysely } from 'kysely';

/**
 * Permissions added to the built-in roles after courts were created: `case.process` (issue 5,
 * 登记审限事项) and `case.supervise` (院庭长监督: 四类案件 and 长期未结). A court's built-in roles are
 * its own editable copies, so this only adds what is missing to the roles with these built-in codes
 * and leaves every other permission of a customised role as its administrator set it.
 * The list is frozen here (not read from BUILTIN_ROLES) so the migration means the same forever.
 */
export const GRANTS: Record<string, readonly string[]> = {
  risk_office: ['case.process', 'case.supervise'],
  division_chief: ['case.process', 'case.supervise'],
  leader: ['case.supervise'],
};

export async function up(db: Kysely<unknown>) {
  const now = new Date().toISOString();
  // Single-word aliases: the result reads the same with or without the camel-case plugin.
  const rows = await sql<{ tenant: string; id: string; code: string; permissions: string }>`
    select court_id as tenant, id, code, permissions from role where builtin = 1`.execute(db);
  for (const role of rows.rows) {
    const grants = GRANTS[role.code];
    if (!grants) continue;
    const current = JSON.parse(role.permissions) as string[];
    const missing = grants.filter((permission) => !current.includes(permission));
    if (missing.length === 0) continue;
    await sql`update role set permissions = ${JSON.stringify([...current, ...missing])}, updated_at = ${now}, version = version + 1
      where court_id = ${role.tenant} and id = ${role.id}`.execute(db);
  }
}

/** Additions cannot be told apart from an administrator's own grants afterwards: nothing to undo. */
export async function down() {}
