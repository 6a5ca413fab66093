/**
 * Tamper-evident audit chain. Each court has its own chain (so a sharded deployment keeps
 * each chain on one shard): entry n stores hash(n) = H(canonical(entry n) ‖ hash(n−1)),
 * with the all-zero genesis hash before seq 1. The hash function (SM3, GB/T 32905-2016)
 * is supplied by the caller so that core stays free of IO and platform modules.
 */
export interface AuditRecord {
  courtId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  summary: string;
}

export interface ChainedAuditRecord extends AuditRecord {
  id: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A stable serialisation: fixed field order, JSON escaping, nothing locale-dependent. */
export function canonicalAuditPayload(record: AuditRecord, prevHash: string): string {
  return JSON.stringify([
    record.courtId,
    record.seq,
    record.at,
    record.actorId,
    record.actorName,
    record.action,
    record.targetType,
    record.targetId,
    record.ip,
    record.summary,
    prevHash,
  ]);
}

export interface ChainBreak {
  courtId: string;
  seq: number;
  id: string | null;
  reason: string;
}

/**
 * Walks one court's entries in seq order and returns the first broken link, or null.
 * Detects edited rows (hash mismatch), deleted rows (seq gap or prev-hash mismatch) and
 * re-linked rows (prevHash not equal to the predecessor's hash).
 */
export function findChainBreak(
  entries: Iterable<ChainedAuditRecord>,
  hash: (payload: string) => string,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return {
        courtId: entry.courtId,
        seq: expectedSeq,
        id: null,
        reason: `序号 ${expectedSeq} 的记录缺失（下一条为 ${entry.seq}），疑似被删除`,
      };
    }
    if (entry.prevHash !== prevHash) {
      return { courtId: entry.courtId, seq: entry.seq, id: entry.id, reason: '前序哈希与上一条记录不一致，疑似被删除或篡改' };
    }
    if (hash(canonicalAuditPayload(entry, entry.prevHash)) !== entry.hash) {
      return { courtId: entry.courtId, seq: entry.seq, id: entry.id, reason: '记录内容与哈希不符，疑似被篡改' };
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
