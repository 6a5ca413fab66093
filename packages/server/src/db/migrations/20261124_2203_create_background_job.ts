import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'background_job')
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        // What to run: for a backtest the candidate pack (name and YAML) or none for the saved rules.
        .addColumn('params', TEXT, (c) => c.notNull().defaultTo('{}'))
        .addColumn('total', 'integer')
        .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
        // Resume point: cases are walked in id order.
        .addColumn('cursor', TEXT, (c) => c.notNull().defaultTo(''))
        .addColumn('result', TEXT)
        .addColumn('message', TEXT)
        .addColumn('created_by', TEXT)
        .addColumn('finished_at', TEXT),
    ),
    'background_job',
  ).execute();
  await indexById(db, 'background_job');
  await db.schema.createIndex('background_job_status_idx').on('background_job').columns(['status']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('background_job').execute();
}
