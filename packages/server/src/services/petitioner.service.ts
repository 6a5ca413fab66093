import {
  counsellingFormLabel,
  groupPetitioners,
  keyPersonDecisionLabel,
  maskIdNumber,
  petitionChannelLabel,
  petitionFlagKindLabel,
  petitionOutcomeLabel,
  petitionStepKindLabel,
  reviewStatus,
  riskLevelLabel,
  summarizePetitionerHistory,
  validateIdNumber,
  type ConfidentialRecordsView,
  type CounsellingSessionInput,
  type CounsellingSessionView,
  type FollowUpVisitInput,
  type FollowUpVisitView,
  type KeyPersonInput,
  type KeyPersonListQuery,
  type KeyPersonReviewRequest,
  type KeyPersonView,
  type LocalDate,
  type Paged,
  type PetitionChannel,
  type PetitionerDetailView,
  type PetitionerInput,
  type PetitionerListQuery,
  type PetitionerSummaryView,
  type PetitionerTimelineEntry,
  type PetitionerUpdateInput,
  type PetitionFlagView,
  type PetitionOutcome,
  type PetitionStepKind,
  type StabilizationPlanInput,
  type StabilizationPlanView,
  type Permission,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { FieldCipher } from '../crypto/sm4.js';
import { idNumberBlindIndex } from '../crypto/sm4.js';
import type { KeyPersonReviewTable, KeyPersonTable, PetitionerTable } from '../db/petition-schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT } from '../export/xlsx.js';
import { newId } from '../ids.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import { petitionFacts, presentPetitionWarning } from './petition-flags.js';
import type { Store } from './store.js';

type PetitionerRow = PetitionerTable & { petitionCount: unknown; lastPetitionOn: unknown; keyPersonCount: unknown };

const AUDITED_FIELDS = {
  name: '姓名',
  address: '住址',
  remark: '备注',
  contacts: { label: '联系方式', format: (value: unknown) => (JSON.parse(String(value ?? '[]')) as { value: string }[]).map((c) => c.value).join('、') || '（无）' },
};

/** Context binding a ciphertext to its row and column (crypto/sm4.ts). */
const idContext = (id: string) => `petitioner.id_number:${id}`;
const notesContext = (id: string) => `counselling_session.notes:${id}`;
const findingsContext = (id: string) => `follow_up_visit.findings:${id}`;

/**
 * 信访人 registry (issue 6), person-centred: ID numbers encrypted at rest (SM4) with a masked copy and
 * a blind index (exact look-up, unique per court); full numbers only through the audited reveal;
 * 稳控 plans, the 重点人员 list, and the confidential counselling / follow-up records (petition.confidential,
 * encrypted, every read audited).
 */
export function createPetitionerService({ store, access, clock, cipher }: { store: Store; access: AccessChecker; clock: Clock; cipher: () => FieldCipher }) {
  const { repos } = store;
  const today = () => chinaToday(clock) as LocalDate;

  async function courtOf(actor: Actor, courtId: string | undefined) {
    const id = courtId ?? actor.courtId;
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id).id;
  }

  async function visiblePetitioner(actor: Actor, id: string): Promise<PetitionerRow> {
    return access.inScope(actor, await repos.petitions.getPetitioner(actor.scope.courtIds, id), 'petitioner', id);
  }

  /** Both permissions, each refusal audited by access.require. */
  async function requireAll(actor: Actor, permissions: readonly Permission[]) {
    for (const permission of permissions) await access.require(actor, permission);
  }

  function checkIdNumber(idNumber: string) {
    const result = validateIdNumber(idNumber, { today: today() });
    if (!result.ok) throw new ValidationError(`身份证号：${result.message}`, [{ path: 'idNumber', message: result.message }]);
  }

  /** Related petitioners and cases named in the form must exist (the cases in the caller's scope). */
  async function checkLinks(actor: Actor, courtId: string, selfId: string | undefined, input: PetitionerInput) {
    const fields: { path: string; message: string }[] = [];
    const relatedIds = [...new Set(input.relatedPetitionerIds)];
    const people = await repos.petitions.listPetitionerNames(courtId, relatedIds);
    relatedIds.forEach((id, index) => {
      if (id === selfId) fields.push({ path: `relatedPetitionerIds.${index}`, message: '关联信访人不能是本人' });
      else if (!people.some((p) => p.id === id)) fields.push({ path: `relatedPetitionerIds.${index}`, message: `关联信访人（${id}）不存在或不属于本院` });
    });
    const caseIds = [...new Set(input.caseIds)];
    const cases = await repos.petitions.listCases(actor.scope.courtIds, caseIds);
    caseIds.forEach((id, index) => {
      if (!cases.some((c) => c.id === id)) fields.push({ path: `caseIds.${index}`, message: `关联案件（${id}）不存在或不在您的数据范围内` });
    });
    if (fields.length > 0) throw new ValidationError(fields.map((f) => f.message).join('；'), fields);
    return { relatedIds, caseIds };
  }

  /** Cipher, masked form and blind index of a (validated, normalised) ID number; refuses a duplicate in the court. */
  async function idColumns(courtId: string, id: string, idNumber: string) {
    checkIdNumber(idNumber);
    const index = idNumberBlindIndex(cipher(), idNumber)!;
    const holder = await repos.petitions.getPetitionerByIndex(courtId, index);
    if (holder && holder.id !== id) throw new ConflictError(`本院已登记身份证号相同的信访人「${holder.name}」，请在信访人列表中按身份证号查找`);
    return { idNumberCipher: cipher().encrypt(idNumber, idContext(id)), idNumberMasked: maskIdNumber(idNumber), idNumberIndex: index };
  }

  async function summaries(courtId: string, rows: readonly PetitionerRow[]): Promise<PetitionerSummaryView[]> {
    const ids = rows.map((row) => row.id);
    const [flagRows, warningRows] = await Promise.all([repos.petitions.listFlagsOf(courtId, ids), repos.petitions.countOpenWarningsOf(courtId, ids)]);
    return rows.map((row) => {
      const kinds = new Set(flagRows.filter((f) => f.petitionerId === row.id).flatMap((f) => (JSON.parse(f.flags) as PetitionFlagView[]).map((flag) => flag.kind)));
      return {
        id: row.id,
        courtId: row.courtId,
        name: row.name,
        idNumberMasked: row.idNumberMasked,
        petitionCount: Number(row.petitionCount ?? 0),
        lastPetitionOn: (row.lastPetitionOn as string | null) ?? null,
        flags: (['repeat', 'levelSkipping', 'collective', 'extremeSpeech'] as const).filter((kind) => kinds.has(kind)),
        openWarningCount: Number(warningRows.find((w) => w.petitionerId === row.id)?.n ?? 0),
        keyPerson: Number(row.keyPersonCount ?? 0) > 0,
        updatedAt: row.updatedAt,
      };
    });
  }

  function presentKeyPerson(row: KeyPersonTable & { petitionerName: string; idNumberMasked: string | null }, reviews: readonly KeyPersonReviewTable[]): KeyPersonView {
    const status = reviewStatus((row.lastReviewedOn ?? row.listedOn) as LocalDate, row.reviewCadenceDays, today());
    return {
      id: row.id,
      petitionerId: row.petitionerId,
      petitionerName: row.petitionerName,
      idNumberMasked: row.idNumberMasked,
      listedOn: row.listedOn,
      reason: row.reason,
      reviewCadenceDays: row.reviewCadenceDays,
      lastReviewedOn: row.lastReviewedOn,
      nextReviewOn: status.nextOn,
      reviewStatus: status.status,
      daysLeft: status.daysLeft,
      reviews: reviews
        .filter((review) => review.keyPersonId === row.id)
        .map((review) => ({ id: review.id, reviewedOn: review.reviewedOn, decision: review.decision as 'keep' | 'delist', opinion: review.opinion, createdByName: review.createdByName })),
      version: row.version,
    };
  }

  async function plansOf(courtId: string, petitionerId: string): Promise<StabilizationPlanView[]> {
    return (await repos.petitions.listPlans(courtId, petitionerId)).map((plan) => {
      const status = reviewStatus(plan.reviewOn as LocalDate, 0, today());
      return {
        id: plan.id,
        petitionerId: plan.petitionerId,
        leaderName: plan.leaderName,
        leaderAccountId: plan.leaderAccountId,
        staff: JSON.parse(plan.staff) as string[],
        measures: JSON.parse(plan.measures) as string[],
        agencyIds: JSON.parse(plan.agencyIds) as string[],
        startedOn: plan.startedOn,
        reviewOn: plan.reviewOn,
        reviewStatus: status.status,
        daysLeft: status.daysLeft,
        createdByName: plan.createdByName,
        createdAt: plan.createdAt,
      };
    });
  }

  /** The person's petitions with their links, and everyone who petitioned with them (transitively, two rounds). */
  async function historyOf(courtId: string, petitionerId: string) {
    const own = await repos.petitions.listPetitionsOfPeople(courtId, [petitionerId]);
    const links = await repos.petitions.listLinks(courtId, own.map((row) => row.id));
    const direct = [...new Set(links.people.map((p) => p.id))];
    const wider = direct.length > 1 ? await repos.petitions.listPetitionsOfPeople(courtId, direct) : own;
    const widerLinks = wider === own ? links : await repos.petitions.listLinks(courtId, wider.map((row) => row.id));
    const group = groupPetitioners(wider.map((row) => petitionFacts(row, widerLinks))).find((members) => members.includes(petitionerId)) ?? [];
    return { own, links, group: group.filter((id) => id !== petitionerId) };
  }

  async function detail(actor: Actor, row: PetitionerRow): Promise<PetitionerDetailView> {
    const courtId = row.courtId;
    const [[summary], history, caseLinks, relations, warnings, keyPerson, plans] = await Promise.all([
      summaries(courtId, [row]),
      historyOf(courtId, row.id),
      repos.petitions.listPetitionerCaseIds(courtId, row.id),
      repos.petitions.listRelatedIds(courtId, row.id),
      repos.petitions.listWarningsOfPeople(courtId, [row.id]),
      repos.petitions.getKeyPerson(courtId, row.id),
      plansOf(courtId, row.id),
    ]);
    const manual = relations.map((r) => (r.petitionerId === row.id ? r.relatedId : r.petitionerId));
    const names = await repos.petitions.listPetitionerNames(courtId, [...new Set([...manual, ...history.group])]);
    const caseIds = [...new Set([...caseLinks.map((c) => c.caseId), ...history.links.cases.map((c) => c.id)])];
    const cases = await repos.petitions.listCases(actor.scope.courtIds, caseIds);
    const facts = history.own.map((p) => ({
      facts: petitionFacts(p, history.links),
      flags: (JSON.parse(p.flags) as PetitionFlagView[]).map((f) => f.kind),
      outcome: p.outcome as PetitionOutcome,
    }));
    const summaryOfHistory = summarizePetitionerHistory(row.id, facts);
    const reviews = keyPerson ? await repos.petitions.listKeyPersonReviews(courtId, [keyPerson.id]) : [];
    return {
      ...summary!,
      contacts: JSON.parse(row.contacts) as PetitionerDetailView['contacts'],
      address: row.address,
      remark: row.remark,
      cases: cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber })).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber)),
      linkedCaseIds: caseLinks.map((c) => c.caseId).filter((id) => cases.some((c) => c.id === id)),
      relatedPetitioners: names.map((p) => ({ id: p.id, name: p.name, source: manual.includes(p.id) ? ('manual' as const) : ('group' as const) })),
      history: {
        total: summaryOfHistory.total,
        firstOn: summaryOfHistory.firstOn,
        lastOn: summaryOfHistory.lastOn,
        byChannel: summaryOfHistory.byChannel as Record<string, number>,
        byFlag: summaryOfHistory.byFlag as Record<string, number>,
        lastOutcome: summaryOfHistory.lastOutcome,
      },
      warnings: warnings.map(presentPetitionWarning),
      keyPersonRecord: keyPerson?.active === 1 ? presentKeyPerson({ ...keyPerson, petitionerName: row.name, idNumberMasked: row.idNumberMasked }, reviews) : null,
      plans,
      abilities: { manage: actor.permissions.has('petition.manage'), confidential: actor.permissions.has('petition.confidential') },
      version: row.version,
    };
  }

  async function reload(actor: Actor, courtId: string, id: string) {
    return detail(actor, (await repos.petitions.getPetitioner(new Set([courtId]), id))!);
  }

  async function listRows(actor: Actor, query: PetitionerListQuery, limit?: number) {
    const courtId = await courtOf(actor, query.courtId);
    const idIndex = query.idNumber ? idNumberBlindIndex(cipher(), query.idNumber) : undefined;
    const { rows, total } = await repos.petitions.listPetitioners(courtId, query, idIndex, limit);
    return { courtId, items: await summaries(courtId, rows), total };
  }

  return {
    async list(actor: Actor, query: PetitionerListQuery): Promise<Paged<PetitionerSummaryView>> {
      await access.require(actor, 'petition.read');
      const { items, total } = await listRows(actor, query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** The list as XLSX, masked numbers only (a full number is never exported). */
    async exportXlsx(actor: Actor, query: PetitionerListQuery): Promise<Buffer> {
      await access.require(actor, 'petition.read');
      const { courtId, items } = await listRows(actor, { ...query, page: 1 }, EXPORT_ROW_LIMIT);
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId, action: 'petitioner.export', summary: `导出信访人 ${items.length} 条（身份证号已脱敏）` }));
      return buildXlsx('信访人', [
        { header: '姓名', value: (p) => p.name },
        { header: '身份证号（脱敏）', width: 22, value: (p) => p.idNumberMasked ?? '' },
        { header: '信访次数', value: (p) => String(p.petitionCount) },
        { header: '最近信访', value: (p) => p.lastPetitionOn ?? '' },
        { header: '标记', width: 24, value: (p) => p.flags.map((kind) => petitionFlagKindLabel[kind]).join('、') },
        { header: '未处理预警', value: (p) => String(p.openWarningCount) },
        { header: '重点人员', value: (p) => (p.keyPerson ? '是' : '否') },
      ], items);
    },

    async get(actor: Actor, id: string): Promise<PetitionerDetailView> {
      await access.require(actor, 'petition.read');
      return detail(actor, await visiblePetitioner(actor, id));
    },

    async create(actor: Actor, input: PetitionerInput): Promise<PetitionerDetailView> {
      await access.require(actor, 'petition.manage');
      const courtId = actor.courtId;
      const id = newId();
      const { relatedIds, caseIds } = await checkLinks(actor, courtId, id, input);
      const ids = input.idNumber ? await idColumns(courtId, id, input.idNumber) : { idNumberCipher: null, idNumberMasked: null, idNumberIndex: null };
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.petitions.insertPetitioner({
          id,
          courtId,
          name: input.name,
          ...ids,
          contacts: JSON.stringify(input.contacts),
          address: input.address ?? null,
          remark: input.remark ?? null,
          createdBy: actor.accountId,
          createdAt: at,
          updatedAt: at,
          version: 1,
        });
        await trx.petitions.replacePetitionerCases(courtId, id, caseIds, at);
        await trx.petitions.replacePetitionerRelations(courtId, id, relatedIds, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'petitioner.create',
          targetType: 'petitioner',
          targetId: id,
          summary: `登记信访人「${input.name}」${ids.idNumberMasked ? `（身份证号 ${ids.idNumberMasked}）` : '（无身份证号）'}`,
        });
      });
      return reload(actor, courtId, id);
    },

    /** Edits the profile; an absent idNumber keeps the stored one (the form never holds the full number). */
    async update(actor: Actor, id: string, input: PetitionerUpdateInput): Promise<PetitionerDetailView> {
      await access.require(actor, 'petition.manage');
      const current = await visiblePetitioner(actor, id);
      if (current.version !== input.version) throw new StaleVersionError('petitioner');
      const { relatedIds, caseIds } = await checkLinks(actor, current.courtId, id, input);
      const ids = input.idNumber ? await idColumns(current.courtId, id, input.idNumber) : {};
      const patch = { name: input.name, contacts: JSON.stringify(input.contacts), address: input.address ?? null, remark: input.remark ?? null };
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.petitions.updatePetitionerVersioned(current.courtId, id, input.version, { ...patch, ...ids, updatedAt: at }))) throw new StaleVersionError('petitioner');
        await trx.petitions.replacePetitionerCases(current.courtId, id, caseIds, at);
        await trx.petitions.replacePetitionerRelations(current.courtId, id, relatedIds, at);
        const idChange = 'idNumberMasked' in ids && ids.idNumberMasked !== current.idNumberMasked ? `；身份证号：${current.idNumberMasked ?? '（空）'} → ${ids.idNumberMasked}` : '';
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: 'petitioner.update',
          targetType: 'petitioner',
          targetId: id,
          summary: `修改信访人「${current.name}」：${describeChanges({ name: current.name, contacts: current.contacts, address: current.address, remark: current.remark }, patch, AUDITED_FIELDS)}${idChange}`,
        });
      });
      return reload(actor, current.courtId, id);
    },

    /** 查看完整身份证号: petition.confidential only, one audited request per reveal. */
    async revealId(actor: Actor, id: string): Promise<{ idNumber: string }> {
      await requireAll(actor, ['petition.read', 'petition.confidential']);
      const row = await visiblePetitioner(actor, id);
      if (!row.idNumberCipher) throw new ConflictError(`信访人「${row.name}」未登记身份证号`);
      const idNumber = cipher().decrypt(row.idNumberCipher, idContext(id));
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: 'petitioner.reveal_id', targetType: 'petitioner', targetId: id, summary: `查看信访人「${row.name}」的完整身份证号` }),
      );
      return { idNumber };
    },

    /** The person's timeline: petitions and their steps, warnings, 稳控 plans, 重点人员 listing and reviews. */
    async timeline(actor: Actor, id: string): Promise<{ items: PetitionerTimelineEntry[] }> {
      await access.require(actor, 'petition.read');
      const row = await visiblePetitioner(actor, id);
      const courtId = row.courtId;
      const { own, links } = await historyOf(courtId, id);
      const [steps, warnings, plans, keyPerson] = await Promise.all([
        repos.petitions.listSteps(courtId, own.map((p) => p.id)),
        repos.petitions.listWarningsOfPeople(courtId, [id]),
        repos.petitions.listPlans(courtId, id),
        repos.petitions.getKeyPerson(courtId, id),
      ]);
      const reviews = keyPerson ? await repos.petitions.listKeyPersonReviews(courtId, [keyPerson.id]) : [];
      const items: PetitionerTimelineEntry[] = [
        ...own.map((p) => ({
          kind: 'petition' as const,
          on: p.receivedOn,
          title: `${petitionChannelLabel[p.channel as PetitionChannel]}（${petitionOutcomeLabel[p.outcome as PetitionOutcome]}）`,
          detail: [p.demands, ...(JSON.parse(p.flags) as PetitionFlagView[]).map((f) => `【${f.label}】`)].join(' '),
          link: null,
        })),
        ...steps
          .filter((s) => s.kind !== 'registered')
          .map((s) => ({ kind: 'step' as const, on: s.doneOn, title: petitionStepKindLabel[s.kind as PetitionStepKind], detail: s.note ?? '', link: null })),
        ...warnings.map((w) => ({ kind: 'warning' as const, on: w.createdAt.slice(0, 10), title: `${riskLevelLabel[w.level as 'red']}预警：${w.title}${w.active ? '' : '（已失效）'}`, detail: w.explanation, link: null })),
        ...plans.map((p) => ({ kind: 'plan' as const, on: p.startedOn, title: `稳控方案（包案领导 ${p.leaderName}）`, detail: (JSON.parse(p.measures) as string[]).join('；'), link: null })),
        ...(keyPerson ? [{ kind: 'key_person' as const, on: keyPerson.listedOn, title: '列为重点人员', detail: keyPerson.reason, link: null }] : []),
        ...reviews.map((r) => ({ kind: 'review' as const, on: r.reviewedOn, title: `重点人员复评：${keyPersonDecisionLabel[r.decision as 'keep']}`, detail: r.opinion, link: null })),
        ...links.cases.filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i).map((c) => ({ kind: 'case' as const, on: c.filedOn, title: `关联案件 ${c.caseNumber} 立案`, detail: '', link: `/cases/${c.id}` })),
      ];
      items.sort((a, b) => b.on.localeCompare(a.on));
      return { items };
    },

    async addPlan(actor: Actor, input: StabilizationPlanInput): Promise<StabilizationPlanView[]> {
      await access.require(actor, 'petition.manage');
      const person = await visiblePetitioner(actor, input.petitionerId);
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.petitions.insertPlan({
          id: newId(),
          courtId: person.courtId,
          petitionerId: person.id,
          leaderName: input.leaderName,
          leaderAccountId: input.leaderAccountId ?? null,
          staff: JSON.stringify(input.staff),
          measures: JSON.stringify(input.measures),
          agencyIds: JSON.stringify(input.agencyIds),
          startedOn: input.startedOn,
          reviewOn: input.reviewOn,
          createdBy: actor.accountId,
          createdByName: actor.displayName,
          createdAt: at,
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: person.courtId,
          action: 'petitioner.plan',
          targetType: 'petitioner',
          targetId: person.id,
          summary: `为信访人「${person.name}」制定稳控方案：包案领导 ${input.leaderName}，措施 ${input.measures.length} 项，复查日期 ${input.reviewOn}`,
        });
      });
      return plansOf(person.courtId, person.id);
    },

    async listKeyPeople(actor: Actor, query: KeyPersonListQuery): Promise<Paged<KeyPersonView>> {
      await access.require(actor, 'petition.read');
      const courtId = await courtOf(actor, query.courtId);
      const rows = await repos.petitions.listKeyPeople(courtId);
      const reviews = await repos.petitions.listKeyPersonReviews(courtId, rows.map((r) => r.id));
      const all = rows
        .map((row) => presentKeyPerson(row, reviews))
        .filter((view) => !query.reviewStatus || view.reviewStatus === query.reviewStatus)
        .sort((a, b) => a.nextReviewOn.localeCompare(b.nextReviewOn) || a.petitionerName.localeCompare(b.petitionerName));
      const start = (query.page - 1) * query.pageSize;
      return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
    },

    /** 列为重点人员; listing again someone delisted earlier reopens the record. */
    async addKeyPerson(actor: Actor, input: KeyPersonInput): Promise<KeyPersonView> {
      await access.require(actor, 'petition.manage');
      const person = await visiblePetitioner(actor, input.petitionerId);
      const existing = await repos.petitions.getKeyPerson(person.courtId, person.id);
      if (existing?.active === 1) throw new ConflictError(`信访人「${person.name}」已在重点人员名单中`);
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const columns = { listedOn: input.listedOn, reason: input.reason, reviewCadenceDays: input.reviewCadenceDays, lastReviewedOn: null, active: 1, updatedAt: at };
        if (existing) {
          if (!(await trx.petitions.updateKeyPersonVersioned(person.courtId, existing.id, existing.version, columns))) throw new StaleVersionError('keyPerson');
        } else {
          await trx.petitions.insertKeyPerson({ id: newId(), courtId: person.courtId, petitionerId: person.id, ...columns, createdBy: actor.accountId, createdAt: at, version: 1 });
        }
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: person.courtId,
          action: 'petitioner.key_person',
          targetType: 'petitioner',
          targetId: person.id,
          summary: `将信访人「${person.name}」列为重点人员，复评周期 ${input.reviewCadenceDays} 天`,
        });
      });
      const row = (await repos.petitions.getKeyPerson(person.courtId, person.id))!;
      return presentKeyPerson({ ...row, petitionerName: person.name, idNumberMasked: person.idNumberMasked }, await repos.petitions.listKeyPersonReviews(person.courtId, [row.id]));
    },

    /** A periodic review: 继续列管 restarts the cadence, 撤销列管 takes the person off the list. */
    async reviewKeyPerson(actor: Actor, id: string, input: KeyPersonReviewRequest): Promise<KeyPersonView> {
      await access.require(actor, 'petition.manage');
      const row = access.inScope(actor, await repos.petitions.getKeyPersonById(actor.scope.courtIds, id), 'keyPerson', id);
      if (row.active !== 1) throw new ConflictError('该人员已撤销列管，不能再复评');
      if (row.version !== input.version) throw new StaleVersionError('keyPerson');
      if (input.reviewedOn < (row.lastReviewedOn ?? row.listedOn)) throw new ValidationError('复评日期不能早于列管日期或上次复评日期', [{ path: 'reviewedOn', message: '复评日期不能早于列管日期或上次复评日期' }]);
      const person = (await repos.petitions.getPetitioner(new Set([row.courtId]), row.petitionerId))!;
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.petitions.updateKeyPersonVersioned(row.courtId, id, input.version, { lastReviewedOn: input.reviewedOn, active: input.decision === 'keep' ? 1 : 0, updatedAt: at }))) throw new StaleVersionError('keyPerson');
        await trx.petitions.insertKeyPersonReview({ id: newId(), courtId: row.courtId, keyPersonId: id, reviewedOn: input.reviewedOn, decision: input.decision, opinion: input.opinion, createdBy: actor.accountId, createdByName: actor.displayName, createdAt: at });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: row.courtId,
          action: 'petitioner.key_person_review',
          targetType: 'petitioner',
          targetId: row.petitionerId,
          summary: `重点人员「${person.name}」复评：${keyPersonDecisionLabel[input.decision]}`,
        });
      });
      const next = (await repos.petitions.getKeyPerson(row.courtId, row.petitionerId))!;
      return presentKeyPerson({ ...next, petitionerName: person.name, idNumberMasked: person.idNumberMasked }, await repos.petitions.listKeyPersonReviews(row.courtId, [id]));
    },

    /** 心理疏导与回访: petition.confidential; decrypted here and every read audited. */
    async confidential(actor: Actor, id: string): Promise<ConfidentialRecordsView> {
      await requireAll(actor, ['petition.read', 'petition.confidential']);
      const person = await visiblePetitioner(actor, id);
      const [sessions, visits] = await Promise.all([repos.petitions.listCounselling(person.courtId, id), repos.petitions.listFollowUps(person.courtId, id)]);
      const counselling: CounsellingSessionView[] = sessions.map((s) => ({
        id: s.id,
        petitionerId: s.petitionerId,
        heldOn: s.heldOn,
        counsellor: s.counsellor,
        form: s.form as CounsellingSessionView['form'],
        emotionalState: s.emotionalState as CounsellingSessionView['emotionalState'],
        notes: cipher().decrypt(s.notesCipher, notesContext(s.id)),
        nextOn: s.nextOn,
        createdByName: s.createdByName,
        createdAt: s.createdAt,
      }));
      const followUps: FollowUpVisitView[] = visits.map((v) => ({
        id: v.id,
        petitionerId: v.petitionerId,
        visitedOn: v.visitedOn,
        visitors: JSON.parse(v.visitors) as string[],
        method: v.method as FollowUpVisitView['method'],
        attitude: v.attitude as FollowUpVisitView['attitude'],
        findings: cipher().decrypt(v.findingsCipher, findingsContext(v.id)),
        nextOn: v.nextOn,
        createdByName: v.createdByName,
        createdAt: v.createdAt,
      }));
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), {
          courtId: person.courtId,
          action: 'petitioner.confidential_read',
          targetType: 'petitioner',
          targetId: id,
          summary: `查看信访人「${person.name}」的保密记录（心理疏导 ${counselling.length} 条、回访 ${followUps.length} 条）`,
        }),
      );
      return { counselling, followUps };
    },

    async addCounselling(actor: Actor, input: CounsellingSessionInput): Promise<ConfidentialRecordsView> {
      await requireAll(actor, ['petition.manage', 'petition.confidential']);
      const person = await visiblePetitioner(actor, input.petitionerId);
      const id = newId();
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.petitions.insertCounselling({
          id,
          courtId: person.courtId,
          petitionerId: person.id,
          heldOn: input.heldOn,
          counsellor: input.counsellor,
          form: input.form,
          emotionalState: input.emotionalState,
          notesCipher: cipher().encrypt(input.notes, notesContext(id)),
          nextOn: input.nextOn ?? null,
          createdBy: actor.accountId,
          createdByName: actor.displayName,
          createdAt: at,
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: person.courtId,
          action: 'petitioner.counselling',
          targetType: 'petitioner',
          targetId: person.id,
          summary: `登记信访人「${person.name}」心理疏导记录（${input.heldOn}，${counsellingFormLabel[input.form]}）`,
        });
      });
      return this.confidential(actor, person.id);
    },

    async addFollowUp(actor: Actor, input: FollowUpVisitInput): Promise<ConfidentialRecordsView> {
      await requireAll(actor, ['petition.manage', 'petition.confidential']);
      const person = await visiblePetitioner(actor, input.petitionerId);
      const id = newId();
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.petitions.insertFollowUp({
          id,
          courtId: person.courtId,
          petitionerId: person.id,
          visitedOn: input.visitedOn,
          visitors: JSON.stringify(input.visitors),
          method: input.method,
          attitude: input.attitude,
          findingsCipher: cipher().encrypt(input.findings, findingsContext(id)),
          nextOn: input.nextOn ?? null,
          createdBy: actor.accountId,
          createdByName: actor.displayName,
          createdAt: at,
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: person.courtId,
          action: 'petitioner.follow_up',
          targetType: 'petitioner',
          targetId: person.id,
          summary: `登记信访人「${person.name}」回访记录（${input.visitedOn}）`,
        });
      });
      return this.confidential(actor, person.id);
    },
  };
}
export type PetitionerService = ReturnType<typeof createPetitionerService>;

