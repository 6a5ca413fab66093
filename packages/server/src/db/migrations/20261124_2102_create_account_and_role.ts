import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'account')
        .addColumn('department_id', TEXT)
        .addColumn('username', TEXT, (c) => c.notNull())
        .addColumn('display_name', TEXT, (c) => c.notNull())
        .addColumn('phone', TEXT)
        .addColumn('password_hash', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull().defaultTo('active'))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', TEXT)
        .addColumn('password_changed_at', TEXT)
        .addColumn('last_login_at', TEXT)
        .addColumn('created_by', TEXT),
    ).addUniqueConstraint('account_court_username_key', ['court_id', 'username']),
    'account',
  ).execute();
  await indexById(db, 'account');
  // Login looks an account up by name before its court is known.
  await db.schema.createIndex('account_username_idx').on('account').column('username').execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'role')
        .addColumn('code', TEXT, (c) => c.notNull())
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('scope', TEXT, (c) => c.notNull())
        .addColumn('permissions', TEXT, (c) => c.notNull())
        .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('remark', TEXT, (c) => c.notNull().defaultTo('')),
    ).addUniqueConstraint('role_court_code_key', ['court_id', 'code']),
    'role',
  ).execute();
  await indexById(db, 'role');

  await db.schema
    .createTable('account_role')
    .addColumn('court_id', TEXT, (c) => c.notNull())
    .addColumn('account_id', TEXT, (c) => c.notNull())
    .addColumn('role_id', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint('account_role_pkey', ['court_id', 'account_id', 'role_id'])
    .execute();
  await db.schema.createIndex('account_role_role_idx').on('account_role').column('role_id').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('account_role').execute();
  await db.schema.dropTable('role').execute();
  await db.schema.dropTable('account').execute();
}
