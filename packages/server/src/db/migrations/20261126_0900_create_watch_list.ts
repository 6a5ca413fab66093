import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * 关注名单 (watch-lists that rules' `watchList` conditions read; docs/screening.md).
 * `watch_list`: one row per list of a court; its `version` goes up with every change to the list's
 * names, so the rule runtime knows when a court's compiled screener is stale without reading the
 * names. `watch_list_entry`: one row per name, unique per list in its normalised form
 * (`name_key`, core `normalizePartyName`), the form the rule engine compares names in.
 */
export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'watch_list')
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('created_by_name', TEXT, (c) => c.notNull()),
    ).addUniqueConstraint('watch_list_court_name_key', ['court_id', 'name']),
    'watch_list',
  ).execute();
  await indexById(db, 'watch_list');

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'watch_list_entry')
        .addColumn('list_name', TEXT, (c) => c.notNull())
        .addColumn('party_name', TEXT, (c) => c.notNull())
        .addColumn('name_key', TEXT, (c) => c.notNull())
        .addColumn('note', TEXT)
        .addColumn('created_by', TEXT)
        .addColumn('created_by_name', TEXT, (c) => c.notNull())
        .addColumn('updated_by_name', TEXT),
    ).addUniqueConstraint('watch_list_entry_court_list_name_key', ['court_id', 'list_name', 'name_key']),
    'watch_list_entry',
  ).execute();
  await indexById(db, 'watch_list_entry');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('watch_list_entry').execute();
  await db.schema.dropTable('watch_list').execute();
}
