import { formatCitations, scoreRisk, type Citation, type Paged, type RiskLevel, type RiskMatrix, type WarningListQuery, type WarningTriageInput, type WarningView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { WarningTable } from '../db/schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import { viewerOf, type RiskRegistrar } from './risk.service.js';
import { forCourt } from './risk-settings.service.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

export function presentWarning(row: WarningTable & { caseNumber: string; riskId: string | null }): WarningView {
  return {
    id: row.id,
    courtId: row.courtId,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    pack: row.pack,
    domain: row.domain as WarningView['domain'],
    subtype: row.subtype,
    level: row.level as WarningView['level'],
    score: row.score,
    title: row.title,
    evidence: JSON.parse(row.evidence) as WarningView['evidence'],
    suggestedAction: row.suggestedAction,
    source: formatCitations(parseCitations(row.source)),
    status: row.status as WarningView['status'],
    active: row.active === 1,
    dismissReason: row.dismissReason,
    triagedBy: row.triagedBy,
    triagedAt: row.triagedAt,
    mergedInto: row.mergedInto,
    riskId: row.riskId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function parseCitations(json: string): Citation[] {
  try {
    return JSON.parse(json) as Citation[];
  } catch {
    return [];
  }
}

/** Citations as one line: 《中华人民共和国刑法》（2020年修正） 第一百七十六条；… */
const ACTION_LABEL = { confirm: '确认', merge: '合并', dismiss: '排除' } as const;

/**
 * Likelihood × impact for a warning confirmed without a score of its own: the lowest product that the
 * court's matrix puts at the warning's level (PRODUCT.md §4), so the risk starts at the warning's level
 * and an assessment raises it if need be.
 */
export function factorsForLevel(level: RiskLevel, matrix: RiskMatrix): { likelihood: number; impact: number } {
  const pairs = [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((impact) => ({ likelihood, impact })));
  pairs.sort((a, b) => a.likelihood * a.impact - b.likelihood * b.impact || b.likelihood - a.likelihood);
  return pairs.find((p) => scoreRisk(p.likelihood, p.impact, matrix).level === level) ?? { likelihood: 1, impact: 1 };
}

type WarningRow = NonNullable<Awaited<ReturnType<Repositories['warnings']['getById']>>>;
type ConfirmInput = Extract<WarningTriageInput, { action: 'confirm' }>;

export function createWarningService({ store, access, clock, registrar }: { store: Store; access: AccessChecker; clock: Clock; registrar: RiskRegistrar }) {
  const { repos } = store;

  /**
   * What confirming does to the register (PRODUCT.md §5: 已确认 creates or joins a risk), validated
   * before the transaction; returns the write to run inside it and the words for the audit entry.
   */
  async function prepareRisk(actor: Actor, warning: WarningRow, input: ConfirmInput): Promise<(trx: Repositories, at: string) => Promise<string>> {
    const choice = input.risk;
    if (choice?.mode === 'join') {
      const risk = await repos.risks.getVisible(viewerOf(actor), choice.riskId);
      if (!risk || risk.courtId !== warning.courtId) throw new ValidationError('只能并入同一法院中的风险事项', [{ path: 'risk.riskId', message: '风险事项不存在或不属于该预警的法院' }]);
      if (risk.status === 'closed') throw new ValidationError('已销号的风险不能并入预警，请先重新启动', [{ path: 'risk.riskId', message: '该风险已销号' }]);
      return async (trx, at) => {
        await registrar.joinWarning(trx, actor, risk, warning, at);
        return `，并入风险「${risk.title}」`;
      };
    }
    const factors = choice ?? factorsForLevel(warning.level as RiskLevel, (await forCourt(repos, warning.courtId)).matrix);
    // The triager owns the new risk when it is of the same court; an upper court's triager leaves it to that court.
    const ownership = await registrar.resolveOwnership(
      warning.courtId,
      choice?.ownerId ?? (actor.courtId === warning.courtId ? actor.accountId : undefined),
      choice?.departmentId ?? warning.departmentId ?? undefined,
      'risk.',
    );
    const title = choice?.title ?? warning.title;
    return async (trx, at) => {
      await registrar.register(
        trx,
        actor,
        {
          courtId: warning.courtId,
          domain: warning.domain as WarningView['domain'],
          subtype: warning.subtype,
          title,
          description: `由预警确认：${warning.title}（案件 ${warning.caseNumber}；规则 ${warning.ruleId} 第 ${warning.ruleVersion} 版）。${warning.suggestedAction ? `建议：${warning.suggestedAction}` : ''}${input.note ? `备注：${input.note}` : ''}`,
          tags: [],
          likelihood: factors.likelihood,
          impact: factors.impact,
          caseIds: [warning.caseId],
          ...ownership,
          assignedByCourtId: null,
          warningId: warning.id,
        },
        at,
      );
      return `，新建风险「${title}」`;
    };
  }

  return {
    async list(actor: Actor, query: WarningListQuery): Promise<Paged<WarningView>> {
      await access.require(actor, 'warning.read');
      const { rows, total } = await repos.warnings.list(actor.scope, query);
      return { items: rows.map(presentWarning), total, page: query.page, pageSize: query.pageSize };
    },
    /**
     * 待研判 → 已确认 | 已合并 | 已排除 (PRODUCT.md §5). Only pending warnings can be triaged;
     * a dismissal needs a reason (it feeds the rule's precision figure).
     */
    async triage(actor: Actor, id: string, input: WarningTriageInput): Promise<WarningView> {
      await access.require(actor, 'warning.triage');
      const row = await repos.warnings.getById(id);
      const current = access.inScope(actor, row && { ...row, ownerId: row.judgeAccountId }, 'warning', id);
      if (current.status !== 'pending') throw new ConflictError('该预警已处理，不能重复处理');
      const nowIso = clock.now().toISOString();
      const patch: Partial<WarningTable> = { status: input.action === 'confirm' ? 'confirmed' : input.action === 'merge' ? 'merged' : 'dismissed', triagedBy: actor.username, triagedAt: nowIso, updatedAt: nowIso };
      if (input.action === 'dismiss') patch.dismissReason = input.reason;
      if (input.action === 'confirm' && input.note) patch.triageNote = input.note;
      if (input.action === 'merge') {
        const target = await repos.warnings.getById(input.intoWarningId);
        // Merge into a live warning only, so merges never chain or land on a dismissed one.
        if (!target || target.courtId !== current.courtId || target.id === current.id || !['pending', 'confirmed'].includes(target.status)) {
          throw new ValidationError('只能合并到同一法院中待研判或已确认的另一条预警', [{ path: 'intoWarningId', message: '目标预警无效' }]);
        }
        patch.mergedInto = target.id;
      }
      const writeRisk = input.action === 'confirm' ? await prepareRisk(actor, current, input) : undefined;
      await store.transaction(async (trx) => {
        if (!(await trx.warnings.updateVersioned(id, input.version, patch))) throw new StaleVersionError('warning');
        const riskText = writeRisk ? await writeRisk(trx, nowIso) : '';
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: `warning.${input.action}`,
          targetType: 'warning',
          targetId: id,
          summary: `${ACTION_LABEL[input.action]}预警「${current.title}」（${current.caseNumber}）${input.action === 'dismiss' ? `，理由：${input.reason}` : ''}${input.action === 'confirm' && input.note ? `，备注：${input.note}` : ''}${riskText}`,
        });
      });
      return presentWarning((await repos.warnings.getById(id))!);
    },
  };
}
export type WarningService = ReturnType<typeof createWarningService>;
