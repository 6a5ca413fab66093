import type { OpinionWarningListItem, OpinionWarningView, Paged, PetitionWarningListItem, PetitionWarningView, RiskDomain, SourceWarningListQuery, WarningToRiskInput } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { presentWarning as presentOpinionWarning } from './opinion.service.js';
import { presentPetitionWarning } from './petition-flags.js';
import { viewerOf, type RiskRegistrar } from './risk.service.js';
import { petitionSubjects, SOURCE_WARNING_LABEL, SOURCE_WARNING_READ_PERMISSION, type SourceWarningKind } from './warning-refs.js';
import type { Store } from './store.js';


/** What both warning tables share for 转为风险. */
interface SourceWarning {
  id: string;
  courtId: string;
  domain: string;
  subtype: string;
  level: string;
  title: string;
  explanation: string;
  caseIds: string;
  ruleId: string;
  ruleVersion: number;
  status: string;
  version: number;
}

/**
 * 转为风险 (docs/petitions.md, docs/opinion.md): confirms a petition or opinion warning into the risk
 * register — a new risk or an open one of the warning's court — in one transaction with the warning's
 * new status, through the same registrar as a case warning's confirmation (warning.service.ts).
 */
export function createWarningRiskService({ store, access, clock, registrar }: { store: Store; access: AccessChecker; clock: Clock; registrar: RiskRegistrar }) {
  const { repos } = store;

  async function load(actor: Actor, kind: SourceWarningKind, id: string): Promise<SourceWarning> {
    await access.require(actor, 'warning.triage');
    await access.require(actor, SOURCE_WARNING_READ_PERMISSION[kind]);
    const row = kind === 'petition' ? await repos.petitions.getWarning(id) : await repos.opinion.getWarning(id);
    return access.inScope(actor, row, 'warning', id);
  }

  /** Linked cases that can be linked: cases of the warning's court (a 越级访 may name a lower court's case). */
  async function casesOfCourt(courtId: string, caseIdsJson: string): Promise<string[]> {
    const ids = JSON.parse(caseIdsJson) as string[];
    const found = await Promise.all(ids.map((caseId) => repos.cases.getById(caseId)));
    return ids.filter((_, index) => found[index]?.courtId === courtId);
  }

  async function confirm(actor: Actor, kind: SourceWarningKind, id: string, input: WarningToRiskInput): Promise<string> {
    const warning = await load(actor, kind, id);
    if (warning.status !== 'pending') throw new ConflictError('该预警已转为风险，不能重复处理');
    const version = input.version ?? warning.version;
    const note = input.note?.trim() ?? '';
    const caseIds = await casesOfCourt(warning.courtId, warning.caseIds);
    const label = SOURCE_WARNING_LABEL[kind];
    const choice = input.risk;
    const nowIso = clock.now().toISOString();

    let write: (trx: Repositories) => Promise<{ riskId: string; text: string }>;
    if (choice.mode === 'join') {
      const risk = await repos.risks.getVisible(viewerOf(actor), choice.riskId);
      if (!risk || risk.courtId !== warning.courtId) throw new ValidationError('只能并入同一法院中的风险事项', [{ path: 'risk.riskId', message: '风险事项不存在或不属于该预警的法院' }]);
      if (risk.status === 'closed') throw new ValidationError('已销号的风险不能并入预警，请先重新启动', [{ path: 'risk.riskId', message: '该风险已销号' }]);
      write = async (trx) => {
        await registrar.joinSourceWarning(trx, actor, risk, { kind, id, caseIds, summary: `并入${label}「${warning.title}」` }, nowIso);
        return { riskId: risk.id, text: `，并入风险「${risk.title}」` };
      };
    } else {
      const factors = { likelihood: choice.likelihood, impact: choice.impact };
      const ownership = await registrar.resolveOwnership(warning.courtId, choice.ownerId ?? (actor.courtId === warning.courtId ? actor.accountId : undefined), choice.departmentId, 'risk.');
      const title = choice.title ?? warning.title;
      write = async (trx) => {
        const created = await registrar.register(
          trx,
          actor,
          {
            courtId: warning.courtId,
            domain: warning.domain as RiskDomain,
            subtype: warning.subtype,
            title,
            description: `由${label}确认：${warning.title}（规则 ${warning.ruleId} 第 ${warning.ruleVersion} 版）。${warning.explanation}${note ? `备注：${note}` : ''}`,
            tags: [],
            ...factors,
            caseIds,
            ...ownership,
            assignedByCourtId: null,
            sourceWarning: { kind, id },
          },
          nowIso,
        );
        return { riskId: created.id, text: `，新建风险「${title}」` };
      };
    }

    await store.transaction(async (trx) => {
      const { riskId, text } = await write(trx);
      const patch = { riskId, triageNote: note || null, triagedBy: actor.username, triagedAt: nowIso };
      const updated = kind === 'petition' ? await trx.petitions.confirmWarning(warning.courtId, id, version, patch) : await trx.opinion.confirmWarning(warning.courtId, id, version, patch);
      if (!updated) throw new StaleVersionError('warning');
      await writeAudit(trx, clock, auditActorOf(actor), {
        courtId: warning.courtId,
        action: `${kind}_warning.confirm`,
        targetType: `${kind}_warning`,
        targetId: id,
        summary: `${label}「${warning.title}」转为风险${note ? `，备注：${note}` : ''}${text}`,
      });
    });
    return id;
  }

  return {
    /** GET /petition-warnings (预警列表 · 信访预警) */
    async listPetitionWarnings(actor: Actor, query: SourceWarningListQuery): Promise<Paged<PetitionWarningListItem>> {
      await access.require(actor, 'warning.read');
      await access.require(actor, SOURCE_WARNING_READ_PERMISSION.petition);
      const { rows, total } = await repos.petitions.listWarnings(actor.scope.courtIds, query);
      const subjects = await petitionSubjects(repos, actor.scope.courtIds, rows);
      const items = rows.map((row) => ({ ...presentPetitionWarning(row), courtId: row.courtId, ...subjects.get(row.id)! }));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
    /** GET /opinion-warnings (预警列表 · 舆情预警) */
    async listOpinionWarnings(actor: Actor, query: SourceWarningListQuery): Promise<Paged<OpinionWarningListItem>> {
      await access.require(actor, 'warning.read');
      await access.require(actor, SOURCE_WARNING_READ_PERMISSION.opinion);
      const { rows, total } = await repos.opinion.listWarningsInScope(actor.scope, query);
      const items = rows.map((row) => ({ ...(presentOpinionWarning(row) as OpinionWarningView), courtId: row.courtId, itemId: row.itemId, itemTitle: row.itemTitle }));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
    /** POST /petition-warnings/:id/confirm */
    async confirmPetitionWarning(actor: Actor, id: string, input: WarningToRiskInput): Promise<PetitionWarningView> {
      await confirm(actor, 'petition', id, input);
      return presentPetitionWarning((await repos.petitions.getWarning(id))!);
    },
    /** POST /opinion-warnings/:id/confirm */
    async confirmOpinionWarning(actor: Actor, id: string, input: WarningToRiskInput): Promise<OpinionWarningView> {
      await confirm(actor, 'opinion', id, input);
      return presentOpinionWarning((await repos.opinion.getWarning(id))!) as OpinionWarningView;
    },
  };
}
export type WarningRiskService = ReturnType<typeof createWarningRiskService>;
