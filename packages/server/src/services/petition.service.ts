import {
  PETITION_FLAG_KINDS,
  petitionFlagKindLabel,
  petitionStepKindLabel,
  type LocalDate,
  type Paged,
  type PetitionChannel,
  type PetitionFlagView,
  type PetitionInput,
  type PetitionListQuery,
  type PetitionMonthlyView,
  type PetitionNature,
  type PetitionOutcome,
  type PetitionStepInput,
  type PetitionStepKind,
  type PetitionSummaryView,
  type PetitionSweepResult,
  type PetitionTimeLimitSettings,
  type PetitionUpdateInput,
  type PetitionVenueLevel,
  type PetitionView,
  petitionChannelLabel,
  petitionNatureLabel,
  petitionOutcomeLabel,
  petitionVenueLevelLabel,
} from '@courtrisk/core';
import { buildXlsx, EXPORT_ROW_LIMIT } from '../export/xlsx.js';
import { chinaToday, type Clock } from '../clock.js';
import type { PetitionStepTable, PetitionTable } from '../db/petition-schema.js';
import { NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit, type FieldDescription } from './audit-writer.js';
import type { PetitionFlagEngine } from './petition-flags.js';
import { loadPetitionSettings } from './petition-settings.service.js';
import type { Store } from './store.js';

type Links = Awaited<ReturnType<Repositories['petitions']['listLinks']>>;

/** The edit's audit names every changed field; the petition's words are never copied into the log. */
const AUDITED_FIELDS: Record<string, FieldDescription> = {
  channel: { label: '信访渠道', format: (value: unknown) => petitionChannelLabel[value as PetitionChannel] ?? String(value) },
  receivedOn: '收到日期',
  // A plain label would print a count of 1 as 是 (describeChanges reads 0/1 as flags).
  headcount: { label: '到访人数', format: (value: unknown) => `${String(value)} 人` },
  venueLevel: { label: '信访去向', format: (value: unknown) => petitionVenueLevelLabel[value as PetitionVenueLevel] ?? String(value) },
  forwardedBy: '转交机关',
  nature: { label: '信访性质', format: (value: unknown) => petitionNatureLabel[value as PetitionNature] ?? String(value) },
  petitioners: { label: '信访人', format: (value: unknown) => (value as string[]).join('、') || '（空）' },
  cases: { label: '关联案件', format: (value: unknown) => (value as string[]).join('、') || '（无）' },
  outcome: { label: '处理结果', format: (value: unknown) => petitionOutcomeLabel[value as PetitionOutcome] ?? String(value) },
  content: { label: '信访内容', withheld: true },
  demands: { label: '信访诉求', withheld: true },
};

/**
 * 信访件 (issue 6): registering and editing petitions, their handling steps and clocks, the monthly
 * chart and the daily clock sweep. Petitions belong to the court that registered them; a record
 * outside the caller's scope answers 404.
 */
export function createPetitionService({ store, access, clock, engine }: { store: Store; access: AccessChecker; clock: Clock; engine: PetitionFlagEngine }) {
  const { repos } = store;

  function courtOf(actor: Actor, courtId: string | undefined) {
    const id = courtId ?? actor.courtId;
    return repos.courts.getById(id).then((court) => access.inScope(actor, asScopedCourt(court), 'court', id).id);
  }

  async function visiblePetition(actor: Actor, id: string) {
    const row = await repos.petitions.getPetition(actor.scope.courtIds, id);
    return access.inScope(actor, row, 'petition', id);
  }

  /** The petitioners must be registered in the petition's court, the cases visible to the caller. */
  async function checkLinks(actor: Actor, courtId: string, input: PetitionInput) {
    const petitionerIds = [...new Set(input.petitionerIds)];
    const people = await repos.petitions.listPetitionerNames(courtId, petitionerIds);
    const fields: { path: string; message: string }[] = [];
    petitionerIds.forEach((id, index) => {
      if (!people.some((p) => p.id === id)) fields.push({ path: `petitionerIds.${index}`, message: `信访人（${id}）不存在或不属于本院` });
    });
    const caseIds = [...new Set(input.caseIds)];
    const cases = await repos.petitions.listCases(actor.scope.courtIds, caseIds);
    caseIds.forEach((id, index) => {
      if (!cases.some((c) => c.id === id)) fields.push({ path: `caseIds.${index}`, message: `关联案件（${id}）不存在或不在您的数据范围内` });
    });
    if (fields.length > 0) throw new ValidationError(fields.map((f) => f.message).join('；'), fields);
    return { petitionerIds, caseIds, people, cases };
  }

  const columns = (input: PetitionInput) => ({
    channel: input.channel,
    receivedOn: input.receivedOn,
    headcount: input.headcount,
    venueLevel: input.venueLevel,
    forwardedBy: input.forwardedBy ?? null,
    nature: input.nature,
    content: input.content,
    demands: input.demands,
    outcome: input.outcome,
  });

  function checkNotFuture(receivedOn: LocalDate) {
    if (receivedOn > chinaToday(clock)) throw new ValidationError('收到日期不能晚于今天', [{ path: 'receivedOn', message: '收到日期不能晚于今天' }]);
  }

  function present(row: PetitionTable, links: Links, steps: readonly PetitionStepTable[], timeLimits: PetitionTimeLimitSettings): PetitionView {
    const own = steps.filter((step) => step.petitionId === row.id);
    const { result, views } = engine.clocks(row, own, chinaToday(clock) as LocalDate, timeLimits);
    return {
      ...summary(row, links),
      headcount: row.headcount,
      venueLevel: row.venueLevel as PetitionVenueLevel,
      forwardedBy: row.forwardedBy,
      content: row.content,
      cases: links.cases.filter((c) => c.petitionId === row.id).map((c) => ({ id: c.id, caseNumber: c.caseNumber })),
      steps: own.map((step) => ({
        id: step.id,
        kind: step.kind as PetitionStepKind,
        kindLabel: petitionStepKindLabel[step.kind as PetitionStepKind],
        on: step.doneOn,
        days: step.days,
        until: step.until,
        note: step.note,
        createdByName: step.createdByName,
        createdAt: step.createdAt,
      })),
      clocks: views,
      clockProblems: [...result.problems],
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  function summary(row: PetitionTable, links: Links): PetitionSummaryView {
    return {
      id: row.id,
      courtId: row.courtId,
      channel: row.channel as PetitionChannel,
      receivedOn: row.receivedOn,
      headcount: row.headcount,
      nature: row.nature as PetitionNature,
      demands: row.demands,
      outcome: row.outcome as PetitionOutcome,
      petitioners: links.people.filter((p) => p.petitionId === row.id).map((p) => ({ id: p.id, name: p.name })),
      flags: JSON.parse(row.flags) as PetitionFlagView[],
      version: row.version,
    };
  }

  async function listRows(actor: Actor, query: PetitionListQuery) {
    const courtId = await courtOf(actor, query.courtId);
    const { rows, total } = await repos.petitions.listPetitions(courtId, query);
    const links = await repos.petitions.listLinks(courtId, rows.map((row) => row.id));
    return { courtId, items: rows.map((row) => summary(row, links)), total };
  }

  async function load(courtId: string, id: string) {
    const row = (await repos.petitions.getPetition(new Set([courtId]), id))!;
    const [links, steps, settings] = await Promise.all([repos.petitions.listLinks(courtId, [id]), repos.petitions.listSteps(courtId, [id]), loadPetitionSettings(repos, courtId)]);
    return present(row, links, steps, settings.timeLimits);
  }

  /**
   * Flags of `reevaluated` (on an edit: the people before and after it) and the petition's own
   * clocks, whose warnings name the people now on it; inside the write's transaction.
   */
  async function afterChange(trx: Repositories, row: PetitionTable, reevaluated: readonly string[], petitionerIds: readonly string[], caseIds: readonly string[], at: string) {
    await engine.reevaluate(trx, row.courtId, reevaluated, at);
    const current = (await trx.petitions.getPetition(new Set([row.courtId]), row.id))!;
    await engine.refreshClockWarnings(trx, current, await trx.petitions.listSteps(row.courtId, [row.id]), petitionerIds, caseIds, chinaToday(clock) as LocalDate, at);
  }

  return {
    async list(actor: Actor, query: PetitionListQuery): Promise<Paged<PetitionSummaryView>> {
      await access.require(actor, 'petition.read');
      const { items, total } = await listRows(actor, query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** The list as XLSX (same filters; people by name only, no ID numbers), audited. */
    async exportXlsx(actor: Actor, query: PetitionListQuery): Promise<Buffer> {
      await access.require(actor, 'petition.read');
      const { courtId, items } = await listRows(actor, { ...query, page: 1, pageSize: EXPORT_ROW_LIMIT });
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId, action: 'petition.export', summary: `导出信访件 ${items.length} 条` }));
      return buildXlsx('信访件', [
        { header: '收到日期', width: 12, value: (p) => p.receivedOn },
        { header: '渠道', width: 12, value: (p) => petitionChannelLabel[p.channel] },
        { header: '信访人', width: 24, value: (p) => p.petitioners.map((person) => person.name).join('、') },
        { header: '到访人数', width: 10, value: (p) => p.headcount },
        { header: '性质', width: 24, value: (p) => petitionNatureLabel[p.nature] },
        { header: '信访诉求', width: 40, value: (p) => p.demands },
        { header: '标记', width: 24, value: (p) => p.flags.map((flag) => flag.label).join('、') },
        { header: '处理结果', width: 16, value: (p) => petitionOutcomeLabel[p.outcome] },
      ], items);
    },

    async get(actor: Actor, id: string): Promise<PetitionView> {
      await access.require(actor, 'petition.read');
      const row = await visiblePetition(actor, id);
      return load(row.courtId, id);
    },

    /** 登记信访件 in the caller's court; flags are computed at once and raise warnings. */
    async create(actor: Actor, input: PetitionInput): Promise<PetitionView> {
      await access.require(actor, 'petition.manage');
      checkNotFuture(input.receivedOn);
      const courtId = actor.courtId;
      const { petitionerIds, caseIds } = await checkLinks(actor, courtId, input);
      const id = newId();
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const row: PetitionTable = { id, courtId, ...columns(input), flags: '[]', createdBy: actor.accountId, createdAt: at, updatedAt: at, version: 1 };
        await trx.petitions.insertPetition(row);
        await trx.petitions.replacePetitionPeople(courtId, id, petitionerIds, caseIds, at);
        await trx.petitions.insertStep({ id: newId(), courtId, petitionId: id, kind: 'registered', doneOn: input.receivedOn, days: null, until: null, note: null, createdBy: actor.accountId, createdByName: actor.displayName, createdAt: at });
        await afterChange(trx, row, petitionerIds, petitionerIds, caseIds, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'petition.create',
          targetType: 'petition',
          targetId: id,
          summary: `登记信访件：${input.receivedOn} ${petitionChannelLabel[input.channel]}，信访人 ${petitionerIds.length} 人，到访 ${input.headcount} 人`,
        });
      });
      return load(courtId, id);
    },

    /**
     * 修改信访件 (petition.manage, the permission that registers them) against the version last read
     * (409 otherwise). Flags and their warnings are recomputed as on registration, for the people
     * before and after the edit; the audit names each changed field, never the petition's words.
     */
    async update(actor: Actor, id: string, input: PetitionUpdateInput): Promise<PetitionView> {
      await access.require(actor, 'petition.manage');
      const current = await visiblePetition(actor, id);
      if (current.version !== input.version) throw new StaleVersionError('petition');
      checkNotFuture(input.receivedOn);
      const { petitionerIds, caseIds, people, cases } = await checkLinks(actor, current.courtId, input);
      const links = await repos.petitions.listLinks(current.courtId, [id]);
      const before = links.people.map((p) => p.id);
      const patch = columns(input);
      // Sorted: the same people or cases picked in another order are no change.
      const names = (list: readonly { name: string }[]) => list.map((p) => p.name).sort();
      const caseNumbers = (list: readonly { caseNumber: string }[]) => list.map((c) => c.caseNumber).sort();
      const changes = describeChanges(
        { ...current, petitioners: names(links.people), cases: caseNumbers(links.cases) },
        { ...patch, petitioners: names(people), cases: caseNumbers(cases) },
        AUDITED_FIELDS,
      );
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.petitions.updatePetitionVersioned(current.courtId, id, input.version, { ...patch, updatedAt: at }))) throw new StaleVersionError('petition');
        await trx.petitions.replacePetitionPeople(current.courtId, id, petitionerIds, caseIds, at);
        if (input.receivedOn !== current.receivedOn) await trx.petitions.moveRegisteredStep(current.courtId, id, input.receivedOn);
        await afterChange(trx, current, [...new Set([...before, ...petitionerIds])], petitionerIds, caseIds, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: 'petition.update',
          targetType: 'petition',
          targetId: id,
          summary: `修改信访件（${current.receivedOn} ${petitionChannelLabel[current.channel as PetitionChannel]}）：${changes}`,
        });
      });
      return load(current.courtId, id);
    },

    /** Records a handling step (受理、延长、答复…) and, when given, the petition's new 处理结果; the clocks and their warnings follow at once. */
    async addStep(actor: Actor, id: string, input: PetitionStepInput): Promise<PetitionView> {
      await access.require(actor, 'petition.manage');
      const current = await visiblePetition(actor, id);
      if (input.on > chinaToday(clock)) throw new ValidationError('办理日期不能晚于今天', [{ path: 'on', message: '办理日期不能晚于今天' }]);
      const outcome = input.outcome !== undefined && input.outcome !== current.outcome ? input.outcome : undefined;
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (outcome && !(await trx.petitions.updatePetitionVersioned(current.courtId, id, current.version, { outcome, updatedAt: at }))) throw new StaleVersionError('petition');
        await trx.petitions.insertStep({
          id: newId(),
          courtId: current.courtId,
          petitionId: id,
          kind: input.kind,
          doneOn: input.on,
          days: input.days ?? null,
          until: input.until ?? null,
          note: input.note ?? null,
          createdBy: actor.accountId,
          createdByName: actor.displayName,
          createdAt: at,
        });
        const links = await trx.petitions.listLinks(current.courtId, [id]);
        await engine.refreshClockWarnings(trx, current, await trx.petitions.listSteps(current.courtId, [id]), links.people.map((p) => p.id), links.cases.map((c) => c.id), chinaToday(clock) as LocalDate, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: 'petition.step',
          targetType: 'petition',
          targetId: id,
          summary: `信访件办理环节：${input.on} ${petitionStepKindLabel[input.kind]}${input.days ? `（${input.days} 日）` : ''}${outcome ? `；处理结果：${petitionOutcomeLabel[current.outcome as PetitionOutcome]} → ${petitionOutcomeLabel[outcome]}` : ''}`,
        });
      });
      return load(current.courtId, id);
    },

    /** 每月信访件数（按标记）for the last `months` months, ending with the current one (Beijing time). */
    async monthly(actor: Actor, query: { courtId?: string | undefined; months: number }): Promise<PetitionMonthlyView> {
      await access.require(actor, 'petition.read');
      const courtId = await courtOf(actor, query.courtId);
      const today = chinaToday(clock);
      const months: string[] = [];
      const [year, month] = today.split('-').map(Number) as [number, number];
      for (let back = query.months - 1; back >= 0; back--) {
        const index = year * 12 + (month - 1) - back;
        months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
      }
      const rows = await repos.petitions.listFlagsBetween(courtId, `${months[0]}-01`, today);
      const total = months.map(() => 0);
      const byFlag = PETITION_FLAG_KINDS.map((kind) => ({ kind, label: petitionFlagKindLabel[kind], counts: months.map(() => 0) }));
      for (const row of rows) {
        const at = months.indexOf(row.receivedOn.slice(0, 7));
        if (at < 0) continue;
        total[at]! += 1;
        const kinds = new Set((JSON.parse(row.flags) as PetitionFlagView[]).map((flag) => flag.kind));
        for (const series of byFlag) if (kinds.has(series.kind)) series.counts[at]! += 1;
      }
      return { months, total, byFlag };
    },

    /**
     * The daily clock sweep (for the scheduler, or `courtrisk` tooling): recomputes the clocks of
     * every petition not closed by its outcome and raises 超期 / 即将到期 warnings, each notified once.
     */
    async sweep(courtIds?: readonly string[]): Promise<PetitionSweepResult> {
      const courts = courtIds ?? (await repos.petitions.listCourtsWithPetitions()).map((row) => row.courtId);
      const today = chinaToday(clock) as LocalDate;
      const at = clock.now().toISOString();
      let petitions = 0;
      let warnings = 0;
      let notified = 0;
      for (const courtId of courts) {
        const rows = await repos.petitions.listOpenPetitions(courtId);
        const [links, steps] = await Promise.all([repos.petitions.listLinks(courtId, rows.map((r) => r.id)), repos.petitions.listSteps(courtId, rows.map((r) => r.id))]);
        for (const row of rows) {
          petitions += 1;
          const result = await store.transaction((trx) =>
            engine.refreshClockWarnings(
              trx,
              row,
              steps.filter((s) => s.petitionId === row.id),
              links.people.filter((p) => p.petitionId === row.id).map((p) => p.id),
              links.cases.filter((c) => c.petitionId === row.id).map((c) => c.id),
              today,
              at,
            ),
          );
          warnings += result.raised.length;
          notified += result.notified;
        }
      }
      return { courts: courts.length, petitions, warnings, notified };
    },
  };
}
export type PetitionService = ReturnType<typeof createPetitionService>;

