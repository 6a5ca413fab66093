import {
  classifyLongPending,
  isoWeekday,
  isoWeekOf,
  measurePendingAge,
  type LocalDate,
  type LongPendingList,
  type LongPendingNoteInput,
  type LongPendingNoteView,
  type LongPendingQuery,
  type LongPendingRow,
  type LongPendingSnapshotInput,
  type LongPendingSnapshotQuery,
  type LongPendingSnapshotView,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { LongPendingSnapshotTable } from '../db/schema.js';
import { NotFoundError, StaleVersionError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, SYSTEM_ACTOR, type Actor, type AuditActor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';
import { loadTrialLimitSettings } from './trial-limit-settings.service.js';

/** Default trend window of the chart: half a year of weekly snapshots. */
const TREND_DAYS = 182;

/** Counts per bucket: a case counts in the largest bucket it reached. */
function countBuckets(bucketMonths: readonly number[], reached: readonly (number | null)[]) {
  return bucketMonths.map((months) => ({ months, count: reached.filter((m) => m === months).length }));
}

/**
 * 长期未结 ledger (issue 5): open cases beyond the court's month buckets with their recorded reason
 * and responsible person, and one snapshot of the bucket counts per court and ISO week (Mondays by
 * the daily sweep, or on demand) for the trend chart.
 */
export function createLongPendingService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  async function ledgerRows(actor: Actor, query: Omit<LongPendingQuery, 'page' | 'pageSize'>) {
    const today = chinaToday(clock) as LocalDate;
    const cases = await repos.trialCases.listOpen(actor.scope, { courtId: query.courtId, departmentId: query.departmentId, keyword: query.keyword });
    const rows: LongPendingRow[] = [];
    const bucketsSeen = new Set<number>();
    for (const [courtId, courtCases] of groupBy(cases, (c) => c.courtId)) {
      const { longPending } = await loadTrialLimitSettings(repos, courtId);
      longPending.bucketMonths.forEach((m) => bucketsSeen.add(m));
      // Notes only for the cases in a bucket, not for every open case of the court.
      const listed = courtCases.flatMap((c) => {
        const status = classifyLongPending({ filedOn: c.filedOn as LocalDate }, today, longPending);
        return status.bucketMonths === null || status.reachedOn === null ? [] : [{ c, bucketMonths: status.bucketMonths, reachedOn: status.reachedOn }];
      });
      const notes = new Map((await repos.longPending.listNotes(courtId, listed.map(({ c }) => c.id))).map((n) => [n.caseId, n]));
      for (const { c, bucketMonths, reachedOn } of listed) {
        const age = measurePendingAge(c.filedOn as LocalDate, today);
        const note = notes.get(c.id);
        rows.push({
          caseId: c.id,
          courtId: c.courtId,
          courtName: c.courtName,
          caseNumber: c.caseNumber,
          departmentName: c.departmentName,
          judgeName: c.judgeName,
          filedOn: c.filedOn,
          monthsPending: age.months,
          daysPending: age.days,
          bucketMonths,
          reachedOn,
          reason: note?.reason ?? null,
          responsibleName: note?.responsibleName ?? null,
          noteUpdatedBy: note?.updatedBy ?? null,
          noteUpdatedAt: note?.updatedAt ?? null,
          noteVersion: note?.version ?? 0,
        });
      }
    }
    const selected = rows
      .filter((r) => (query.minMonths === undefined || r.bucketMonths >= query.minMonths) && (query.noted === undefined || (r.reason !== null) === (query.noted === 'true')))
      .sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.caseNumber.localeCompare(b.caseNumber));
    const buckets = [...bucketsSeen].sort((a, b) => a - b);
    return { today, selected, bucketCounts: countBuckets(buckets, selected.map((r) => r.bucketMonths)) };
  }

  /** Counts one court's open cases into its buckets and keeps them as this ISO week's snapshot. */
  async function snapshotCourt(courtId: string, day: string, by: AuditActor): Promise<LongPendingSnapshotTable> {
    const { longPending } = await loadTrialLimitSettings(repos, courtId);
    const filed = await repos.trialCases.listOpenFiledOn(courtId);
    const reached = filed.map((filedOn) => classifyLongPending({ filedOn: filedOn as LocalDate }, day as LocalDate, longPending).bucketMonths);
    const row: LongPendingSnapshotTable = {
      id: newId(),
      courtId,
      isoWeek: isoWeekOf(day as LocalDate),
      takenOn: day,
      openCases: filed.length,
      buckets: JSON.stringify(countBuckets(longPending.bucketMonths, reached)),
      takenBy: by.name,
      createdAt: clock.now().toISOString(),
    };
    await store.transaction(async (trx) => {
      await trx.longPending.upsertSnapshot(row);
      await writeAudit(trx, clock, by, {
        courtId,
        action: 'long_pending.snapshot',
        summary: `长期未结周快照（${row.isoWeek}）：未结 ${row.openCases} 件，${countBuckets(longPending.bucketMonths, reached).map((b) => `${b.months}个月以上 ${b.count} 件`).join('，')}`,
      });
    });
    return row;
  }

  function present(row: LongPendingSnapshotTable, courtName: string): LongPendingSnapshotView {
    return { courtId: row.courtId, courtName, isoWeek: row.isoWeek, takenOn: row.takenOn, openCases: row.openCases, buckets: JSON.parse(row.buckets), takenBy: row.takenBy };
  }

  async function courtInScope(actor: Actor, courtId: string) {
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
  }

  return {
    async list(actor: Actor, query: LongPendingQuery): Promise<LongPendingList> {
      await access.require(actor, 'case.read');
      const { today, selected, bucketCounts } = await ledgerRows(actor, query);
      const start = (query.page - 1) * query.pageSize;
      return { items: selected.slice(start, start + query.pageSize), total: selected.length, page: query.page, pageSize: query.pageSize, asOf: today, bucketCounts };
    },

    async exportXlsx(actor: Actor, query: Omit<LongPendingQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      await access.require(actor, 'case.read');
      const { today, selected } = await ledgerRows(actor, query);
      const rows = selected.slice(0, EXPORT_ROW_LIMIT);
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'long_pending.export', summary: `导出长期未结台账 ${rows.length} 件（${today}）` }));
      return buildXlsx('长期未结', [
        { header: '案号', width: 26, value: (r) => r.caseNumber },
        { header: '法院', width: 24, value: (r) => r.courtName },
        { header: '部门', width: 16, value: (r) => r.departmentName },
        { header: '承办法官', value: (r) => r.judgeName },
        { header: '立案日期', width: 12, value: (r) => r.filedOn },
        { header: '已立案（月）', width: 12, value: (r) => r.monthsPending },
        { header: '已立案（日）', width: 12, value: (r) => r.daysPending },
        { header: '分档', width: 12, value: (r) => `${r.bucketMonths}个月以上` },
        { header: '未结原因', width: 40, value: (r) => r.reason },
        { header: '责任人', value: (r) => r.responsibleName },
        { header: '填写人', value: (r) => r.noteUpdatedBy },
        { header: '填写时间', width: 20, value: (r) => formatChinaTime(r.noteUpdatedAt) },
      ], rows);
    },

    /** Records or changes a case's reason and responsible person (case.process), audited with both values. */
    async saveNote(actor: Actor, caseId: string, input: LongPendingNoteInput): Promise<LongPendingNoteView> {
      await access.require(actor, 'case.process');
      const c = await repos.cases.getSummary(actor.scope, caseId);
      if (!c) throw new NotFoundError('courtCase', caseId);
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const current = await trx.longPending.getNote(c.courtId, c.id);
        if ((current?.version ?? 0) !== input.version) throw new StaleVersionError('longPendingNote');
        const patch = { reason: input.reason, responsibleName: input.responsibleName, updatedBy: actor.displayName, updatedAt: nowIso };
        if (!current) await trx.longPending.insertNote({ id: newId(), courtId: c.courtId, caseId: c.id, ...patch, createdAt: nowIso, version: 1 });
        else if (!(await trx.longPending.updateNote(c.courtId, c.id, input.version, patch))) throw new StaleVersionError('longPendingNote');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'long_pending.note',
          targetType: 'court_case',
          targetId: c.id,
          summary: `长期未结原因（${c.caseNumber}）：${current ? `「${current.reason}」（责任人 ${current.responsibleName}）→ ` : ''}「${input.reason}」（责任人 ${input.responsibleName}）`,
        });
        return { caseId: c.id, reason: input.reason, responsibleName: input.responsibleName, updatedBy: actor.displayName, updatedAt: nowIso, version: input.version + 1 };
      });
    },

    /** 立即生成本周快照 for one court (case.process; replaces this week's snapshot). */
    async takeSnapshot(actor: Actor, input: LongPendingSnapshotInput): Promise<LongPendingSnapshotView> {
      await access.require(actor, 'case.process');
      const court = await courtInScope(actor, input.courtId ?? actor.courtId);
      return present(await snapshotCourt(court.id, chinaToday(clock), auditActorOf(actor)), court.name);
    },

    async snapshots(actor: Actor, query: LongPendingSnapshotQuery): Promise<LongPendingSnapshotView[]> {
      await access.require(actor, 'case.read');
      const court = await courtInScope(actor, query.courtId ?? actor.courtId);
      const from = query.from ?? new Date(clock.now().getTime() + 8 * 3_600_000 - TREND_DAYS * 86_400_000).toISOString().slice(0, 10);
      const rows = await repos.longPending.listSnapshots(court.id, from);
      return rows.map((row) => present(row, court.name));
    },

    /** Called by the daily sweep: on Mondays, this week's snapshot of each court it swept. */
    async takeWeeklySnapshots(day: string, courtIds: readonly string[]): Promise<void> {
      if (isoWeekday(day as LocalDate) !== 1) return;
      for (const courtId of courtIds) await snapshotCourt(courtId, day, SYSTEM_ACTOR);
    },
  };
}
export type LongPendingService = ReturnType<typeof createLongPendingService>;
