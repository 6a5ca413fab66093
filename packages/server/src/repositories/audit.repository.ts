import { newId } from '../ids.js';
import {
  canonicalAuditPayload,
  GENESIS_HASH,
  type AuditListQuery,
  type AuditRecord,
  type ChainedAuditRecord,
  type ResolvedScope,
} from '@courtrisk/core';
import type { Db } from '../db/database.js';
import { chinaDayEndUtc, chinaDayStartUtc } from './time-filter.js';
import { scopeCondition } from './scope-filter.js';

const AUDIT_SCOPE = { court: 'auditLog.courtId', owner: 'auditLog.actorId' };

export type AuditFilter = Omit<AuditListQuery, 'page' | 'pageSize' | 'order'>;
export type NewAuditRecord = Omit<AuditRecord, 'seq'>;

/**
 * Append-only, hash-chained audit storage. `append` must run inside the caller's transaction:
 * bumping the court's head row first locks it (PostgreSQL row lock, SQLite write lock), so two
 * writers never take the same seq and the chain stays linear.
 */
export function createAuditRepository(db: Db, hash: (payload: string) => string) {
  const filtered = (scope: ResolvedScope, filter: AuditFilter) => {
    let query = db.selectFrom('auditLog').where(scopeCondition(scope, AUDIT_SCOPE));
    if (filter.courtId) query = query.where('auditLog.courtId', '=', filter.courtId);
    if (filter.action) query = query.where('auditLog.action', '=', filter.action);
    if (filter.actor) query = query.where('auditLog.actorName', '=', filter.actor);
    if (filter.from) query = query.where('auditLog.at', '>=', chinaDayStartUtc(filter.from));
    if (filter.to) query = query.where('auditLog.at', '<', chinaDayEndUtc(filter.to));
    return query;
  };

  return {
    async append(record: NewAuditRecord): Promise<ChainedAuditRecord> {
      await db
        .insertInto('auditHead')
        .values({ courtId: record.courtId, seq: 0, hash: GENESIS_HASH })
        .onConflict((oc) => oc.column('courtId').doNothing())
        .execute();
      await db
        .updateTable('auditHead')
        .set((eb) => ({ seq: eb('seq', '+', 1) }))
        .where('courtId', '=', record.courtId)
        .execute();
      const head = await db
        .selectFrom('auditHead')
        .select(['seq', 'hash'])
        .where('courtId', '=', record.courtId)
        .executeTakeFirstOrThrow();
      const entry = { ...record, seq: Number(head.seq) };
      const chained: ChainedAuditRecord = {
        ...entry,
        id: newId(),
        prevHash: head.hash,
        hash: hash(canonicalAuditPayload(entry, head.hash)),
      };
      await db.insertInto('auditLog').values(chained).execute();
      await db.updateTable('auditHead').set({ hash: chained.hash }).where('courtId', '=', record.courtId).execute();
      return chained;
    },
    async list(scope: ResolvedScope, query: AuditListQuery) {
      const base = filtered(scope, query);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('auditLog.at', query.order)
          .orderBy('auditLog.seq', query.order)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    listAll(scope: ResolvedScope, filter: AuditFilter, limit: number) {
      return filtered(scope, filter).selectAll().orderBy('auditLog.at', 'desc').limit(limit).execute();
    },
    listHeads(courtIds?: readonly string[]) {
      let query = db.selectFrom('auditHead').selectAll().orderBy('courtId');
      if (courtIds) query = query.where('courtId', 'in', courtIds.length > 0 ? [...courtIds] : ['']);
      return query.execute();
    },
    /** One page of a court's chain in seq order, starting after `afterSeq`. */
    async listChainPage(courtId: string, afterSeq: number, limit: number): Promise<ChainedAuditRecord[]> {
      const rows = await db
        .selectFrom('auditLog')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
