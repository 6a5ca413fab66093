import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { RulePackVersionTable } from '../db/schema.js';

export function createRulePackRepository(db: Db) {
  return {
    /** The newest version of every pack of a court. */
    async listCurrent(courtId: string) {
      const rows = await db.selectFrom('rulePackVersion').selectAll().where('courtId', '=', courtId).orderBy('pack').orderBy('version', 'desc').execute();
      const newest = new Map<string, RulePackVersionTable>();
      for (const row of rows) if (!newest.has(row.pack)) newest.set(row.pack, row);
      return [...newest.values()];
    },
    listVersions(courtId: string, pack: string) {
      return db
        .selectFrom('rulePackVersion')
        .select(['id', 'courtId', 'pack', 'version', 'enabled', 'comment', 'createdBy', 'createdAt'])
        .where('courtId', '=', courtId)
        .where('pack', '=', pack)
        .orderBy('version', 'desc')
        .execute();
    },
    getVersion(courtId: string, pack: string, version: number) {
      return db
        .selectFrom('rulePackVersion')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('pack', '=', pack)
        .where('version', '=', version)
        .executeTakeFirst();
    },
    async insert(row: Insertable<RulePackVersionTable>) {
      await db.insertInto('rulePackVersion').values(row).execute();
    },
  };
}
export type RulePackRepository = ReturnType<typeof createRulePackRepository>;
