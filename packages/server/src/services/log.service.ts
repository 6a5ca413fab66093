import {
  auditActionLabel,
  findChainBreak,
  type AuditEntryView,
  type AuditListQuery,
  type AuditVerifyResult,
  type LoginLogListQuery,
  type LoginLogView,
  type Paged,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { sm3Hex } from '../crypto.js';
import type { AuditLogTable, LoginLogTable } from '../db/schema.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import type { AuditFilter } from '../repositories/audit.repository.js';
import type { LoginLogFilter } from '../repositories/login-log.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

const presentAudit = (row: AuditLogTable): AuditEntryView => ({
  id: row.id,
  courtId: row.courtId,
  seq: Number(row.seq),
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  ip: row.ip,
  summary: row.summary,
  hash: row.hash,
});

const presentLoginLog = (row: LoginLogTable): LoginLogView => ({
  id: row.id,
  courtId: row.courtId,
  username: row.username,
  accountId: row.accountId,
  success: row.success === 1,
  reason: row.reason,
  ip: row.ip,
  userAgent: row.userAgent,
  at: row.at,
});

const VERIFY_PAGE = 2_000;

/**
 * Verifies the hash chains of the given courts (all courts when omitted): every link, seq
 * contiguity, and that the chain still ends where its head says (a deleted last row shows there).
 */
export async function verifyAuditChains(repos: Pick<Repositories, 'audit'>, courtIds?: readonly string[]): Promise<AuditVerifyResult> {
  let checked = 0;
  for (const head of await repos.audit.listHeads(courtIds)) {
    let last = { seq: 0, hash: '0'.repeat(64) };
    for (;;) {
      const page = await repos.audit.listChainPage(head.courtId, last.seq, VERIFY_PAGE);
      const broken = findChainBreak(page, sm3Hex, last);
      if (broken) return { ok: false, checked: checked + page.findIndex((e) => e.seq >= broken.seq), broken };
      checked += page.length;
      const tail = page.at(-1);
      if (!tail) break;
      last = { seq: tail.seq, hash: tail.hash };
    }
    if (last.seq !== Number(head.seq) || last.hash !== head.hash) {
      return {
        ok: false,
        checked,
        broken: { courtId: head.courtId, seq: last.seq + 1, id: null, reason: `链尾应为序号 ${Number(head.seq)}，实际只到 ${last.seq}，末尾记录疑似被删除或篡改` },
      };
    }
  }
  return { ok: true, checked, broken: null };
}

export function createLogService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;
  const recordExport = (actor: Actor, action: string, summary: string) =>
    store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action, summary }));

  return {
    async listAudit(actor: Actor, query: AuditListQuery): Promise<Paged<AuditEntryView>> {
      await access.require(actor, 'audit.read');
      const { rows, total } = await repos.audit.list(actor.scope, query);
      return { items: rows.map(presentAudit), total, page: query.page, pageSize: query.pageSize };
    },
    async exportAudit(actor: Actor, filter: AuditFilter): Promise<Buffer> {
      await access.require(actor, 'audit.read');
      const rows = (await repos.audit.listAll(actor.scope, filter, EXPORT_ROW_LIMIT)).map(presentAudit);
      await recordExport(actor, 'audit.export', `导出审计日志 ${rows.length} 条`);
      return buildXlsx('审计日志', [
        { header: '时间', width: 22, value: (e) => formatChinaTime(e.at) },
        { header: '操作人', value: (e) => e.actorName },
        { header: '操作', width: 20, value: (e) => auditActionLabel[e.action] ?? e.action },
        { header: '对象类型', value: (e) => e.targetType },
        { header: '对象编号', width: 38, value: (e) => e.targetId },
        { header: 'IP', value: (e) => e.ip },
        { header: '内容', width: 60, value: (e) => e.summary },
        { header: '序号', width: 8, value: (e) => e.seq },
        { header: 'SM3', width: 66, value: (e) => e.hash },
      ], rows);
    },
    /** Verifies the chains of the courts in the caller's scope. */
    async verifyAudit(actor: Actor): Promise<AuditVerifyResult> {
      await access.require(actor, 'audit.verify');
      const result = await verifyAuditChains(repos, [...actor.scope.courtIds]);
      await recordExport(actor, 'audit.verify', result.ok ? `校验审计日志 ${result.checked} 条：完整` : `校验审计日志：发现断链（${result.broken?.reason}）`);
      return result;
    },
    async listLoginLogs(actor: Actor, query: LoginLogListQuery): Promise<Paged<LoginLogView>> {
      await access.require(actor, 'loginlog.read');
      const { rows, total } = await repos.loginLogs.list(actor.scope, query);
      return { items: rows.map(presentLoginLog), total, page: query.page, pageSize: query.pageSize };
    },
    async exportLoginLogs(actor: Actor, filter: LoginLogFilter): Promise<Buffer> {
      await access.require(actor, 'loginlog.read');
      const rows = (await repos.loginLogs.listAll(actor.scope, filter, EXPORT_ROW_LIMIT)).map(presentLoginLog);
      await recordExport(actor, 'loginlog.export', `导出登录日志 ${rows.length} 条`);
      return buildXlsx('登录日志', [
        { header: '时间', width: 22, value: (e) => formatChinaTime(e.at) },
        { header: '账号', value: (e) => e.username },
        { header: '结果', value: (e) => (e.success ? '成功' : '失败') },
        { header: '说明', width: 24, value: (e) => e.reason },
        { header: 'IP', value: (e) => e.ip },
        { header: '浏览器', width: 50, value: (e) => e.userAgent },
      ], rows);
    },
  };
}
export type LogService = ReturnType<typeof createLogService>;
