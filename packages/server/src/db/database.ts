import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Insertable, type Transaction } from 'kysely';
import { chunksFor } from '../repositories/chunks.js';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import { noBulkWrites, startWalCheckpoints, type BulkWrites } from './wal-checkpointer.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
export type Dialect = DatabaseConfig['dialect'];

/**
 * Multi-row INSERT for bulk paths (imports). SQLite runs one cached prepared statement per row on
 * the same connection (inside the caller's transaction) — measured several times faster than one
 * huge multi-row statement compiled per batch; PostgreSQL sends chunked multi-row INSERTs.
 */
export type BulkInsert = <T extends keyof DB & string>(executor: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[]) => Promise<void>;

export interface Database {
  db: Db;
  dialect: Dialect;
  bulkInsert: BulkInsert;
  /** Starts a long run of write transactions (an import): SQLite then checkpoints its WAL on a helper thread. */
  beginBulkWrites(): BulkWrites;
  close(): Promise<void>;
}

export type { BulkWrites };

/** Checkpoint the WAL every ~40 MiB instead of 4 MiB: fewer, larger copies during bulk writes. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function sqliteBulkInsert(sqlite: SQLite.Database): BulkInsert {
  const statements = new Map<string, SQLite.Statement>();
  return async (_executor, table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(`insert into ${snake(table)} (${columns.map(snake).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      statements.set(key, statement);
    }
    // One parameter array refilled per row (run() binds it before returning), not a new one per row.
    const params: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) params[i] = (row as Record<string, unknown>)[columns[i]!] ?? null;
      statement.run(params);
    }
  };
}

const chunkedBulkInsert: BulkInsert = async (executor, table, rows) => {
  for (const chunk of chunksFor(rows)) await executor.insertInto(table).values(chunk as never).execute();
};

export interface DatabaseOptions {
  /** PostgreSQL schema to use instead of `public` (tests give each suite its own). */
  pgSchema?: string;
}

/** Opens SQLite (WAL, foreign keys, 5 s busy wait) or a PostgreSQL pool, per the config. */
export async function openDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // 16 MiB page cache (default 2 MiB): bulk imports touch several indexes per row.
    sqlite.pragma('cache_size = -16384');
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // An import lets the WAL grow to ~160 MiB between restarts (see wal-checkpointer.ts); a file
    // that size is cut back to 64 MiB when the WAL next starts over, instead of staying on disk.
    sqlite.pragma('journal_size_limit = 67108864');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins });
    const file = config.file;
    return {
      db,
      dialect: 'sqlite',
      bulkInsert: sqliteBulkInsert(sqlite),
      beginBulkWrites: () => (file === ':memory:' ? noBulkWrites : startWalCheckpoints(sqlite, file, WAL_AUTOCHECKPOINT_PAGES)),
      close: () => db.destroy(),
    };
  }
  if (options.pgSchema) {
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${options.pgSchema.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
  return { db, dialect: 'postgres', bulkInsert: chunkedBulkInsert, beginBulkWrites: () => noBulkWrites, close: () => db.destroy() };
}

/** Runs pending migrations; throws with the failing migration's name. Takes any schema, hence Kysely<any>. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new Error(`数据库迁移失败（${failed}）：${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers a trivial query (for /api/health). */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
