import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';

describe('WAL checkpoints during bulk writes (SQLite)', () => {
  let dir: string;
  let database: Database;
  const file = () => path.join(dir, 'bulk.db');
  const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as object)[0];
  const commitRows = (from: number) =>
    database.db.transaction().execute(async (trx) => {
      for (let i = from; i < from + 100; i++) await sql`insert into bulk (id, body) values (${i}, ${'案'.repeat(1000)})`.execute(trx);
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-wal-'));
    database = await openDatabase({ dialect: 'sqlite', file: file() });
    await sql`create table bulk (id integer primary key, body text not null)`.execute(database.db);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes checkpoints out of the writer while the run lasts, and gives them back after', async () => {
    const bulk = database.beginBulkWrites();
    expect(await pragma('wal_autocheckpoint')).toBe(0);
    await bulk.end();
    expect(await pragma('wal_autocheckpoint')).toBe(10_000);
  });

  it('keeps every committed row and restarts the WAL instead of letting it grow by the whole run', async () => {
    await commitRows(0);
    const walPerCommit = fs.statSync(`${file()}-wal`).size;
    const bulk = database.beginBulkWrites();
    for (let commit = 1; commit <= 45; commit++) {
      await commitRows(commit * 100);
      await bulk.committed();
    }
    await bulk.end();
    expect(Number(await database.db.selectFrom(sql`bulk`.as('b')).select(sql`count(*)`.as('n')).executeTakeFirstOrThrow().then((r) => r.n))).toBe(4600);
    // The writer waits for the helper every 20 commits, so the WAL starts over rather than holding all 46.
    expect(fs.statSync(`${file()}-wal`).size).toBeLessThan(25 * walPerCommit);
  });
});
