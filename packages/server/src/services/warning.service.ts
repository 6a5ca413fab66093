import type { Citation, Paged, WarningListQuery, WarningTriageInput, WarningView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { WarningTable } from '../db/schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

export function presentWarning(row: WarningTable & { caseNumber: string }): WarningView {
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
export function formatCitations(citations: readonly Citation[]): string {
  return citations.map((c) => `《${c.document}》${c.edition ? `（${c.edition}）` : ''}${c.article ? ` ${c.article}` : ''}`).join('；');
}

const ACTION_LABEL = { confirm: '确认', merge: '合并', dismiss: '排除' } as const;

export function createWarningService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;
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
      await store.transaction(async (trx) => {
        if (!(await trx.warnings.updateVersioned(id, input.version, patch))) throw new StaleVersionError('warning');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: `warning.${input.action}`,
          targetType: 'warning',
          targetId: id,
          summary: `${ACTION_LABEL[input.action]}预警「${current.title}」（${current.caseNumber}）${input.action === 'dismiss' ? `，理由：${input.reason}` : ''}${input.action === 'confirm' && input.note ? `，备注：${input.note}` : ''}`,
        });
      });
      return presentWarning((await repos.warnings.getById(id))!);
    },
  };
}
export type WarningService = ReturnType<typeof createWarningService>;
