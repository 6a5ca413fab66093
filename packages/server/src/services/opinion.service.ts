import {
  addDays,
  chinaDateOf,
  opinionEntryModeLabel,
  OpinionItemInput,
  opinionResponseChannelLabel,
  opinionSourceKindLabel,
  sentimentLabelText,
  type OpinionBatchInput,
  type OpinionIntakeResult,
  type OpinionItemDetailView,
  type OpinionItemView,
  type OpinionListQuery,
  type OpinionMatchDecisionInput,
  type OpinionMetricsInput,
  type OpinionResponseInput,
  type OpinionRowProblem,
  type OpinionTrendQuery,
  type OpinionTrendView,
  type LocalDate,
  type Paged,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { OpinionCaseMatchTable, OpinionItemTable, OpinionMetricSnapshotTable, OpinionResponseTable, OpinionWarningTable } from '../db/schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import { newId } from '../ids.js';
import type { OpinionFilter } from '../repositories/opinion.repository.js';
import { chinaDayEndUtc, chinaDayStartUtc } from '../repositories/time-filter.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { EntryMode, OpinionIntake } from './opinion-intake.js';
import type { Store } from './store.js';

type ItemRow = OpinionItemTable & { matchCount: unknown; confirmedMatchCount: unknown; warningCount: unknown; responseCount: unknown };

export function presentOpinionItem(row: ItemRow): OpinionItemView {
  return {
    id: row.id,
    courtId: row.courtId,
    sourceKind: row.sourceKind as OpinionItemView['sourceKind'],
    sourceName: row.sourceName,
    url: row.url,
    title: row.title,
    author: row.author,
    publishedAt: row.publishedAt,
    entryMode: row.entryMode as OpinionItemView['entryMode'],
    sentimentScore: Number(row.sentimentScore),
    sentimentLabel: row.sentimentLabel as OpinionItemView['sentimentLabel'],
    heat: Number(row.heat),
    growthPerHour: row.growthPerHour === null ? null : Number(row.growthPerHour),
    spike: row.spike === 1,
    matchCount: Number(row.matchCount ?? 0),
    confirmedMatchCount: Number(row.confirmedMatchCount ?? 0),
    warningCount: Number(row.warningCount ?? 0),
    responseCount: Number(row.responseCount ?? 0),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const presentSnapshot = (s: OpinionMetricSnapshotTable) => ({ id: s.id, capturedAt: s.capturedAt, reads: Number(s.reads), reposts: Number(s.reposts), comments: Number(s.comments), likes: Number(s.likes), heat: Number(s.heat) });
const presentMatch = (m: OpinionCaseMatchTable) => ({
  id: m.id, caseId: m.caseId, caseNumber: m.caseNumber, score: Number(m.score), confidence: m.confidence as 'high' | 'medium' | 'low', evidence: JSON.parse(m.evidence) as OpinionItemDetailView['matches'][number]['evidence'],
  status: m.status, decidedBy: m.decidedBy, decidedAt: m.decidedAt, note: m.note,
});
export const presentWarning = (w: OpinionWarningTable) => ({
  id: w.id, ruleId: w.ruleId, ruleVersion: w.ruleVersion, pack: w.pack, domain: w.domain, subtype: w.subtype, level: w.level as OpinionItemDetailView['warnings'][number]['level'], title: w.title,
  explanation: w.explanation, evidence: JSON.parse(w.evidence) as unknown[], caseIds: JSON.parse(w.caseIds) as string[],
  status: w.status as 'pending' | 'confirmed', riskId: w.riskId, createdAt: w.createdAt, updatedAt: w.updatedAt, version: w.version,
});
const presentResponse = (r: OpinionResponseTable) => ({
  id: r.id, respondedAt: r.respondedAt, channel: r.channel as OpinionItemDetailView['responses'][number]['channel'], content: r.content, responder: r.responder, url: r.url, createdBy: r.createdBy, createdAt: r.createdAt,
});

/** Items of one batch per transaction. */
const BATCH = 100;
/** Items in the heat trend chart besides the total. */
const TREND_SERIES = 8;

const raisedNote = (raised: readonly string[]) => (raised.length > 0 ? `；触发预警：${raised.join('、')}` : '');
const cn = (iso: string) => formatChinaTime(iso);

/** A rejected row, in the shape of batch and import results. */
export const rowProblem = (row: number, column: string, message: string, title: string | null = null): OpinionRowProblem => ({ row, column, message, title });

/** The rows an intake applies: parsed items, or the problems that kept a row out. */
export type IntakeRow = { row: number; input: OpinionItemInput } | { row: number; problems: OpinionRowProblem[] };

/** 舆情 (issue 6): items, their snapshots, case matches, warnings and the court's responses. */
export function createOpinionService({ store, access, clock, intake }: { store: Store; access: AccessChecker; clock: Clock; intake: OpinionIntake }) {
  const { repos } = store;

  async function visibleItem(actor: Actor, id: string) {
    const row = await repos.opinion.getById(id);
    return access.inScope(actor, row && { ...row, ownerId: row.createdBy }, 'opinionItem', id);
  }

  async function detail(actor: Actor, item: ItemRow): Promise<OpinionItemDetailView> {
    const [snapshots, matches, warnings, responses] = await Promise.all([
      repos.opinion.listSnapshots(item.courtId, item.id),
      repos.opinion.listMatches(item.courtId, item.id),
      repos.opinion.listWarnings(item.courtId, item.id),
      repos.opinion.listResponses(item.courtId, item.id),
    ]);
    const sentiment = JSON.parse(item.sentimentDetail) as OpinionItemDetailView['sentiment'];
    return {
      ...presentOpinionItem(item),
      text: item.text,
      sentiment,
      heatExplanation: item.heatExplanation,
      snapshots: snapshots.map(presentSnapshot),
      matches: matches.map(presentMatch),
      warnings: warnings.map(presentWarning),
      responses: responses.map(presentResponse),
      abilities: { manage: actor.permissions.has('opinion.manage') },
    };
  }

  const reload = async (actor: Actor, id: string) => detail(actor, (await repos.opinion.getById(id))!);

  /**
   * Applies intake rows in batches: each batch one transaction with one audit entry. A row whose
   * own write fails is not possible after validation except by a database fault, which aborts.
   */
  async function applyRows(actor: Actor, rows: readonly IntakeRow[], mode: EntryMode, source: string, jobId: string | null): Promise<OpinionIntakeResult> {
    const errors: OpinionRowProblem[] = rows.flatMap((r) => ('problems' in r ? r.problems : []));
    const good = rows.filter((r): r is Extract<IntakeRow, { input: unknown }> => 'input' in r);
    const counts = { created: 0, snapshotted: 0, unchanged: 0 };
    const itemIds: string[] = [];
    const context = await intake.contextFor(actor.courtId);
    for (let start = 0; start < good.length; start += BATCH) {
      const chunk = good.slice(start, start + BATCH);
      await store.transaction(async (trx) => {
        const at = clock.now().toISOString();
        const batch = { created: 0, snapshotted: 0, unchanged: 0 };
        const raised: string[] = [];
        for (const r of chunk) {
          const result = await intake.ingest(trx, context, actor.courtId, r.input, { mode, accountId: actor.accountId, at });
          batch[result.outcome]++;
          raised.push(...result.raised.map((title) => `「${result.item.title}」${title}`));
          itemIds.push(result.item.id);
        }
        counts.created += batch.created;
        counts.snapshotted += batch.snapshotted;
        counts.unchanged += batch.unchanged;
        if (batch.created + batch.snapshotted === 0) return;
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'opinion.import',
          ...(jobId ? { targetType: 'import_job', targetId: jobId } : {}),
          summary: `${source}登记舆情：新增 ${batch.created} 条，追加传播指标 ${batch.snapshotted} 条，无变化 ${batch.unchanged} 条${raisedNote(raised)}`,
        });
      });
    }
    const errorRows = new Set(errors.map((e) => e.row)).size;
    return { jobId, totalRows: rows.length, ...counts, errorRows, errors, itemIds };
  }

  return {
    applyRows,

    async list(actor: Actor, query: OpinionListQuery): Promise<Paged<OpinionItemView>> {
      await access.require(actor, 'opinion.read');
      const { rows, total } = await repos.opinion.list(actor.scope, query);
      return { items: rows.map(presentOpinionItem), total, page: query.page, pageSize: query.pageSize };
    },

    async exportXlsx(actor: Actor, filter: OpinionFilter): Promise<Buffer> {
      await access.require(actor, 'opinion.read');
      const rows = (await repos.opinion.listAll(actor.scope, filter, EXPORT_ROW_LIMIT)).map(presentOpinionItem);
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'opinion.export', summary: `导出舆情 ${rows.length} 条` }));
      return buildXlsx('舆情', [
        { header: '发布时间', width: 18, value: (r) => cn(r.publishedAt) },
        { header: '来源类型', width: 10, value: (r) => opinionSourceKindLabel[r.sourceKind] },
        { header: '来源名称', width: 16, value: (r) => r.sourceName },
        { header: '标题', width: 40, value: (r) => r.title },
        { header: '作者', width: 12, value: (r) => r.author },
        { header: '链接', width: 30, value: (r) => r.url },
        { header: '情感倾向', width: 10, value: (r) => sentimentLabelText[r.sentimentLabel] },
        { header: '情感得分', width: 10, value: (r) => r.sentimentScore },
        { header: '热度', width: 10, value: (r) => r.heat },
        { header: '每小时增速', width: 12, value: (r) => r.growthPerHour },
        { header: '陡增', width: 8, value: (r) => (r.spike ? '是' : '否') },
        { header: '关联案件', width: 10, value: (r) => r.matchCount },
        { header: '已确认关联', width: 10, value: (r) => r.confirmedMatchCount },
        { header: '预警', width: 8, value: (r) => r.warningCount },
        { header: '回应', width: 8, value: (r) => r.responseCount },
        { header: '登记方式', width: 10, value: (r) => opinionEntryModeLabel[r.entryMode] },
      ], rows);
    },

    async get(actor: Actor, id: string): Promise<OpinionItemDetailView> {
      await access.require(actor, 'opinion.read');
      return detail(actor, await visibleItem(actor, id));
    },

    /** One item by hand or API: created (201), or a snapshot added to the same item already registered. */
    async create(actor: Actor, input: OpinionItemInput, mode: Extract<EntryMode, 'api' | 'hand'>): Promise<{ created: boolean; item: OpinionItemDetailView }> {
      await access.require(actor, 'opinion.manage');
      const context = await intake.contextFor(actor.courtId);
      const { item, outcome } = await store.transaction(async (trx) => {
        const at = clock.now().toISOString();
        const result = await intake.ingest(trx, context, actor.courtId, input, { mode, accountId: actor.accountId, at });
        if (result.outcome !== 'unchanged') {
          await writeAudit(trx, clock, auditActorOf(actor), {
            courtId: actor.courtId,
            action: result.outcome === 'created' ? 'opinion.create' : 'opinion.snapshot',
            targetType: 'opinion_item',
            targetId: result.item.id,
            summary:
              result.outcome === 'created'
                ? `登记舆情「${input.title}」（${opinionSourceKindLabel[input.sourceKind]}·${input.sourceName}；${opinionEntryModeLabel[mode]}），情感${sentimentLabelText[result.item.sentimentLabel as 'negative']}（${result.item.sentimentScore}）${raisedNote(result.raised)}`
                : `舆情「${result.item.title}」已登记，追加传播指标（采集于 ${cn(input.metrics!.capturedAt)}）${raisedNote(result.raised)}`,
          });
        }
        return result;
      });
      return { created: outcome === 'created', item: await reload(actor, item.id) };
    },

    /** POST /opinion/items/batch: each array element validated alone; rows are the array indexes. */
    async batch(actor: Actor, input: OpinionBatchInput): Promise<OpinionIntakeResult> {
      await access.require(actor, 'opinion.manage');
      const rows: IntakeRow[] = input.items.map((raw, row) => {
        const parsed = OpinionItemInput.safeParse(raw);
        if (parsed.success) return { row, input: parsed.data };
        const title = typeof (raw as { title?: unknown })?.title === 'string' ? (raw as { title: string }).title : null;
        return { row, problems: parsed.error.issues.map((issue) => rowProblem(row, issue.path.join('.') || '整条', issue.message, title)) };
      });
      const result = await applyRows(actor, rows, 'api', '接口批量', null);
      return { ...result, errors: result.errors.slice(0, 500) };
    },

    async addSnapshot(actor: Actor, id: string, metrics: OpinionMetricsInput): Promise<OpinionItemDetailView> {
      await access.require(actor, 'opinion.manage');
      const item = await visibleItem(actor, id);
      const context = await intake.contextFor(item.courtId);
      await store.transaction(async (trx) => {
        const at = clock.now().toISOString();
        const raised = await intake.snapshot(trx, context, item, metrics, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: item.courtId,
          action: 'opinion.snapshot',
          targetType: 'opinion_item',
          targetId: item.id,
          summary: `舆情「${item.title}」追加传播指标（采集于 ${cn(metrics.capturedAt)}：阅读 ${metrics.reads}、转发 ${metrics.reposts}、评论 ${metrics.comments}、点赞 ${metrics.likes}）${raisedNote(raised)}`,
        });
      });
      return reload(actor, id);
    },

    /** Confirms or rejects a suggested case match (a rejection says why); a decided match can be decided again. */
    async decideMatch(actor: Actor, id: string, input: OpinionMatchDecisionInput): Promise<OpinionItemDetailView> {
      await access.require(actor, 'opinion.manage');
      const item = await visibleItem(actor, id);
      const match = (await repos.opinion.listMatches(item.courtId, item.id)).find((m) => m.caseId === input.caseId);
      if (!match) throw new ValidationError('该案件不在此舆情的关联建议中', [{ path: 'caseId', message: '请从关联建议中选择案件' }]);
      const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
      if (match.status === status) throw new ConflictError(`案件 ${match.caseNumber} 已${status === 'confirmed' ? '确认关联' : '排除关联'}`);
      const context = await intake.contextFor(item.courtId);
      await store.transaction(async (trx) => {
        const at = clock.now().toISOString();
        if (!(await trx.opinion.updateMatchVersioned(item.courtId, match.id, match.version, { status, decidedBy: actor.displayName, decidedAt: at, note: input.note || null, updatedAt: at }))) throw new StaleVersionError('opinionItem');
        await intake.evaluate(trx, item, at, context);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: item.courtId,
          action: status === 'confirmed' ? 'opinion.match_confirm' : 'opinion.match_reject',
          targetType: 'opinion_item',
          targetId: item.id,
          summary: `舆情「${item.title}」与案件 ${match.caseNumber}：${status === 'confirmed' ? '确认关联' : '排除关联'}${input.note ? `（${input.note}）` : ''}`,
        });
      });
      return reload(actor, id);
    },

    async respond(actor: Actor, id: string, input: OpinionResponseInput): Promise<OpinionItemDetailView> {
      await access.require(actor, 'opinion.manage');
      const item = await visibleItem(actor, id);
      await store.transaction(async (trx) => {
        const at = clock.now().toISOString();
        await trx.opinion.insertResponse({
          id: newId(), courtId: item.courtId, itemId: item.id, respondedAt: new Date(input.respondedAt).toISOString(), channel: input.channel, content: input.content, responder: input.responder,
          url: input.url ?? null, createdBy: actor.accountId, createdAt: at,
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: item.courtId,
          action: 'opinion.respond',
          targetType: 'opinion_item',
          targetId: item.id,
          summary: `舆情「${item.title}」登记回应：${cn(input.respondedAt)} ${input.responder}通过${opinionResponseChannelLabel[input.channel]}回应`,
        });
      });
      return reload(actor, id);
    },

    /** Heat per China date (an item's last snapshot that day, carried forward), for the items in scope. */
    async trend(actor: Actor, query: OpinionTrendQuery): Promise<OpinionTrendView> {
      await access.require(actor, 'opinion.read');
      const dates: string[] = [];
      for (let day = query.from as LocalDate; day <= query.to && dates.length < 370; day = addDays(day, 1)) dates.push(day);
      const snapshots = await repos.opinion.listSnapshotsBetween(actor.scope, chinaDayStartUtc(query.from), chinaDayEndUtc(query.to));
      const byItem = new Map<string, { title: string; sentimentLabel: OpinionTrendView['series'][number]['sentimentLabel']; heats: (number | null)[] }>();
      for (const s of snapshots) {
        const entry = byItem.get(s.itemId) ?? { title: s.title, sentimentLabel: s.sentimentLabel as 'negative', heats: dates.map(() => null) };
        entry.heats[dates.indexOf(chinaDateOf(Date.parse(s.capturedAt)))] = Number(s.heat);
        byItem.set(s.itemId, entry);
      }
      for (const entry of byItem.values()) for (let i = 1; i < entry.heats.length; i++) if (entry.heats[i] === null) entry.heats[i] = entry.heats[i - 1]!;
      const total = dates.map((_, i) => [...byItem.values()].reduce((sum, e) => sum + (e.heats[i] ?? 0), 0));
      const series = [...byItem.entries()]
        .map(([itemId, e]) => ({ itemId, ...e }))
        .sort((a, b) => (b.heats.at(-1) ?? 0) - (a.heats.at(-1) ?? 0))
        .slice(0, TREND_SERIES);
      return { dates, series, total: total.map((n) => Math.round(n * 100) / 100) };
    },
  };
}
export type OpinionService = ReturnType<typeof createOpinionService>;
