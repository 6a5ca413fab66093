import { sql, type Kysely } from 'kysely';

/**
 * `watchlist.manage` (维护关注名单) for the built-in roles of courts created before it existed: the
 * system administrator and the 风险防控办, who already read the rules. Like
 * 20261125_0300_grant_new_builtin_permissions, it only adds what is missing to the roles with these
 * built-in codes and leaves customised roles otherwise as their administrators set them. Frozen
 * here (not read from BUILTIN_ROLES) so the migration means the same forever.
 */
export const GRANTS: Record<string, readonly string[]> = {
  admin: ['watchlist.manage'],
  risk_office: ['watchlist.manage'],
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
