import { z } from 'zod';
import { strictObject } from '../contracts/form-fields.js';
import type { CourtLevel } from '../courts/court.js';
import { addDays, compareLocalDates, formatChineseDate, type LocalDate } from '../deadlines/local-date.js';
import type { Screener } from '../screening/evaluate.js';
import type { Evidence, ScreeningFinding } from '../screening/finding.js';
import { RISK_LEVELS, type Citation, type RiskLevel } from '../screening/rule-schema.js';
import type { ScreeningInput } from '../screening/screening-input.js';
import { petitionChannelLabel, petitionVenueLevelLabel, venueRank, type PetitionChannel, type PetitionVenueLevel } from './vocabulary.js';

/**
 * Petition flags (issue 6; PRODUCT.md §2 社会稳定 → 涉诉信访、极端言行): computed from the records, never
 * typed in. 重复访, 越级访 and 集体访 are counted here; 极端言行 is found by a screening rule pack run
 * over the petition's content and demands (`packages/core/rules/petition/`). Every flag explains
 * itself in Chinese (which visits, which dates, which words) and says which warning it raises.
 */

const EDITION_2022 = '2022年（中共中央、国务院印发，2022年5月1日起施行）';

/** Per-court thresholds. They are management settings, not law: the 条例 defines none of them. */
export const PetitionFlagSettings = strictObject({
  repeat: strictObject(
    {
      minCount: z.number({ error: '重复访次数必须是数字' }).int({ error: '重复访次数必须是整数' }).min(2, { error: '重复访次数至少为 2' }).max(100, { error: '重复访次数不能超过 100' }).default(3),
      windowDays: z.number({ error: '重复访统计天数必须是数字' }).int({ error: '重复访统计天数必须是整数' }).min(1, { error: '重复访统计天数至少为 1' }).max(3660, { error: '重复访统计天数不能超过 3660' }).default(90),
      countSameDayOnce: z.boolean({ error: '同日多次是否按一次计应为 true 或 false' }).default(true),
    },
    '重复访设置',
  ).default({ minCount: 3, windowDays: 90, countSameDayOnce: true }),
  collective: strictObject(
    {
      minPeople: z.number({ error: '集体访人数必须是数字' }).int({ error: '集体访人数必须是整数' }).min(2, { error: '集体访人数至少为 2' }).max(1000, { error: '集体访人数不能超过 1000' }).default(5),
    },
    '集体访设置',
  ).default({ minPeople: 5 }),
}, '信访标记设置');
export type PetitionFlagSettings = z.infer<typeof PetitionFlagSettings>;
export const DEFAULT_PETITION_FLAG_SETTINGS: PetitionFlagSettings = PetitionFlagSettings.parse({});

export interface PetitionPerson {
  readonly id: string;
  readonly name: string;
}

/** What flag computation reads from a petition record (信访件). */
export interface PetitionFacts {
  readonly id: string;
  readonly receivedOn: LocalDate;
  readonly channel: PetitionChannel;
  /** Registered petitioners on this record (one for an individual petition). */
  readonly petitioners: readonly PetitionPerson[];
  /** People who came or signed, registered or not; the larger of this and `petitioners.length` counts. */
  readonly headcount: number;
  /** Where the petitioner went (the receiving court, or the upper organ that transferred it). */
  readonly venueLevel: PetitionVenueLevel;
  /** Level of the court responsible for the matter (the court of the case); unknown → no 越级 flag. */
  readonly responsibleLevel?: CourtLevel | undefined;
  readonly caseIds: readonly string[];
  readonly content: string;
  readonly demands: string;
}

interface FlagBase {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** Level before combination (see {@link evaluatePetitionFlags}). */
  readonly level: RiskLevel;
  readonly title: string;
  readonly explanation: string;
  readonly source: readonly Citation[];
}

export interface PetitionVisit {
  readonly petitionId: string;
  readonly receivedOn: LocalDate;
  readonly channel: PetitionChannel;
}

export type PetitionFlag =
  | (FlagBase & {
      readonly kind: 'repeat';
      readonly petitioner: PetitionPerson;
      /** First and last day of the counting window, both inclusive. */
      readonly windowFrom: LocalDate;
      readonly windowTo: LocalDate;
      /** Visits counted (distinct days when same-day visits count once). */
      readonly count: number;
      readonly visits: readonly PetitionVisit[];
    })
  | (FlagBase & { readonly kind: 'levelSkipping'; readonly venueLevel: PetitionVenueLevel; readonly responsibleLevel: CourtLevel; readonly levelsSkipped: number })
  | (FlagBase & { readonly kind: 'collective'; readonly people: number; readonly registered: number; readonly minPeople: number })
  | (FlagBase & { readonly kind: 'extremeSpeech'; readonly finding: ScreeningFinding });
export type PetitionFlagKind = PetitionFlag['kind'];

export const petitionFlagKindLabel: Record<PetitionFlagKind, string> = {
  repeat: '重复访',
  levelSkipping: '越级访',
  collective: '集体访',
  extremeSpeech: '极端言行',
};

/** A warning to raise (PRODUCT.md §3 预警), linked to the petition, its people and its cases. */
export interface PetitionWarningDraft {
  /**
   * De-duplication key: one open warning per person for 重复访 (`petitioner:<id>:<rule>`; a further
   * visit adds evidence to it), one per petition and rule for the others (`petition:<id>:<rule>`).
   */
  readonly key: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly domain: 'social_stability';
  /** 涉诉信访 for the counted flags; the rule's subtype (极端言行) for content findings. */
  readonly subtype: string;
  readonly level: RiskLevel;
  /** True when the level was raised one step because several flags coincide on this petition. */
  readonly escalated: boolean;
  readonly title: string;
  readonly explanation: string;
  readonly suggestedAction: string;
  readonly petitionId: string;
  readonly petitionerIds: readonly string[];
  readonly caseIds: readonly string[];
  readonly flag: PetitionFlag;
  readonly source: readonly Citation[];
}

export interface PetitionFlagInput {
  readonly petition: PetitionFacts;
  /**
   * Other records of the same people, in any order (the petition itself may be included). Records
   * received after `petition` are ignored: a flag is evaluated as of the petition's own date, so it
   * never changes when later visits arrive.
   */
  readonly history: readonly PetitionFacts[];
  readonly settings?: PetitionFlagSettings;
  /** The petition-content screener (`compileRulePacks` over the petition pack); omit to skip 极端言行. */
  readonly screener?: Screener;
}

export interface PetitionFlagEvaluation {
  readonly flags: readonly PetitionFlag[];
  readonly warnings: readonly PetitionWarningDraft[];
}

/**
 * Computes the flags of one petition and the warnings they raise.
 *
 * Levels (a management default, documented in docs/petitions.md): 重复访 yellow; 越级访 yellow for
 * one level, orange when two or more levels are skipped or the petitioner went to the Supreme Court
 * or central organs (进京); 集体访 orange; 极端言行 the level of the firing rule. When two or more of
 * the three counted flags fire on the same petition, each of their warnings is raised one step
 * (capped at red) and says so.
 */
export function evaluatePetitionFlags(input: PetitionFlagInput): PetitionFlagEvaluation {
  const settings = input.settings ?? DEFAULT_PETITION_FLAG_SETTINGS;
  const { petition } = input;
  const counted = [
    ...petition.petitioners.map((person) => detectRepeat(petition, person, input.history, settings.repeat)),
    detectLevelSkipping(petition),
    detectCollective(petition, settings.collective.minPeople),
  ].filter((flag) => flag !== undefined);
  const extreme: PetitionFlag[] = input.screener ? screenPetitionContent(input.screener, petition).map(extremeSpeechFlag) : [];
  const escalate = new Set(counted.map((flag) => flag.kind)).size >= 2;
  const petitionerIds = petition.petitioners.map((person) => person.id);
  const toWarning = (flag: PetitionFlag, raised: boolean): PetitionWarningDraft => ({
    key: flag.kind === 'repeat' ? `petitioner:${flag.petitioner.id}:${flag.ruleId}` : `petition:${petition.id}:${flag.ruleId}`,
    ruleId: flag.ruleId,
    ruleVersion: flag.ruleVersion,
    domain: 'social_stability',
    subtype: flag.kind === 'extremeSpeech' ? flag.finding.subtype : '涉诉信访',
    level: raised ? raiseLevel(flag.level) : flag.level,
    escalated: raised && flag.level !== 'red',
    title: flag.title,
    explanation: raised && flag.level !== 'red' ? `${flag.explanation}；本件同时有${[...new Set(counted.map((c) => petitionFlagKindLabel[c.kind]))].join('、')}，等级上调一级` : flag.explanation,
    suggestedAction: flag.kind === 'extremeSpeech' ? flag.finding.suggestedAction : suggestedActionOf[flag.kind],
    petitionId: petition.id,
    petitionerIds: flag.kind === 'repeat' ? [flag.petitioner.id] : petitionerIds,
    caseIds: petition.caseIds,
    flag,
    source: flag.source,
  });
  return {
    flags: [...counted, ...extreme],
    warnings: [...counted.map((flag) => toWarning(flag, escalate)), ...extreme.map((flag) => toWarning(flag, false))],
  };
}

const suggestedActionOf: Record<Exclude<PetitionFlagKind, 'extremeSpeech'>, string> = {
  repeat: '核查前次信访的办理与答复情况，指定专人接谈，评估是否列为重点人员并制定稳控方案。',
  levelSkipping: '与接访机关对接，按属地管理、分级负责将事项交回有权处理的法院，当面释法明理并跟踪化解。',
  collective: '院领导接谈，引导推选不超过五名代表反映诉求，研判是否为群体性纠纷，必要时通报公安、属地街道。',
};

function raiseLevel(level: RiskLevel): RiskLevel {
  return RISK_LEVELS[Math.max(0, RISK_LEVELS.indexOf(level) - 1)]!;
}

/** A visit list such as `2024年3月1日来访、2024年3月15日来信`. */
function describeVisits(visits: readonly PetitionVisit[]): string {
  return visits.map((visit) => `${formatChineseDate(visit.receivedOn)}${petitionChannelLabel[visit.channel]}`).join('、');
}

/**
 * 重复访: `person` petitioned at least `minCount` times within `windowDays` consecutive calendar
 * days ending on this petition's date — the window is [date − (windowDays − 1), date], both ends
 * inclusive, so with 90 days a visit exactly 89 days earlier counts and one 90 days earlier does
 * not. With `countSameDayOnce` (default) several records of one day (a call and a visit about the
 * same thing) count as one visit.
 */
function detectRepeat(
  petition: PetitionFacts,
  person: PetitionPerson,
  history: readonly PetitionFacts[],
  settings: PetitionFlagSettings['repeat'],
): PetitionFlag | undefined {
  const windowTo = petition.receivedOn;
  const windowFrom = addDays(windowTo, -(settings.windowDays - 1));
  const seen = new Set<string>();
  const visits: PetitionVisit[] = [];
  for (const record of [petition, ...history]) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    if (!record.petitioners.some((p) => p.id === person.id)) continue;
    if (compareLocalDates(record.receivedOn, windowFrom) < 0 || compareLocalDates(record.receivedOn, windowTo) > 0) continue;
    visits.push({ petitionId: record.id, receivedOn: record.receivedOn, channel: record.channel });
  }
  visits.sort((a, b) => compareLocalDates(a.receivedOn, b.receivedOn) || a.petitionId.localeCompare(b.petitionId));
  const count = settings.countSameDayOnce ? new Set(visits.map((visit) => visit.receivedOn)).size : visits.length;
  if (count < settings.minCount) return undefined;
  const sameDayNote = settings.countSameDayOnce && count < visits.length ? '，同日多次按一次计' : '';
  return {
    kind: 'repeat',
    ruleId: 'PET-REPEAT-01',
    ruleVersion: 1,
    level: 'yellow',
    title: `重复访：${person.name} ${settings.windowDays} 日内信访 ${count} 次`,
    explanation: `${person.name}在 ${formatChineseDate(windowFrom)}至${formatChineseDate(windowTo)}（${settings.windowDays} 日）内信访 ${count} 次（${describeVisits(visits)}${sameDayNote}），达到“${settings.windowDays} 日内 ${settings.minCount} 次”的重复访标准`,
    source: [
      { document: '信访工作条例', edition: EDITION_2022, note: '复查、复核程序与“以同一事实和理由再次提出不再受理”；重复访次数与天数为本院管理标准（条文序号待核实）' },
    ],
    petitioner: person,
    windowFrom,
    windowTo,
    count,
    visits,
  };
}

/**
 * 越级访: the petitioner went above the level responsible for the matter — to a higher court, the
 * Supreme Court or central organs — instead of the court that handles it or its direct superior
 * acting as receiving point. Not evaluated when the responsible level is unknown.
 */
function detectLevelSkipping(petition: PetitionFacts): PetitionFlag | undefined {
  const responsible = petition.responsibleLevel;
  if (responsible === undefined) return undefined;
  const levelsSkipped = venueRank(petition.venueLevel) - venueRank(responsible);
  if (levelsSkipped <= 0) return undefined;
  const toBeijing = petition.venueLevel === 'supreme' || petition.venueLevel === 'central';
  return {
    kind: 'levelSkipping',
    ruleId: 'PET-LEVEL-SKIP-01',
    ruleVersion: 1,
    level: levelsSkipped >= 2 || toBeijing ? 'orange' : 'yellow',
    title: `越级访：向${petitionVenueLevelLabel[petition.venueLevel]}信访`,
    explanation: `本件应由${petitionVenueLevelLabel[responsible]}处理，信访人于 ${formatChineseDate(petition.receivedOn)}向${petitionVenueLevelLabel[petition.venueLevel]}信访（${petitionChannelLabel[petition.channel]}），越过 ${levelsSkipped} 级${toBeijing ? '，属进京信访' : ''}`,
    source: [{ document: '信访工作条例', edition: EDITION_2022, note: '走访应到有权处理的本级或者上一级机关设立或者指定的接待场所提出（条文序号待核实）' }],
    venueLevel: petition.venueLevel,
    responsibleLevel: responsible,
    levelsSkipped,
  };
}

/**
 * 集体访: at least `minPeople` people on one petition — the larger of the head count and the
 * registered petitioners (people may come without registering, and a registered group may send
 * fewer). The default 5 follows the 条例's limit of five representatives for a joint visit: more
 * people than that is a group, not a delegation.
 */
function detectCollective(petition: PetitionFacts, minPeople: number): PetitionFlag | undefined {
  const registered = petition.petitioners.length;
  const people = Math.max(petition.headcount, registered);
  if (people < minPeople) return undefined;
  return {
    kind: 'collective',
    ruleId: 'PET-COLLECTIVE-01',
    ruleVersion: 1,
    level: 'orange',
    title: `集体访：${people} 人`,
    explanation: `${formatChineseDate(petition.receivedOn)}${petitionChannelLabel[petition.channel]}共 ${people} 人（已登记信访人 ${registered} 人），达到 ${minPeople} 人以上的集体访标准`,
    source: [{ document: '信访工作条例', edition: EDITION_2022, note: '多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不超过 5 人（条文序号待核实）' }],
    people,
    registered,
    minPeople,
  };
}

/**
 * How the petition-content screener sees a petition: 信访内容 as `facts`, 诉求 as `claims` (the
 * evidence's `field` uses these names; {@link petitionTextFieldLabel} gives the on-screen ones).
 */
export function petitionScreeningInput(petition: Pick<PetitionFacts, 'content' | 'demands'>): ScreeningInput {
  return { causes: [], facts: petition.content, claims: petition.demands, parties: [] };
}

export const petitionTextFieldLabel = { facts: '信访内容', claims: '诉求' } as const;

/** Runs the petition-content rule pack (极端言行) over a petition's content and demands. */
export function screenPetitionContent(screener: Screener, petition: Pick<PetitionFacts, 'content' | 'demands'>): ScreeningFinding[] {
  return screener.screen(petitionScreeningInput(petition));
}

function extremeSpeechFlag(finding: ScreeningFinding): PetitionFlag {
  const words = finding.evidence.flatMap((evidence: Evidence) =>
    evidence.kind === 'keyword' ? [`${petitionTextFieldLabel[evidence.field as keyof typeof petitionTextFieldLabel] ?? evidence.field}中的“${evidence.keyword}”（第 ${evidence.start + 1} 字起：…${evidence.snippet}…）`] : [],
  );
  return {
    kind: 'extremeSpeech',
    ruleId: finding.ruleId,
    ruleVersion: finding.ruleVersion,
    level: finding.level,
    title: `极端言行：${finding.title}`,
    explanation: `规则 ${finding.ruleId}（第 ${finding.ruleVersion} 版）命中：${words.join('；')}`,
    source: finding.source,
    finding,
  };
}
