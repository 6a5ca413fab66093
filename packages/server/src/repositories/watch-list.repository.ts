import type { Insertable, Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { containsText, toCount } from '../db/dialect.js';
import type { WatchListEntryTable, WatchListTable } from '../db/schema.js';
import { chunksFor } from './chunks.js';

export interface WatchListEntryFilter {
  /** Matched against the name as entered and the note. */
  keyword?: string;
  /** The keyword in normalised form, matched against the stored key (another width, case or spacing). */
  keywordKey?: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Bound parameters per IN list, well below both dialects' limits. */
const IN_CHUNK = 500;

function chunked<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(values.slice(i, i + IN_CHUNK));
  return out;
}

/** 关注名单 of one court: the lists (with their change counter) and their names. */
export function createWatchListRepository(db: Db, dialect: Dialect) {
  const entriesOf = (courtId: string, listName: string, filter: Pick<WatchListEntryFilter, 'keyword' | 'keywordKey'>) => {
    let query = db.selectFrom('watchListEntry').where('courtId', '=', courtId).where('listName', '=', listName);
    const { keyword, keywordKey } = filter;
    if (keyword) {
      query = query.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('partyName'), keyword),
          containsText(dialect, eb.ref('note'), keyword),
          ...(keywordKey ? [containsText(dialect, eb.ref('nameKey'), keywordKey)] : []),
        ]),
      );
    }
    return query;
  };

  return {
    /** The court's lists with their entry counts, by name. */
    async listLists(courtId: string) {
      const rows = await db
        .selectFrom('watchList')
        .selectAll('watchList')
        .select((eb) =>
          eb
            .selectFrom('watchListEntry')
            .select(eb.fn.countAll().as('n'))
            .whereRef('watchListEntry.courtId', '=', 'watchList.courtId')
            .whereRef('watchListEntry.listName', '=', 'watchList.name')
            .as('entryCount'),
        )
        .where('watchList.courtId', '=', courtId)
        .orderBy('watchList.name')
        .execute();
      return rows.map((row) => ({ ...row, entryCount: toCount(row.entryCount) }));
    },
    /** Id and change counter of every list of the court: what a compiled screener depends on. */
    listRevisions(courtId: string) {
      return db.selectFrom('watchList').select(['id', 'name', 'version']).where('courtId', '=', courtId).orderBy('name').execute();
    },
    /** Every listed name of the court, as entered, for compiling its rules. */
    listAllNames(courtId: string) {
      return db.selectFrom('watchListEntry').select(['listName', 'partyName']).where('courtId', '=', courtId).execute();
    },
    getList(courtId: string, name: string) {
      return db.selectFrom('watchList').selectAll().where('courtId', '=', courtId).where('name', '=', name).executeTakeFirst();
    },
    /** Creates the list unless someone else just did (two first adds at once). */
    async insertList(row: Insertable<WatchListTable>) {
      await db.insertInto('watchList').values(row).onConflict((oc) => oc.columns(['courtId', 'name']).doNothing()).execute();
    },
    /** Counts one change to the list's names (the rule runtime recompiles on a new counter). */
    async touchList(courtId: string, name: string, updatedAt: string) {
      await db
        .updateTable('watchList')
        .set((eb) => ({ version: eb('version', '+', 1), updatedAt }))
        .where('courtId', '=', courtId)
        .where('name', '=', name)
        .execute();
    },

    async listEntries(courtId: string, listName: string, filter: WatchListEntryFilter) {
      const [rows, count] = await Promise.all([
        entriesOf(courtId, listName, filter)
          .selectAll()
          .orderBy('createdAt', filter.order)
          .orderBy('partyName')
          .orderBy('id')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        entriesOf(courtId, listName, filter)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: toCount(count.n) };
    },
    /** Entries of a list whose normalised names are among `keys`. */
    async listEntriesByKeys(courtId: string, listName: string, keys: readonly string[]) {
      const rows: WatchListEntryTable[] = [];
      for (const part of chunked([...new Set(keys)])) {
        rows.push(...(await db.selectFrom('watchListEntry').selectAll().where('courtId', '=', courtId).where('listName', '=', listName).where('nameKey', 'in', part).execute()));
      }
      return rows;
    },
    /** An entry by id, in any court (the caller checks the court is in scope). */
    getEntryById(id: string) {
      return db.selectFrom('watchListEntry').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Entries by id, in any court (the caller keeps those in scope). */
    async listEntriesByIds(ids: readonly string[]) {
      const rows: WatchListEntryTable[] = [];
      for (const part of chunked([...new Set(ids)])) rows.push(...(await db.selectFrom('watchListEntry').selectAll().where('id', 'in', part).execute()));
      return rows;
    },
    /** Inserts names; one a concurrent add put on the list first is left as it is. */
    /** Inserts entries, skipping names the list already holds (another add got there first); returns the ids inserted. */
    async insertEntries(rows: readonly Insertable<WatchListEntryTable>[]): Promise<Set<string>> {
      const inserted = new Set<string>();
      for (const chunk of chunksFor(rows)) {
        const written = await db.insertInto('watchListEntry').values(chunk).onConflict((oc) => oc.columns(['courtId', 'listName', 'nameKey']).doNothing()).returning('id').execute();
        for (const row of written) inserted.add(row.id);
      }
      return inserted;
    },
    async updateEntry(courtId: string, id: string, version: number, patch: Updateable<WatchListEntryTable>) {
      const result = await db
        .updateTable('watchListEntry')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Deletes entries of one court; returns how many went. */
    async deleteEntries(courtId: string, ids: readonly string[]) {
      let deleted = 0;
      for (const part of chunked([...new Set(ids)])) {
        const result = await db.deleteFrom('watchListEntry').where('courtId', '=', courtId).where('id', 'in', part).executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      return deleted;
    },
    /** Deletes every entry of one list of the court; returns how many went. */
    async deleteListEntries(courtId: string, listName: string) {
      const result = await db.deleteFrom('watchListEntry').where('courtId', '=', courtId).where('listName', '=', listName).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Deletes the list's own row (not its entries); true when there was one. */
    async deleteList(courtId: string, name: string) {
      const result = await db.deleteFrom('watchList').where('courtId', '=', courtId).where('name', '=', name).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
export type WatchListRepository = ReturnType<typeof createWatchListRepository>;
