import type { Kysely } from 'kysely';
import { TEXT, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTimestamps(
    db.schema
      .createTable('court')
      .addColumn('id', TEXT, (c) => c.primaryKey())
      .addColumn('parent_id', TEXT)
      .addColumn('code', TEXT, (c) => c.notNull().unique())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('level', TEXT, (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('court_parent_idx').on('court').column('parent_id').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('court').execute();
}
