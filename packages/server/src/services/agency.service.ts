import { agencyKindLabel, type AgencyHandoversView, type AgencyInput, type AgencyKind, type AgencyListQuery, type AgencyUpdateInput, type AgencyView, type Paged } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { AgencyTable } from '../db/schema.js';
import { ConflictError, NotFoundError, StaleVersionError } from '../errors.js';
import { newId } from '../ids.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import { presentAssessment, viewerOf } from './risk.service.js';
import type { Store } from './store.js';
import type { TaskService } from './task.service.js';

function presentAgency(row: AgencyTable & { openTaskCount: unknown }): AgencyView {
  return {
    id: row.id,
    courtId: row.courtId,
    name: row.name,
    kind: row.kind as AgencyKind,
    contacts: JSON.parse(row.contacts) as AgencyView['contacts'],
    note: row.note,
    openTaskCount: Number(row.openTaskCount ?? 0),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const AUDITED_FIELDS = {
  name: '名称',
  kind: { label: '类别', format: (value: unknown) => agencyKindLabel[value as AgencyKind] ?? String(value) },
  contacts: { label: '联系人', format: (value: unknown) => (JSON.parse(String(value ?? '[]')) as { name: string }[]).map((c) => c.name).join('、') || '（无）' },
  note: '备注',
};

/** 协同单位 (issue 4): registered per court, name unique in the court; deletion keeps the record for history. */
export function createAgencyService({ store, access, clock, tasks }: { store: Store; access: AccessChecker; clock: Clock; tasks: Pick<TaskService, 'listForAgency'> }) {
  const { repos } = store;

  async function visibleAgency(actor: Actor, id: string) {
    const row = await repos.agencies.getById(id);
    return access.inScope(actor, row, 'agency', id);
  }

  async function requireFreeName(courtId: string, name: string, exceptId?: string) {
    if (await repos.agencies.nameTaken(courtId, name, exceptId)) throw new ConflictError(`本院已有名为“${name}”的协同单位`);
  }

  const columns = (input: AgencyInput) => ({ name: input.name, kind: input.kind, contacts: JSON.stringify(input.contacts), note: input.note ?? null });

  return {
    /** The agencies of the caller's court, or of another court in its scope (`courtId`). */
    async list(actor: Actor, query: AgencyListQuery): Promise<Paged<AgencyView>> {
      await access.require(actor, 'risk.read');
      const courtId = query.courtId ?? actor.courtId;
      access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      const { rows, total } = await repos.agencies.list(courtId, query);
      return { items: rows.map(presentAgency), total, page: query.page, pageSize: query.pageSize };
    },

    async create(actor: Actor, input: AgencyInput): Promise<AgencyView> {
      await access.require(actor, 'agency.manage');
      await requireFreeName(actor.courtId, input.name);
      const id = newId();
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.agencies.insert({ id, courtId: actor.courtId, ...columns(input), deletedAt: null, createdAt: at, updatedAt: at, version: 1 });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'agency.create',
          targetType: 'agency',
          targetId: id,
          summary: `新增协同单位「${input.name}」（${agencyKindLabel[input.kind]}）`,
        });
      });
      return presentAgency((await repos.agencies.getById(id))!);
    },

    async update(actor: Actor, id: string, input: AgencyUpdateInput): Promise<AgencyView> {
      await access.require(actor, 'agency.manage');
      const current = await visibleAgency(actor, id);
      if (current.version !== input.version) throw new StaleVersionError('agency');
      await requireFreeName(current.courtId, input.name, id);
      const patch = columns(input);
      await store.transaction(async (trx) => {
        if (!(await trx.agencies.updateVersioned(current.courtId, id, input.version, { ...patch, updatedAt: clock.now().toISOString() }))) throw new StaleVersionError('agency');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: 'agency.update',
          targetType: 'agency',
          targetId: id,
          summary: `修改协同单位「${current.name}」：${describeChanges(current, patch, AUDITED_FIELDS)}`,
        });
      });
      return presentAgency((await repos.agencies.getById(id))!);
    },

    /** Refused while the agency still has tasks not 已办结; otherwise hidden from lists, kept for the record. */
    async remove(actor: Actor, id: string): Promise<void> {
      await access.require(actor, 'agency.manage');
      const current = await visibleAgency(actor, id);
      const open = await repos.tasks.countOpenForAgency(current.courtId, id);
      if (open > 0) throw new ConflictError(`协同单位「${current.name}」还有 ${open} 项未办结的任务，不能删除`);
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.agencies.updateVersioned(current.courtId, id, current.version, { deletedAt: at, updatedAt: at }))) throw new StaleVersionError('agency');
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: current.courtId, action: 'agency.delete', targetType: 'agency', targetId: id, summary: `删除协同单位「${current.name}」` });
      });
    },

    /** 交办情况: the tasks given to the agency and the assessments it attended, among the risks the caller sees. */
    async handovers(actor: Actor, id: string): Promise<AgencyHandoversView> {
      await access.require(actor, 'risk.read');
      const agency = await visibleAgency(actor, id);
      return {
        tasks: await tasks.listForAgency(actor, agency.courtId, agency.id),
        assessments: (await repos.risks.listAssessmentsWithAgency(viewerOf(actor), agency.courtId, agency.id)).map(presentAssessment),
      };
    },
  };
}
export type AgencyService = ReturnType<typeof createAgencyService>;
