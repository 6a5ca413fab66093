import type { BulkWrites, Database } from '../db/database.js';
import { createRepositories, type Repositories } from '../repositories/index.js';

/**
 * Repositories for reads, and a transaction runner for writes: a service writes its rows and
 * their audit entry in one transaction, so a crash never leaves a change without its record.
 */
export interface Store {
  repos: Repositories;
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** A long run of transactions (imports) reports its commits, so the database can keep its housekeeping off them. */
  beginBulkWrites(): BulkWrites;
}

export function createStore(database: Database): Store {
  return {
    repos: createRepositories(database.db, database.dialect, database.bulkInsert),
    transaction: (work) => database.db.transaction().execute((trx) => work(createRepositories(trx, database.dialect, database.bulkInsert))),
    beginBulkWrites: () => database.beginBulkWrites(),
  };
}
