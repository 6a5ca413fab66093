import type { CreateTableBuilder, Kysely } from 'kysely';

/** Instants and dates are ISO text in both dialects; JSON is text too (see schema.ts). */
export const TEXT = 'text' as const;

/**
 * A tenant table: `id` and `court_id`, primary key (court_id, id) so a Citus deployment can
 * distribute it by court, and a plain index on id for look-ups by id.
 */
export function createTenantTable(db: Kysely<unknown>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', TEXT, (c) => c.notNull())
    .addColumn('court_id', TEXT, (c) => c.notNull());
}

export function withTenantKey<T extends string, C extends string>(builder: CreateTableBuilder<T, C>, name: string) {
  return builder.addPrimaryKeyConstraint(`${name}_pkey`, ['court_id', 'id'] as never);
}

export function withTimestamps<T extends string, C extends string>(builder: CreateTableBuilder<T, C>) {
  return builder
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export async function indexById(db: Kysely<unknown>, table: string) {
  await db.schema.createIndex(`${table}_id_idx`).on(table).column('id').execute();
}
