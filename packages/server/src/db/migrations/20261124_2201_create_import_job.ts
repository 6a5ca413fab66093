import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'import_job')
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('file_name', TEXT, (c) => c.notNull())
        .addColumn('format', TEXT, (c) => c.notNull())
        .addColumn('encoding', TEXT)
        .addColumn('stored_path', TEXT, (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addColumn('processed_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('total_rows', 'integer')
        .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ok_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
        // Resume point: the first data row not yet committed.
        .addColumn('next_row', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('message', TEXT)
        .addColumn('created_by', TEXT)
        .addColumn('finished_at', TEXT),
    ),
    'import_job',
  ).execute();
  await indexById(db, 'import_job');
  await db.schema.createIndex('import_job_status_idx').on('import_job').columns(['status']).execute();

  await withTenantKey(
    createTenantTable(db, 'import_error')
      .addColumn('job_id', TEXT, (c) => c.notNull())
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addColumn('column_name', TEXT, (c) => c.notNull())
      .addColumn('message', TEXT, (c) => c.notNull())
      .addColumn('case_number', TEXT),
    'import_error',
  ).execute();
  await db.schema.createIndex('import_error_job_idx').on('import_error').columns(['court_id', 'job_id', 'row_no']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('import_error').execute();
  await db.schema.dropTable('import_job').execute();
}
