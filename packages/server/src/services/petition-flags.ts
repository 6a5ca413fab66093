import fs from 'node:fs';
import path from 'node:path';
import {
  calculatePetitionClocks,
  compileRulePacks,
  evaluatePetitionFlags,
  parseRulePack,
  petitionClockStatusLabel,
  petitionClockWarnings,
  petitionFlagKindLabel,
  RISK_LEVELS,
  venueRank,
  type CourtLevel,
  type HolidayCalendar,
  type LocalDate,
  type NotificationKind,
  type PetitionChannel,
  type PetitionClockView,
  type PetitionFacts,
  type PetitionFlagView,
  type PetitionNature,
  type PetitionStepKind,
  type PetitionTimeLimitSettings,
  type PetitionVenueLevel,
  type PetitionWarningView,
  type RiskLevel,
  type Screener,
} from '@courtrisk/core';
import type { PetitionStepTable, PetitionTable, PetitionWarningTable } from '../db/petition-schema.js';
import { DEFAULT_RULES_DIR } from '../screening/default-rule-packs.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { notify, type NewNotification } from './notifier.js';
import { loadPetitionSettings } from './petition-settings.service.js';

/**
 * How petitions turn into flags, clocks and warnings (issue 6, docs/petitions.md "Flags" and "Time
 * limits"): the core computes, this module loads the records, stores the results and tells the
 * court's petition staff. Everything runs inside the caller's transaction.
 */

/** The petition-content pack (极端言行), kept apart from the case packs (docs/petitions.md). */
export const PETITION_PACK_FILE = path.join(DEFAULT_RULES_DIR, 'petition', 'petition_content.yaml');

export function compilePetitionScreener(file = PETITION_PACK_FILE): Screener {
  const parsed = parseRulePack(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`信访内容规则包无效：${parsed.errors.map((error) => error.message).join('；')}`);
  const compiled = compileRulePacks([parsed.pack]);
  if (!compiled.ok) throw new Error(`信访内容规则包无法编译：${compiled.errors.map((error) => error.message).join('；')}`);
  return compiled.screener;
}

type Links = Awaited<ReturnType<Repositories['petitions']['listLinks']>>;

/** The highest level among the linked cases' courts: the court responsible for the matter. */
function responsibleLevel(cases: readonly { level: string }[]): CourtLevel | undefined {
  let best: CourtLevel | undefined;
  for (const { level } of cases) if (best === undefined || venueRank(level as CourtLevel) > venueRank(best)) best = level as CourtLevel;
  return best;
}

export function petitionFacts(row: PetitionTable, links: Links): PetitionFacts {
  const cases = links.cases.filter((c) => c.petitionId === row.id);
  return {
    id: row.id,
    receivedOn: row.receivedOn as LocalDate,
    channel: row.channel as PetitionChannel,
    petitioners: links.people.filter((p) => p.petitionId === row.id).map((p) => ({ id: p.id, name: p.name })),
    headcount: row.headcount,
    venueLevel: row.venueLevel as PetitionVenueLevel,
    responsibleLevel: responsibleLevel(cases),
    caseIds: cases.map((c) => c.id),
    content: row.content,
    demands: row.demands,
  };
}

export function presentPetitionWarning(row: PetitionWarningTable): PetitionWarningView {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    domain: row.domain,
    subtype: row.subtype,
    level: row.level as RiskLevel,
    escalated: row.escalated === 1,
    title: row.title,
    explanation: row.explanation,
    suggestedAction: row.suggestedAction,
    petitionId: row.petitionId,
    petitionerIds: JSON.parse(row.petitionerIds) as string[],
    caseIds: JSON.parse(row.caseIds) as string[],
    active: row.active === 1,
    status: row.status as PetitionWarningView['status'],
    riskId: row.riskId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

interface WarningDraft {
  key: string;
  ruleId: string;
  ruleVersion: number;
  domain: string;
  subtype: string;
  level: RiskLevel;
  escalated: boolean;
  title: string;
  explanation: string;
  suggestedAction: string;
  source: unknown;
  petitionId: string;
  petitionerId: string | null;
  petitionerIds: readonly string[];
  caseIds: readonly string[];
}

const CLOCK_KEY = ':clock:';

export interface PetitionFlagEngineDeps {
  calendar: HolidayCalendar;
  /** Compiled on first use (the pack is read from disk once per process). */
  screener: () => Screener;
}

export function createPetitionFlagEngine({ calendar, screener }: PetitionFlagEngineDeps) {
  /**
   * Upserts warnings by key; returns those that are new, active again or more severe (即将到期 →
   * 超期: staff must hear of the miss, not only of the approach). An unchanged warning is not rewritten.
   */
  async function upsertWarnings(trx: Repositories, courtId: string, drafts: readonly WarningDraft[], at: string): Promise<PetitionWarningTable[]> {
    const raised: PetitionWarningTable[] = [];
    for (const draft of drafts) {
      const columns = {
        ruleId: draft.ruleId,
        ruleVersion: draft.ruleVersion,
        domain: draft.domain,
        subtype: draft.subtype,
        level: draft.level,
        escalated: draft.escalated ? 1 : 0,
        title: draft.title,
        explanation: draft.explanation,
        suggestedAction: draft.suggestedAction,
        source: JSON.stringify(draft.source),
        petitionId: draft.petitionId,
        petitionerId: draft.petitionerId,
        petitionerIds: JSON.stringify(draft.petitionerIds),
        caseIds: JSON.stringify(draft.caseIds),
        active: 1,
      };
      const existing = await trx.petitions.getWarningByKey(courtId, draft.key);
      if (!existing) {
        const row: PetitionWarningTable = { id: newId(), courtId, dedupeKey: draft.key, ...columns, status: 'pending', riskId: null, triageNote: null, triagedBy: null, triagedAt: null, createdAt: at, updatedAt: at, version: 1 };
        await trx.petitions.insertWarning(row);
        raised.push(row);
        continue;
      }
      const changed = (Object.keys(columns) as (keyof typeof columns)[]).some((name) => existing[name] !== columns[name]);
      if (!changed) continue;
      const next = { ...existing, ...columns, updatedAt: at, version: existing.version + 1 };
      await trx.petitions.updateWarning(courtId, existing.id, { ...columns, updatedAt: at, version: next.version });
      if (existing.active === 0 || RISK_LEVELS.indexOf(draft.level) < RISK_LEVELS.indexOf(existing.level as RiskLevel)) raised.push(next);
    }
    return raised;
  }

  async function deactivate(trx: Repositories, courtId: string, rows: readonly PetitionWarningTable[], at: string) {
    for (const row of rows) {
      if (row.active === 1) await trx.petitions.updateWarning(courtId, row.id, { active: 0, updatedAt: at, version: row.version + 1 });
    }
  }

  /** Tells every active account of the court holding petition.manage (信访 staff) about each raised warning. */
  async function tellStaff(trx: Repositories, courtId: string, raised: readonly PetitionWarningTable[], kindOf: (row: PetitionWarningTable) => NotificationKind, at: string) {
    if (raised.length === 0) return 0;
    const staff = await trx.risks.listAccountsHolding(courtId, 'petition.manage');
    const items: NewNotification[] = raised.flatMap((row) => {
      const people = JSON.parse(row.petitionerIds) as string[];
      return staff.map((account) => ({
        courtId,
        recipientId: account.id,
        kind: kindOf(row),
        title: row.title,
        body: row.explanation,
        link: people.length > 0 ? `/petitioners/${people[0]}` : `/petitions/${row.petitionId}`,
        dedupeKey: `petition-warning:${row.id}:${row.version}`,
      }));
    });
    await notify(trx, items, at);
    return items.length;
  }

  return {
    /**
     * Re-evaluates every petition of `petitionerIds` (a new or edited petition may change the flags
     * of the people's later ones), stores each petition's flags, upserts the warnings by key,
     * deactivates flag warnings that no longer fire and notifies staff of the new ones.
     */
    async reevaluate(trx: Repositories, courtId: string, petitionerIds: readonly string[], at: string) {
      const people = new Set(petitionerIds);
      const own = await trx.petitions.listPetitionsOfPeople(courtId, [...people]);
      // Co-petitioners' other petitions count for their own 重复访 on the shared records.
      const ownLinks = await trx.petitions.listLinks(courtId, own.map((row) => row.id));
      const everyone = [...new Set(ownLinks.people.map((p) => p.id))];
      const all = everyone.length > people.size ? await trx.petitions.listPetitionsOfPeople(courtId, everyone) : own;
      const links = all === own ? ownLinks : await trx.petitions.listLinks(courtId, all.map((row) => row.id));
      const history = all.map((row) => petitionFacts(row, links));
      const { flags: settings } = await loadPetitionSettings(trx, courtId);
      const drafts = new Map<string, WarningDraft>();
      const evaluated = new Set<string>();
      for (const facts of history) {
        if (!facts.petitioners.some((p) => people.has(p.id))) continue;
        evaluated.add(facts.id);
        const result = evaluatePetitionFlags({ petition: facts, history, settings, screener: screener() });
        const flags: PetitionFlagView[] = result.flags.map((flag) => ({ kind: flag.kind, label: petitionFlagKindLabel[flag.kind], ruleId: flag.ruleId, level: flag.level, title: flag.title, explanation: flag.explanation }));
        const row = all.find((r) => r.id === facts.id)!;
        if (row.flags !== JSON.stringify(flags)) await trx.petitions.setPetitionFlags(courtId, row.id, JSON.stringify(flags));
        // History is in date order, so a person's 重复访 key ends with the latest visit's evidence.
        for (const warning of result.warnings) {
          drafts.set(warning.key, {
            ...warning,
            petitionerId: warning.flag.kind === 'repeat' ? warning.flag.petitioner.id : null,
            suggestedAction: warning.suggestedAction,
          });
        }
      }
      const raised = await upsertWarnings(trx, courtId, [...drafts.values()], at);
      const stale = (await trx.petitions.listWarningsOfPeople(courtId, [...people])).filter(
        (row) =>
          !row.dedupeKey.includes(CLOCK_KEY) &&
          !drafts.has(row.dedupeKey) &&
          (row.petitionerId !== null ? people.has(row.petitionerId) : row.petitionId !== null && evaluated.has(row.petitionId)),
      );
      await deactivate(trx, courtId, stale, at);
      const notified = await tellStaff(trx, courtId, raised, () => 'petition_warning', at);
      return { raised, notified };
    },

    /** The clocks of one petition as of `today` (信访工作条例 2022; the court's 信访舆情设置). */
    clocks(row: Pick<PetitionTable, 'nature' | 'receivedOn'>, steps: readonly PetitionStepTable[], today: LocalDate, settings: PetitionTimeLimitSettings) {
      const result = calculatePetitionClocks(
        {
          nature: row.nature as PetitionNature,
          receivedOn: row.receivedOn as LocalDate,
          steps: steps.map((step) => ({ kind: step.kind as PetitionStepKind, on: step.doneOn as LocalDate, days: step.days ?? undefined, until: (step.until ?? undefined) as LocalDate | undefined })),
        },
        settings,
        calendar,
        today,
      );
      const views: PetitionClockView[] = result.clocks.map((clock) => ({ ...clock, statusLabel: petitionClockStatusLabel[clock.status] }));
      return { result, views };
    },

    /**
     * Raises the court-side clock warnings of one petition (超期 / 即将到期, 内部管理) and retires
     * those whose clock is met or has moved; notifies staff once per warning.
     */
    async refreshClockWarnings(trx: Repositories, row: PetitionTable, steps: readonly PetitionStepTable[], petitionerIds: readonly string[], caseIds: readonly string[], today: LocalDate, at: string) {
      const { result } = this.clocks(row, steps, today, (await loadPetitionSettings(trx, row.courtId)).timeLimits);
      const drafts: WarningDraft[] = petitionClockWarnings(row.id, result.clocks).map((warning) => ({
        ...warning,
        ruleId: 'PET-CLOCK-01',
        ruleVersion: 1,
        escalated: false,
        suggestedAction: '督促承办部门在期限内作出决定或答复；确需延长的，按规定报批并记录延长天数。',
        source: [{ document: '信访工作条例', edition: '2022年', note: '受理、办理、复查、复核期限（条文序号待核实）' }],
        petitionId: row.id,
        petitionerId: null,
        petitionerIds,
        caseIds,
      }));
      const raised = await upsertWarnings(trx, row.courtId, drafts, at);
      const keys = new Set(drafts.map((draft) => draft.key));
      const stale = (await trx.petitions.listWarningsOfPetition(row.courtId, row.id)).filter((w) => w.dedupeKey.includes(CLOCK_KEY) && !keys.has(w.dedupeKey));
      await deactivate(trx, row.courtId, stale, at);
      const notified = await tellStaff(trx, row.courtId, raised, (w) => (w.level === 'blue' ? 'clock_due_soon' : 'clock_missed'), at);
      return { raised, notified };
    },
  };
}
export type PetitionFlagEngine = ReturnType<typeof createPetitionFlagEngine>;
