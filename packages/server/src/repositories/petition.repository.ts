import type { PetitionerListQuery, PetitionListQuery, SourceWarningListQuery } from '@courtrisk/core';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { confirmSourceWarning, type SourceWarningConfirmation } from './source-warning.js';
import { containsText } from '../db/dialect.js';
import type {
  CounsellingSessionTable,
  CourtPetitionSettingTable,
  FollowUpVisitTable,
  KeyPersonReviewTable,
  KeyPersonTable,
  PetitionerTable,
  PetitionStepTable,
  PetitionTable,
  PetitionWarningTable,
  StabilizationPlanTable,
} from '../db/petition-schema.js';
import { newId } from '../ids.js';

export type PetitionerFilter = Omit<PetitionerListQuery, 'page' | 'pageSize' | 'order' | 'courtId'>;
export type PetitionFilter = Omit<PetitionListQuery, 'page' | 'pageSize' | 'order' | 'courtId'>;

/** A flag kind as it appears in the `flags` JSON of a petition (JSON.stringify writes no spaces). */
const flagNeedle = (kind: string) => `"kind":"${kind}"`;

/**
 * 涉诉信访 tables (issue 6). Every query names the court: a petitioner, a petition and their records
 * live in the court that registered them.
 */
export function createPetitionRepository(db: Db, dialect: Dialect) {
  const petitioners = (courtIds: readonly string[]) => db.selectFrom('petitioner').where('petitioner.courtId', 'in', [...courtIds]);
  type PetitionerQuery = ReturnType<typeof petitioners>;
  const withStats = (query: PetitionerQuery) =>
    query.selectAll('petitioner').select((eb) => [
      eb
        .selectFrom('petitionPetitioner')
        .select(eb.fn.countAll().as('n'))
        .whereRef('petitionPetitioner.courtId', '=', 'petitioner.courtId')
        .whereRef('petitionPetitioner.petitionerId', '=', 'petitioner.id')
        .as('petitionCount'),
      eb
        .selectFrom('petitionPetitioner')
        .innerJoin('petition', (j) => j.onRef('petition.id', '=', 'petitionPetitioner.petitionId').onRef('petition.courtId', '=', 'petitionPetitioner.courtId'))
        .select((inner) => inner.fn.max('petition.receivedOn').as('d'))
        .whereRef('petitionPetitioner.courtId', '=', 'petitioner.courtId')
        .whereRef('petitionPetitioner.petitionerId', '=', 'petitioner.id')
        .as('lastPetitionOn'),
      eb
        .selectFrom('keyPerson')
        .select(eb.fn.countAll().as('n'))
        .whereRef('keyPerson.courtId', '=', 'petitioner.courtId')
        .whereRef('keyPerson.petitionerId', '=', 'petitioner.id')
        .where('keyPerson.active', '=', 1)
        .as('keyPersonCount'),
    ]);

  const filteredPetitioners = (query: PetitionerQuery, courtId: string, filter: PetitionerFilter, idIndex: string | undefined): PetitionerQuery => {
    let result = query;
    if (filter.keyword) result = result.where((eb) => containsText(dialect, eb.ref('petitioner.name'), filter.keyword!));
    if (idIndex !== undefined) result = result.where('petitioner.idNumberIndex', '=', idIndex);
    if (filter.keyPerson) {
      const listed = sql<boolean>`exists (select 1 from key_person k where k.court_id = ${courtId} and k.petitioner_id = petitioner.id and k.active = 1)`;
      result = result.where(filter.keyPerson === 'true' ? listed : sql<boolean>`not ${listed}`);
    }
    if (filter.flag) {
      const needle = flagNeedle(filter.flag);
      result = result.where((eb) =>
        eb.exists(
          eb
            .selectFrom('petitionPetitioner')
            .innerJoin('petition', (j) => j.onRef('petition.id', '=', 'petitionPetitioner.petitionId').onRef('petition.courtId', '=', 'petitionPetitioner.courtId'))
            .select('petition.id')
            .where('petitionPetitioner.courtId', '=', courtId)
            .whereRef('petitionPetitioner.petitionerId', '=', 'petitioner.id')
            .where((inner) => containsText(dialect, inner.ref('petition.flags'), needle)),
        ),
      );
    }
    return result;
  };

  const filteredPetitions = (courtId: string, filter: PetitionFilter) => {
    let query = db.selectFrom('petition').where('petition.courtId', '=', courtId);
    if (filter.petitionerId) {
      const petitionerId = filter.petitionerId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('petitionPetitioner')
            .select('petitionPetitioner.id')
            .where('petitionPetitioner.courtId', '=', courtId)
            .whereRef('petitionPetitioner.petitionId', '=', 'petition.id')
            .where('petitionPetitioner.petitionerId', '=', petitionerId),
        ),
      );
    }
    if (filter.from) query = query.where('petition.receivedOn', '>=', filter.from);
    if (filter.to) query = query.where('petition.receivedOn', '<=', filter.to);
    if (filter.channel) query = query.where('petition.channel', '=', filter.channel);
    if (filter.nature) query = query.where('petition.nature', '=', filter.nature);
    if (filter.outcome) query = query.where('petition.outcome', '=', filter.outcome);
    if (filter.flag) {
      const needle = flagNeedle(filter.flag);
      query = query.where((eb) => containsText(dialect, eb.ref('petition.flags'), needle));
    }
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) => eb.or([containsText(dialect, eb.ref('petition.content'), keyword), containsText(dialect, eb.ref('petition.demands'), keyword)]));
    }
    return query;
  };

  const pairs = <T extends object>(courtId: string, at: string, rows: readonly T[]) => rows.map((row) => ({ id: newId(), courtId, createdAt: at, ...row }));

  return {
    // ── 信访舆情设置 ─────────────────────────────────────────────────────────────────────────────
    getSetting(courtId: string) {
      return db.selectFrom('courtPetitionSetting').selectAll().where('courtId', '=', courtId).executeTakeFirst();
    },
    /** The first save of a court; false when another save got there first (unique court key). */
    async insertFirstSetting(row: Insertable<CourtPetitionSettingTable>) {
      const inserted = await db.insertInto('courtPetitionSetting').values(row).onConflict((oc) => oc.column('courtId').doNothing()).returning('id').executeTakeFirst();
      return inserted !== undefined;
    },
    async updateSettingVersioned(courtId: string, version: number, patch: Updateable<CourtPetitionSettingTable>) {
      const result = await db.updateTable('courtPetitionSetting').set({ ...patch, version: version + 1 }).where('courtId', '=', courtId).where('version', '=', version).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    // ── petitioners ──────────────────────────────────────────────────────────────────────────────
    async insertPetitioner(row: Insertable<PetitionerTable>) {
      await db.insertInto('petitioner').values(row).execute();
    },
    async updatePetitionerVersioned(courtId: string, id: string, version: number, patch: Updateable<PetitionerTable>) {
      const result = await db
        .updateTable('petitioner')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** A petitioner by id among the courts the caller sees (the id alone never crosses a court). */
    getPetitioner(courtIds: ReadonlySet<string>, id: string) {
      if (courtIds.size === 0) return Promise.resolve(undefined);
      return withStats(petitioners([...courtIds]).where('petitioner.id', '=', id)).executeTakeFirst();
    },
    getPetitionerByIndex(courtId: string, idIndex: string) {
      return db.selectFrom('petitioner').select(['id', 'name']).where('courtId', '=', courtId).where('idNumberIndex', '=', idIndex).executeTakeFirst();
    },
    listPetitionerNames(courtId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('petitioner').select(['id', 'name', 'idNumberMasked']).where('courtId', '=', courtId).where('id', 'in', [...ids]).orderBy('name').execute();
    },
    async listPetitioners(courtId: string, query: PetitionerListQuery, idIndex: string | undefined, limit = query.pageSize) {
      const base = filteredPetitioners(petitioners([courtId]), courtId, query, idIndex);
      const [rows, count] = await Promise.all([
        withStats(base)
          .orderBy('lastPetitionOn', query.order === 'asc' ? 'asc' : 'desc')
          .orderBy('petitioner.id')
          .limit(limit)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Flags of each person's petitions (JSON texts), for the list's tags. */
    listFlagsOf(courtId: string, petitionerIds: readonly string[]) {
      if (petitionerIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('petitionPetitioner')
        .innerJoin('petition', (j) => j.onRef('petition.id', '=', 'petitionPetitioner.petitionId').onRef('petition.courtId', '=', 'petitionPetitioner.courtId'))
        .select(['petitionPetitioner.petitionerId', 'petition.flags'])
        .where('petitionPetitioner.courtId', '=', courtId)
        .where('petitionPetitioner.petitionerId', 'in', [...petitionerIds])
        .execute();
    },
    countOpenWarningsOf(courtId: string, petitionerIds: readonly string[]) {
      if (petitionerIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('petitionPetitioner')
        .innerJoin('petitionWarning', (j) => j.onRef('petitionWarning.petitionId', '=', 'petitionPetitioner.petitionId').onRef('petitionWarning.courtId', '=', 'petitionPetitioner.courtId'))
        .select(['petitionPetitioner.petitionerId'])
        .select((eb) => eb.fn.count('petitionWarning.id').distinct().as('n'))
        .where('petitionPetitioner.courtId', '=', courtId)
        .where('petitionPetitioner.petitionerId', 'in', [...petitionerIds])
        .where('petitionWarning.active', '=', 1)
        .where((eb) => eb.or([eb('petitionWarning.petitionerId', 'is', null), eb('petitionWarning.petitionerId', '=', eb.ref('petitionPetitioner.petitionerId'))]))
        .groupBy('petitionPetitioner.petitionerId')
        .execute();
    },
    async replacePetitionerCases(courtId: string, petitionerId: string, caseIds: readonly string[], at: string) {
      await db.deleteFrom('petitionerCase').where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).execute();
      if (caseIds.length > 0) await db.insertInto('petitionerCase').values(pairs(courtId, at, caseIds.map((caseId) => ({ petitionerId, caseId })))).execute();
    },
    async replacePetitionerRelations(courtId: string, petitionerId: string, relatedIds: readonly string[], at: string) {
      await db.deleteFrom('petitionerRelation').where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).execute();
      if (relatedIds.length > 0) await db.insertInto('petitionerRelation').values(pairs(courtId, at, relatedIds.map((relatedId) => ({ petitionerId, relatedId })))).execute();
    },
    listPetitionerCaseIds(courtId: string, petitionerId: string) {
      return db.selectFrom('petitionerCase').select('caseId').where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).execute();
    },
    /** Links in either direction (A named B, or B named A). */
    listRelatedIds(courtId: string, petitionerId: string) {
      return db
        .selectFrom('petitionerRelation')
        .select(['petitionerId', 'relatedId'])
        .where('courtId', '=', courtId)
        .where((eb) => eb.or([eb('petitionerId', '=', petitionerId), eb('relatedId', '=', petitionerId)]))
        .execute();
    },

    // ── petitions ────────────────────────────────────────────────────────────────────────────────
    async insertPetition(row: Insertable<PetitionTable>) {
      await db.insertInto('petition').values(row).execute();
    },
    async updatePetitionVersioned(courtId: string, id: string, version: number, patch: Updateable<PetitionTable>) {
      const result = await db
        .updateTable('petition')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Flags are derived data: rewriting them does not bump the version the clerk edits against. */
    async setPetitionFlags(courtId: string, id: string, flags: string) {
      await db.updateTable('petition').set({ flags }).where('courtId', '=', courtId).where('id', '=', id).execute();
    },
    getPetition(courtIds: ReadonlySet<string>, id: string) {
      if (courtIds.size === 0) return Promise.resolve(undefined);
      return db.selectFrom('petition').selectAll().where('courtId', 'in', [...courtIds]).where('id', '=', id).executeTakeFirst();
    },
    async replacePetitionPeople(courtId: string, petitionId: string, petitionerIds: readonly string[], caseIds: readonly string[], at: string) {
      await db.deleteFrom('petitionPetitioner').where('courtId', '=', courtId).where('petitionId', '=', petitionId).execute();
      await db.deleteFrom('petitionCase').where('courtId', '=', courtId).where('petitionId', '=', petitionId).execute();
      if (petitionerIds.length > 0) await db.insertInto('petitionPetitioner').values(pairs(courtId, at, petitionerIds.map((petitionerId) => ({ petitionId, petitionerId })))).execute();
      if (caseIds.length > 0) await db.insertInto('petitionCase').values(pairs(courtId, at, caseIds.map((caseId) => ({ petitionId, caseId })))).execute();
    },
    /** Every petition of the court having one of `petitionerIds` on it. */
    listPetitionsOfPeople(courtId: string, petitionerIds: readonly string[]) {
      if (petitionerIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('petition')
        .selectAll('petition')
        .where('petition.courtId', '=', courtId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('petitionPetitioner')
              .select('petitionPetitioner.id')
              .where('petitionPetitioner.courtId', '=', courtId)
              .whereRef('petitionPetitioner.petitionId', '=', 'petition.id')
              .where('petitionPetitioner.petitionerId', 'in', [...petitionerIds]),
          ),
        )
        .orderBy('petition.receivedOn')
        .orderBy('petition.id')
        .execute();
    },
    /** The people (with names) and cases of each of `petitionIds`. */
    async listLinks(courtId: string, petitionIds: readonly string[]) {
      if (petitionIds.length === 0) return { people: [], cases: [] };
      const [people, cases] = await Promise.all([
        db
          .selectFrom('petitionPetitioner')
          .innerJoin('petitioner', (j) => j.onRef('petitioner.id', '=', 'petitionPetitioner.petitionerId').onRef('petitioner.courtId', '=', 'petitionPetitioner.courtId'))
          .select(['petitionPetitioner.petitionId', 'petitioner.id', 'petitioner.name'])
          .where('petitionPetitioner.courtId', '=', courtId)
          .where('petitionPetitioner.petitionId', 'in', [...petitionIds])
          .orderBy('petitionPetitioner.createdAt')
          .orderBy('petitionPetitioner.id')
          .execute(),
        db
          .selectFrom('petitionCase')
          .innerJoin('courtCase', 'courtCase.id', 'petitionCase.caseId')
          .innerJoin('court', 'court.id', 'courtCase.courtId')
          .select(['petitionCase.petitionId', 'courtCase.id', 'courtCase.caseNumber', 'courtCase.filedOn', 'court.level'])
          .where('petitionCase.courtId', '=', courtId)
          .where('petitionCase.petitionId', 'in', [...petitionIds])
          .execute(),
      ]);
      return { people, cases };
    },
    async listPetitions(courtId: string, query: PetitionListQuery) {
      const base = filteredPetitions(courtId, query);
      const [rows, count] = await Promise.all([
        base
          .selectAll('petition')
          .orderBy('petition.receivedOn', query.order === 'asc' ? 'asc' : 'desc')
          .orderBy('petition.id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Dates and flags of the court's petitions received in [from, to], for the monthly chart. */
    listFlagsBetween(courtId: string, from: string, to: string) {
      return db.selectFrom('petition').select(['receivedOn', 'flags']).where('courtId', '=', courtId).where('receivedOn', '>=', from).where('receivedOn', '<=', to).execute();
    },
    /** Petitions whose clocks may still run: not closed by an outcome that ends them. */
    listOpenPetitions(courtId: string) {
      return db.selectFrom('petition').selectAll().where('courtId', '=', courtId).where('outcome', 'not in', ['settled', 'terminated']).execute();
    },
    listCourtsWithPetitions() {
      return db.selectFrom('petition').select('courtId').distinct().execute();
    },
    async insertStep(row: Insertable<PetitionStepTable>) {
      await db.insertInto('petitionStep').values(row).execute();
    },
    /** The 登记 step carries the received date; a corrected 收到日期 moves it along. */
    async moveRegisteredStep(courtId: string, petitionId: string, doneOn: string) {
      await db.updateTable('petitionStep').set({ doneOn }).where('courtId', '=', courtId).where('petitionId', '=', petitionId).where('kind', '=', 'registered').execute();
    },
    listSteps(courtId: string, petitionIds: readonly string[]) {
      if (petitionIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('petitionStep').selectAll().where('courtId', '=', courtId).where('petitionId', 'in', [...petitionIds]).orderBy('doneOn').orderBy('createdAt').execute();
    },

    // ── warnings ─────────────────────────────────────────────────────────────────────────────────
    getWarningByKey(courtId: string, key: string) {
      return db.selectFrom('petitionWarning').selectAll().where('courtId', '=', courtId).where('dedupeKey', '=', key).executeTakeFirst();
    },
    async insertWarning(row: Insertable<PetitionWarningTable>) {
      await db.insertInto('petitionWarning').values(row).execute();
    },
    async updateWarning(courtId: string, id: string, patch: Updateable<PetitionWarningTable>) {
      await db.updateTable('petitionWarning').set(patch).where('courtId', '=', courtId).where('id', '=', id).execute();
    },
    getWarning(id: string) {
      return db.selectFrom('petitionWarning').selectAll().where('id', '=', id).executeTakeFirst();
    },
    confirmWarning(courtId: string, id: string, version: number, patch: SourceWarningConfirmation) {
      return confirmSourceWarning(db, 'petitionWarning', courtId, id, version, patch);
    },
    /** Warnings about these people: theirs (重复访) and those of their petitions. */
    listWarningsOfPeople(courtId: string, petitionerIds: readonly string[]) {
      if (petitionerIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('petitionWarning')
        .selectAll()
        .where('courtId', '=', courtId)
        .where((eb) =>
          eb.or([
            eb('petitionerId', 'in', [...petitionerIds]),
            eb(
              'petitionId',
              'in',
              eb.selectFrom('petitionPetitioner').select('petitionPetitioner.petitionId').where('petitionPetitioner.courtId', '=', courtId).where('petitionPetitioner.petitionerId', 'in', [...petitionerIds]),
            ),
          ]),
        )
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .execute();
    },
    /**
     * GET /petition-warnings: warnings of the courts in scope (petition data is held per court, as for
     * the petitioner pages), with the person each is about — its own, else its petition's first person.
     */
    async listWarnings(courtIds: ReadonlySet<string>, query: SourceWarningListQuery) {
      if (courtIds.size === 0) return { rows: [], total: 0 };
      let base = db.selectFrom('petitionWarning').where('petitionWarning.courtId', 'in', [...courtIds]);
      if (query.courtId) base = base.where('petitionWarning.courtId', '=', query.courtId);
      if (query.status) base = base.where('petitionWarning.status', '=', query.status);
      if (query.level) base = base.where('petitionWarning.level', '=', query.level);
      if (query.includeInactive !== 'true') base = base.where('petitionWarning.active', '=', 1);
      const [rows, count] = await Promise.all([
        base
          .selectAll('petitionWarning')
          .orderBy('petitionWarning.createdAt', query.order)
          .orderBy('petitionWarning.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Names of people across the courts in scope (list rows' links). */
    listPeopleNames(courtIds: ReadonlySet<string>, ids: readonly string[]) {
      if (ids.length === 0 || courtIds.size === 0) return Promise.resolve([]);
      return db.selectFrom('petitioner').select(['id', 'name']).where('courtId', 'in', [...courtIds]).where('id', 'in', [...ids]).execute();
    },
    listWarningsOfPetition(courtId: string, petitionId: string) {
      return db.selectFrom('petitionWarning').selectAll().where('courtId', '=', courtId).where('petitionId', '=', petitionId).execute();
    },

    // ── 稳控, 重点人员, confidential records ─────────────────────────────────────────────────────
    async insertPlan(row: Insertable<StabilizationPlanTable>) {
      await db.insertInto('stabilizationPlan').values(row).execute();
    },
    listPlans(courtId: string, petitionerId: string) {
      return db.selectFrom('stabilizationPlan').selectAll().where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).orderBy('startedOn', 'desc').orderBy('createdAt', 'desc').execute();
    },
    getKeyPerson(courtId: string, petitionerId: string) {
      return db.selectFrom('keyPerson').selectAll().where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).executeTakeFirst();
    },
    getKeyPersonById(courtIds: ReadonlySet<string>, id: string) {
      if (courtIds.size === 0) return Promise.resolve(undefined);
      return db.selectFrom('keyPerson').selectAll().where('courtId', 'in', [...courtIds]).where('id', '=', id).executeTakeFirst();
    },
    async insertKeyPerson(row: Insertable<KeyPersonTable>) {
      await db.insertInto('keyPerson').values(row).execute();
    },
    async updateKeyPersonVersioned(courtId: string, id: string, version: number, patch: Updateable<KeyPersonTable>) {
      const result = await db
        .updateTable('keyPerson')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    listKeyPeople(courtId: string) {
      return db
        .selectFrom('keyPerson')
        .innerJoin('petitioner', (j) => j.onRef('petitioner.id', '=', 'keyPerson.petitionerId').onRef('petitioner.courtId', '=', 'keyPerson.courtId'))
        .selectAll('keyPerson')
        .select(['petitioner.name as petitionerName', 'petitioner.idNumberMasked'])
        .where('keyPerson.courtId', '=', courtId)
        .where('keyPerson.active', '=', 1)
        .execute();
    },
    async insertKeyPersonReview(row: Insertable<KeyPersonReviewTable>) {
      await db.insertInto('keyPersonReview').values(row).execute();
    },
    listKeyPersonReviews(courtId: string, keyPersonIds: readonly string[]) {
      if (keyPersonIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('keyPersonReview').selectAll().where('courtId', '=', courtId).where('keyPersonId', 'in', [...keyPersonIds]).orderBy('reviewedOn', 'desc').orderBy('createdAt', 'desc').execute();
    },
    async insertCounselling(row: Insertable<CounsellingSessionTable>) {
      await db.insertInto('counsellingSession').values(row).execute();
    },
    listCounselling(courtId: string, petitionerId: string) {
      return db.selectFrom('counsellingSession').selectAll().where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).orderBy('heldOn', 'desc').orderBy('createdAt', 'desc').execute();
    },
    async insertFollowUp(row: Insertable<FollowUpVisitTable>) {
      await db.insertInto('followUpVisit').values(row).execute();
    },
    listFollowUps(courtId: string, petitionerId: string) {
      return db.selectFrom('followUpVisit').selectAll().where('courtId', '=', courtId).where('petitionerId', '=', petitionerId).orderBy('visitedOn', 'desc').orderBy('createdAt', 'desc').execute();
    },

    // ── look-ups in other tables ─────────────────────────────────────────────────────────────────
    /** Cases among `ids` in the given courts, with their court's level (越级访 compares with it). */
    listCases(courtIds: ReadonlySet<string>, ids: readonly string[]) {
      if (ids.length === 0 || courtIds.size === 0) return Promise.resolve([]);
      return db
        .selectFrom('courtCase')
        .innerJoin('court', 'court.id', 'courtCase.courtId')
        .select(['courtCase.id', 'courtCase.courtId', 'courtCase.caseNumber', 'courtCase.filedOn', 'court.level'])
        .where('courtCase.courtId', 'in', [...courtIds])
        .where('courtCase.id', 'in', [...ids])
        .execute();
    },
  };
}
export type PetitionRepository = ReturnType<typeof createPetitionRepository>;
