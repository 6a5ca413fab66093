import {
  getFourCategory,
  proposeFourCategories,
  supervisionActionLabel,
  type CaseFourCategoryView,
  type FourCategoryCaseRow,
  type FourCategoryCode,
  type FourCategoryConfirmInput,
  type FourCategoryItemCode,
  type FourCategoryLabelView,
  type FourCategoryList,
  type FourCategoryListQuery,
  type FourCategoryRejectInput,
  type FourCategoryRevokeInput,
  type SupervisionAction,
  type SupervisionInput,
  type SupervisionView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import type { FourCategoryLabelTable, FourCategorySupervisionTable } from '../db/schema.js';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

/** A supervision may be recorded a little after the fact, never in the future (clock skew allowed). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const categoryText = (code: FourCategoryCode) => {
  const category = getFourCategory(code);
  return `${category.ordinal}${category.label}`;
};
const itemLabels = (code: FourCategoryCode, items: readonly string[]) => getFourCategory(code).items.filter((i) => items.includes(i.code)).map((i) => i.label);

function presentLabel(row: FourCategoryLabelTable): FourCategoryLabelView {
  const category = row.category as FourCategoryCode;
  const items = JSON.parse(row.itemCodes) as FourCategoryItemCode[];
  return {
    id: row.id,
    caseId: row.caseId,
    category,
    categoryLabel: categoryText(category),
    itemCodes: items,
    itemLabels: itemLabels(category, items),
    status: row.status as FourCategoryLabelView['status'],
    reason: row.reason,
    proposedBy: JSON.parse(row.proposedBy) as string[],
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    revokeReason: row.revokeReason,
    version: row.version,
  };
}

function presentSupervision(row: FourCategorySupervisionTable): SupervisionView {
  const action = row.action as SupervisionAction;
  return { id: row.id, caseId: row.caseId, action, actionLabel: supervisionActionLabel[action] ?? row.action, actedAt: row.actedAt, content: row.content, supervisorName: row.supervisorName, createdAt: row.createdAt };
}

/**
 * 四类案件 (法发〔2021〕30号): proposals derived from the case's active screening findings (core
 * proposeFourCategories), labels confirmed or rejected by a person with case.supervise (院庭长), and
 * supervision records — everything kept and audited (全程留痕); a label is revoked, never deleted.
 */
export function createFourCategoryService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  async function loadCase(actor: Actor, caseId: string) {
    const c = await repos.cases.getSummary(actor.scope, caseId);
    if (!c) throw new NotFoundError('courtCase', caseId);
    return c;
  }

  /** Current proposals: active, untriaged-or-confirmed findings, minus categories a person has decided. */
  async function proposalsFor(trx: Pick<Repositories, 'warnings'>, c: { id: string; courtId: string; partyCount: number }, labels: readonly FourCategoryLabelTable[]) {
    const findings = (await trx.warnings.listForCases(c.courtId, [c.id])).filter((w) => w.active === 1 && (w.status === 'pending' || w.status === 'confirmed'));
    return proposeFourCategories({ partyCount: c.partyCount, findings }, new Set(labels.map((l) => l.category as FourCategoryCode)));
  }

  async function view(trx: Repositories, c: { id: string; courtId: string; partyCount: number }): Promise<CaseFourCategoryView> {
    const labels = await trx.fourCategories.listLabelsForCase(c.courtId, c.id);
    const proposals = await proposalsFor(trx, c, labels);
    return {
      caseId: c.id,
      labels: labels.map(presentLabel),
      proposals: proposals.map((p) => ({ ...p, categoryLabel: categoryText(p.category), itemLabels: itemLabels(p.category, p.itemCodes) })),
      supervisions: (await trx.fourCategories.listSupervisions(c.courtId, c.id)).map(presentSupervision),
    };
  }

  return {
    async forCase(actor: Actor, caseId: string): Promise<CaseFourCategoryView> {
      await access.require(actor, 'case.read');
      return view(repos, await loadCase(actor, caseId));
    },

    /** Labels the case with a category (a proposal as confirmed, or adjusted, or by hand). */
    async confirm(actor: Actor, caseId: string, input: FourCategoryConfirmInput): Promise<CaseFourCategoryView> {
      await access.require(actor, 'case.supervise');
      const c = await loadCase(actor, caseId);
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const labels = await trx.fourCategories.listLabelsForCase(c.courtId, c.id);
        const existing = labels.find((l) => l.category === input.category);
        if (existing?.status === 'confirmed') throw new ConflictError(`该案件已标注为${categoryText(input.category)}`);
        const proposal = (await proposalsFor(trx, c, labels.filter((l) => l !== existing))).find((p) => p.category === input.category);
        const fields = { itemCodes: JSON.stringify(input.itemCodes), status: 'confirmed', reason: input.reason, proposedBy: JSON.stringify(proposal?.ruleIds ?? []), decidedBy: actor.displayName, decidedAt: nowIso, revokeReason: null, updatedAt: nowIso };
        if (!existing) await trx.fourCategories.insertLabel({ id: newId(), courtId: c.courtId, caseId: c.id, category: input.category, ...fields, createdAt: nowIso, version: 1 });
        else if (!(await trx.fourCategories.updateLabel(c.courtId, existing.id, existing.version, fields))) throw new StaleVersionError('fourCategoryLabel');
        const items = itemLabels(input.category, input.itemCodes);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'four_category.label',
          targetType: 'court_case',
          targetId: c.id,
          summary: `标注四类案件（${c.caseNumber}）：${categoryText(input.category)}${items.length ? `——${items.join('；')}` : ''}；理由：${input.reason}${proposal ? `（系统建议：${proposal.ruleIds.join('、') || '当事人人数'}）` : ''}`,
        });
        return view(trx, c);
      });
    },

    /** Records that a proposal does not apply, so it is not proposed again. */
    async reject(actor: Actor, caseId: string, input: FourCategoryRejectInput): Promise<CaseFourCategoryView> {
      await access.require(actor, 'case.supervise');
      const c = await loadCase(actor, caseId);
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const labels = await trx.fourCategories.listLabelsForCase(c.courtId, c.id);
        const existing = labels.find((l) => l.category === input.category);
        if (existing) throw new ConflictError(`${categoryText(input.category)}已经处理过（${existing.status === 'confirmed' ? '已标注' : '已驳回或撤销'}），不能再驳回建议`);
        const proposal = (await proposalsFor(trx, c, labels)).find((p) => p.category === input.category);
        await trx.fourCategories.insertLabel({
          id: newId(),
          courtId: c.courtId,
          caseId: c.id,
          category: input.category,
          itemCodes: JSON.stringify(proposal?.itemCodes ?? []),
          status: 'rejected',
          reason: input.reason,
          proposedBy: JSON.stringify(proposal?.ruleIds ?? []),
          decidedBy: actor.displayName,
          decidedAt: nowIso,
          revokeReason: null,
          createdAt: nowIso,
          updatedAt: nowIso,
          version: 1,
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'four_category.reject',
          targetType: 'court_case',
          targetId: c.id,
          summary: `不予标注四类案件（${c.caseNumber}）：${categoryText(input.category)}；理由：${input.reason}`,
        });
        return view(trx, c);
      });
    },

    /** Removes a confirmed label; the row stays as 已撤销 with the reason. */
    async revoke(actor: Actor, labelId: string, input: FourCategoryRevokeInput): Promise<CaseFourCategoryView> {
      await access.require(actor, 'case.supervise');
      const label = await repos.fourCategories.getLabelById(labelId);
      if (!label) throw new NotFoundError('fourCategoryLabel', labelId);
      const c = await repos.cases.getSummary(actor.scope, label.caseId);
      if (!c || c.courtId !== label.courtId) throw new NotFoundError('fourCategoryLabel', labelId);
      if (label.status !== 'confirmed') throw new ConflictError('只能撤销已标注的四类案件');
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        if (!(await trx.fourCategories.updateLabel(c.courtId, label.id, input.version, { status: 'revoked', revokeReason: input.reason, decidedBy: actor.displayName, decidedAt: nowIso, updatedAt: nowIso }))) {
          throw new StaleVersionError('fourCategoryLabel');
        }
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'four_category.revoke',
          targetType: 'court_case',
          targetId: c.id,
          summary: `撤销四类案件标注（${c.caseNumber}）：${categoryText(label.category as FourCategoryCode)}；理由：${input.reason}`,
        });
        return view(trx, c);
      });
    },

    /** 院庭长 supervision record on a labelled case: action, time and content, append-only. */
    async addSupervision(actor: Actor, caseId: string, input: SupervisionInput): Promise<CaseFourCategoryView> {
      await access.require(actor, 'case.supervise');
      const c = await loadCase(actor, caseId);
      const now = clock.now();
      if (Date.parse(input.actedAt) > now.getTime() + FUTURE_TOLERANCE_MS) throw new ValidationError('监督时间不能晚于现在', [{ path: 'actedAt', message: '监督时间不能晚于现在' }]);
      return store.transaction(async (trx) => {
        const labels = await trx.fourCategories.listLabelsForCase(c.courtId, c.id);
        if (!labels.some((l) => l.status === 'confirmed')) throw new ConflictError('该案件尚未标注为四类案件，请先标注再记录监督情况');
        const actedAt = new Date(input.actedAt).toISOString();
        await trx.fourCategories.insertSupervision({ id: newId(), courtId: c.courtId, caseId: c.id, action: input.action, actedAt, content: input.content, supervisorId: actor.accountId, supervisorName: actor.displayName, createdAt: now.toISOString() });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'four_category.supervision',
          targetType: 'court_case',
          targetId: c.id,
          summary: `四类案件监督（${c.caseNumber}）：${supervisionActionLabel[input.action]}；${input.content}`,
        });
        return view(trx, c);
      });
    },

    /** Labelled cases in scope with their categories, plus counts per court, department and category. */
    async list(actor: Actor, query: FourCategoryListQuery): Promise<FourCategoryList> {
      await access.require(actor, 'case.read');
      const { page, pageSize, ...filter } = query;
      const [{ items, total }, counts] = await Promise.all([caseRows(actor, filter, { limit: pageSize, offset: (page - 1) * pageSize }), repos.fourCategories.countByDepartment(actor.scope, filter)]);
      return {
        items,
        total,
        page,
        pageSize,
        counts: counts.map((c) => ({ courtName: c.courtName, departmentName: c.departmentName, category: c.category as FourCategoryCode, cases: Number(c.cases), unsupervised: Number(c.unsupervised ?? 0) })),
      };
    },

    /** The list as XLSX: the same filters and order, every matching case (up to the export cap), audited. */
    async exportXlsx(actor: Actor, query: Omit<FourCategoryListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      await access.require(actor, 'case.read');
      const { courtId, departmentId, category, open } = query;
      const { items } = await caseRows(actor, { courtId, departmentId, category, open }, { limit: EXPORT_ROW_LIMIT, offset: 0 });
      const filters = [category ? categoryText(category) : '', open === 'true' ? '仅未结' : ''].filter((text) => text !== '');
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'four_category.export', summary: `导出四类案件 ${items.length} 件${filters.length ? `（${filters.join('，')}）` : ''}` }),
      );
      return buildXlsx('四类案件', [
        { header: '案号', width: 26, value: (r) => r.caseNumber },
        { header: '法院', width: 24, value: (r) => r.courtName },
        { header: '部门', width: 16, value: (r) => r.departmentName },
        { header: '承办法官', value: (r) => r.judgeName },
        { header: '立案日期', width: 12, value: (r) => r.filedOn },
        { header: '结案日期', width: 12, value: (r) => r.closedOn },
        { header: '四类案件类别', width: 48, value: (r) => r.categories.map((c) => c.label).join('；') },
        // Each sub-item after its category's ordinal, so a case of two categories reads which is which.
        {
          header: '具体情形',
          width: 48,
          value: (r) => r.categories.flatMap((c) => c.itemLabels.map((item) => `${getFourCategory(c.category as FourCategoryCode).ordinal}${item}`)).join('；'),
        },
        { header: '监督次数', width: 10, value: (r) => r.supervisionCount },
        { header: '最近监督时间', width: 20, value: (r) => formatChinaTime(r.lastSupervisedAt) },
      ], items);
    },
  };

  /** One page (or the export's rows) of labelled cases with their confirmed categories. */
  async function caseRows(actor: Actor, filter: Omit<FourCategoryListQuery, 'page' | 'pageSize'>, page: { limit: number; offset: number }): Promise<{ items: FourCategoryCaseRow[]; total: number }> {
    const { rows, total } = await repos.fourCategories.listCases(actor.scope, filter, page);
    const labels = new Map<string, FourCategoryLabelTable[]>();
    for (const [courtId, courtRows] of groupBy(rows, (r) => r.courtId)) {
      for (const [caseId, caseLabels] of groupBy(await repos.fourCategories.listLabelsForCases(courtId, courtRows.map((r) => r.id)), (l) => l.caseId)) labels.set(caseId, caseLabels);
    }
    return {
      items: rows.map((r) => ({
        caseId: r.id,
        courtName: r.courtName,
        caseNumber: r.caseNumber,
        departmentName: r.departmentName,
        judgeName: r.judgeName,
        filedOn: r.filedOn,
        closedOn: r.closedOn,
        categories: (labels.get(r.id) ?? [])
          .map(presentLabel)
          .sort((a, b) => a.category.localeCompare(b.category))
          .map((l) => ({ category: l.category, label: l.categoryLabel, itemLabels: l.itemLabels })),
        supervisionCount: Number(r.supervisionCount ?? 0),
        lastSupervisedAt: (r.lastSupervisedAt as string | null) ?? null,
      })),
      total,
    };
  }
}
export type FourCategoryService = ReturnType<typeof createFourCategoryService>;
