import { periodOfDays, periodOfMonths, type PeriodLength } from './period.js';

/**
 * How sure we are of a rule (docs LEGAL.md): `verified` = read in the official statute text;
 * `secondary` = from court or government pages, used as a configurable default; `unconfirmed` =
 * the statute is silent or the article is unknown, so the rule is our reading and must be shown as such.
 */
export type SourceStatus = 'verified' | 'secondary' | 'unconfirmed';

/** Where a rule comes from: law (or judicial document), edition, article, and how sure we are. */
export interface LegalCitation {
  law: string;
  edition: string;
  article: string;
  status: SourceStatus;
}

const sourceStatusSuffix: Record<SourceStatus, string> = {
  verified: '',
  secondary: '〔据二手资料，作为可配置默认值〕',
  unconfirmed: '〔待核实〕',
};

/** `《民事诉讼法》（2023年修正）第一百五十二条`, plus a marker when the source is not verified. */
export function formatCitation(citation: LegalCitation): string {
  const title = citation.law.startsWith('法释') ? citation.law : `《${citation.law}》`;
  return `${title}（${citation.edition}）${citation.article}${sourceStatusSuffix[citation.status]}`;
}

const civilProcedureLaw = (article: string): LegalCitation => ({
  law: '民事诉讼法',
  edition: '2023年修正',
  article,
  status: 'verified',
});
const criminalProcedureLaw = (article: string, status: SourceStatus = 'verified'): LegalCitation => ({
  law: '刑事诉讼法',
  edition: '2018年修正',
  article,
  status,
});
const administrativeProcedureLaw = (article: string): LegalCitation => ({
  law: '行政诉讼法',
  edition: '2017年修正',
  article,
  status: 'verified',
});
const civilCode = (article: string): LegalCitation => ({ law: '民法典', edition: '2020年', article, status: 'verified' });
/** 最高人民法院关于严格执行案件审理期限制度的若干规定 — still in force but carries pre-amendment figures. */
const trialLimitProvisions = (article: string): LegalCitation => ({
  law: '法释〔2000〕29号',
  edition: '2000年',
  article,
  status: 'secondary',
});

/** Rules for counting any period (start day, month ends, holidays), by procedure family. */
export const PERIOD_COUNTING_CITATIONS = {
  startDayNotCounted: {
    civil: civilProcedureLaw('第八十五条第二款'),
    criminal: criminalProcedureLaw('第一百零五条第二款'),
  },
  monthEnd: civilCode('第二百零二条'),
  holidayExtension: {
    civil: civilProcedureLaw('第八十五条第三款'),
    criminal: criminalProcedureLaw('第一百零五条第四款'),
  },
  /** 行政诉讼法 第一百零一条: periods in administrative cases follow the 民事诉讼法. */
  administrativeFollowsCivil: administrativeProcedureLaw('第一百零一条'),
  /** 民法典 第一千二百五十九条: “以上”“以内”“届满”包括本数. */
  inclusiveNumbers: civilCode('第一千二百五十九条'),
} as const;

/** Case families; the warning thresholds differ between them (issue 5). */
export const PROCEDURE_FAMILIES = ['civil', 'criminal', 'administrative', 'enforcement'] as const;
export type ProcedureFamily = (typeof PROCEDURE_FAMILIES)[number];
export const procedureFamilyLabel: Record<ProcedureFamily, string> = {
  civil: '民事',
  criminal: '刑事',
  administrative: '行政',
  enforcement: '执行',
};

/** Who approved an extension (申请延长审限的批准主体). */
export const EXTENSION_APPROVERS = ['courtPresident', 'higherCourt', 'highCourt', 'supremeCourt'] as const;
export type ExtensionApprover = (typeof EXTENSION_APPROVERS)[number];
export const extensionApproverLabel: Record<ExtensionApprover, string> = {
  courtPresident: '本院院长',
  higherCourt: '上级（上一级）人民法院',
  highCourt: '高级人民法院',
  supremeCourt: '最高人民法院',
};

/** Events after which the trial limit is counted afresh (重新计算审限). */
export const CLOCK_RESTART_REASONS = [
  'changeOfCourt',
  'supplementaryInvestigationCompleted',
  'remandedForRetrial',
  'noticePeriodExpired',
] as const;
export type ClockRestartReason = (typeof CLOCK_RESTART_REASONS)[number];
export const clockRestartReasonLabel: Record<ClockRestartReason, string> = {
  changeOfCourt: '改变管辖（改变后的法院收到案件）',
  supplementaryInvestigationCompleted: '补充侦查完毕移送人民法院',
  remandedForRetrial: '发回重审（原审法院收到发回的案件）',
  noticePeriodExpired: '公告期满',
};

/**
 * One step of the extension ladder. Extensions are matched to steps in order: an approver may act
 * at the current step while it has approvals left, or at a later step that names it; once a later
 * step is used the earlier ones are closed (e.g. 本院院长 cannot extend again after 上级法院 did).
 */
export interface ExtensionStage {
  /** Who may approve at this step. */
  approvers: readonly ExtensionApprover[];
  /** How many approvals this step allows; `null` = the law sets no number. */
  maxApprovals: number | null;
  /** Longest extension one approval may grant; `null` = the law sets none. */
  maxLengthPerApproval: PeriodLength | null;
  /** Ceiling for base + all extensions so far (至迟不得超过…); `null` = none. */
  maxTotalLimit: PeriodLength | null;
  /** Minimum days between the request and the expiry then in force, when a rule requires it. */
  minRequestLeadDays: number | null;
  /** Legal precondition the engine cannot check, shown in the basis (Chinese). */
  condition: string | null;
  citation: LegalCitation;
}

/** A clock-restart event a procedure recognises, with its source. */
export interface ClockRestartRule {
  reason: ClockRestartReason;
  citation: LegalCitation;
}

export const PROCEDURE_CODES = [
  'civilFirstInstanceOrdinary',
  'civilSimple',
  'civilSmallClaims',
  'civilSecondInstanceJudgment',
  'civilSecondInstanceRuling',
  'civilSpecial',
  'civilSpecialVoterQualification',
  'civilRetrialReview',
  'criminalPublicFirstInstance',
  'criminalPrivateDetained',
  'criminalPrivateNotDetained',
  'criminalSimple',
  'criminalSimpleOverThreeYears',
  'criminalExpedited',
  'criminalExpeditedOverOneYear',
  'criminalSecondInstance',
  'criminalRetrial',
  'administrativeFirstInstance',
  'administrativeSimple',
  'administrativeSecondInstance',
  'enforcement',
  'nonLitigationEnforcement',
] as const;
export type ProcedureCode = (typeof PROCEDURE_CODES)[number];

/** One row of the 审限 table. */
export interface ProcedureRule {
  code: ProcedureCode;
  family: ProcedureFamily;
  /** 中文名称, e.g. 民事一审普通程序. */
  label: string;
  /** What the “filing date” input means for this procedure (起算点), in Chinese. */
  countingStartLabel: string;
  baseLimit: PeriodLength;
  citation: LegalCitation;
  /** Empty when the law provides no extension. */
  extensionStages: readonly ExtensionStage[];
  clockRestarts: readonly ClockRestartRule[];
  /** Remarks shown with the rule (Chinese). */
  notes: readonly string[];
}

const stage = (fields: Partial<ExtensionStage> & Pick<ExtensionStage, 'approvers' | 'citation'>): ExtensionStage => ({
  maxApprovals: null,
  maxLengthPerApproval: null,
  maxTotalLimit: null,
  minRequestLeadDays: null,
  condition: null,
  ...fields,
});

const courtPresidentWithoutCap = (citation: LegalCitation): ExtensionStage =>
  stage({ approvers: ['courtPresident'], citation });

const restart = (reason: ClockRestartReason, citation: LegalCitation): ClockRestartRule => ({ reason, citation });

/** 第二百零八条 ladder, shared by public prosecutions and private prosecutions with a detained defendant (第二百一十二条). */
const criminalFirstInstanceStages: readonly ExtensionStage[] = [
  stage({
    approvers: ['courtPresident'],
    maxApprovals: 1,
    maxTotalLimit: periodOfMonths(3),
    citation: { ...criminalProcedureLaw('第二百零八条第一款（至迟不得超过三个月；批准主体法律未写明，按本院院长）'), status: 'unconfirmed' },
  }),
  stage({
    approvers: ['higherCourt', 'highCourt'],
    maxApprovals: 1,
    maxLengthPerApproval: periodOfMonths(3),
    condition: '可能判处死刑、附带民事诉讼或者有刑事诉讼法第一百五十八条情形之一',
    citation: criminalProcedureLaw('第二百零八条第一款'),
  }),
  stage({ approvers: ['supremeCourt'], citation: criminalProcedureLaw('第二百零八条第一款') }),
];

const enforcementStages: readonly ExtensionStage[] = [
  stage({
    approvers: ['courtPresident'],
    maxApprovals: 1,
    maxLengthPerApproval: periodOfMonths(3),
    minRequestLeadDays: 5,
    citation: trialLimitProvisions('第五条'),
  }),
  stage({
    approvers: ['courtPresident'],
    condition: '还需延长的，层报高级人民法院备案',
    citation: trialLimitProvisions('第五条'),
  }),
];

const rule = (fields: Omit<ProcedureRule, 'extensionStages' | 'clockRestarts' | 'notes'> & Partial<ProcedureRule>): ProcedureRule => ({
  extensionStages: [],
  clockRestarts: [],
  notes: [],
  ...fields,
});

/**
 * The 审限 table (docs LEGAL.md): base period, who may extend and by how much, what restarts the
 * clock, and the source of each rule. Statute editions: 民事诉讼法 2023年修正, 刑事诉讼法 2018年修正,
 * 行政诉讼法 2017年修正; enforcement limits come from 法释〔2000〕29号 (secondary). Where the statute
 * names no approver or cap, the stage says so in its citation status.
 */
export const PROCEDURE_RULES: Readonly<Record<ProcedureCode, ProcedureRule>> = {
  civilFirstInstanceOrdinary: rule({
    code: 'civilFirstInstanceOrdinary',
    family: 'civil',
    label: '民事一审普通程序',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(6),
    citation: civilProcedureLaw('第一百五十二条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxApprovals: 1,
        maxLengthPerApproval: periodOfMonths(6),
        citation: civilProcedureLaw('第一百五十二条'),
      }),
      stage({
        approvers: ['higherCourt', 'highCourt', 'supremeCourt'],
        citation: civilProcedureLaw('第一百五十二条'),
      }),
    ],
  }),
  civilSimple: rule({
    code: 'civilSimple',
    family: 'civil',
    label: '民事简易程序',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(3),
    citation: civilProcedureLaw('第一百六十四条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxApprovals: 1,
        maxLengthPerApproval: periodOfMonths(1),
        citation: civilProcedureLaw('第一百六十四条'),
      }),
    ],
  }),
  civilSmallClaims: rule({
    code: 'civilSmallClaims',
    family: 'civil',
    label: '民事小额诉讼程序',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(2),
    citation: civilProcedureLaw('第一百六十八条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxApprovals: 1,
        maxLengthPerApproval: periodOfMonths(1),
        citation: civilProcedureLaw('第一百六十八条'),
      }),
    ],
  }),
  civilSecondInstanceJudgment: rule({
    code: 'civilSecondInstanceJudgment',
    family: 'civil',
    label: '民事二审（对判决的上诉）',
    countingStartLabel: '第二审立案之日',
    baseLimit: periodOfMonths(3),
    citation: civilProcedureLaw('第一百八十三条第一款'),
    extensionStages: [courtPresidentWithoutCap(civilProcedureLaw('第一百八十三条第一款'))],
    notes: ['法律未规定延长的期限和次数；法释〔2000〕29号第二条所载“延长三个月”为旧规定，未作为上限。'],
  }),
  civilSecondInstanceRuling: rule({
    code: 'civilSecondInstanceRuling',
    family: 'civil',
    label: '民事二审（对裁定的上诉）',
    countingStartLabel: '第二审立案之日',
    baseLimit: periodOfDays(30),
    citation: civilProcedureLaw('第一百八十三条第二款'),
  }),
  civilSpecial: rule({
    code: 'civilSpecial',
    family: 'civil',
    label: '民事特别程序',
    countingStartLabel: '立案之日（有公告的，公告期满之日）',
    baseLimit: periodOfDays(30),
    citation: civilProcedureLaw('第一百八十七条'),
    extensionStages: [courtPresidentWithoutCap(civilProcedureLaw('第一百八十七条'))],
    clockRestarts: [restart('noticePeriodExpired', civilProcedureLaw('第一百八十七条'))],
  }),
  civilSpecialVoterQualification: rule({
    code: 'civilSpecialVoterQualification',
    family: 'civil',
    label: '民事特别程序（选民资格案件）',
    countingStartLabel: '立案之日',
    baseLimit: periodOfDays(30),
    citation: civilProcedureLaw('第一百八十七条'),
    notes: ['选民资格案件不得延长审限，并须在选举日前审结（第一百八十九条），选举日不在本引擎输入中。'],
  }),
  civilRetrialReview: rule({
    code: 'civilRetrialReview',
    family: 'civil',
    label: '民事再审审查',
    countingStartLabel: '收到再审申请书之日',
    baseLimit: periodOfMonths(3),
    citation: civilProcedureLaw('第二百一十五条第一款'),
    extensionStages: [courtPresidentWithoutCap(civilProcedureLaw('第二百一十五条第一款'))],
  }),
  criminalPublicFirstInstance: rule({
    code: 'criminalPublicFirstInstance',
    family: 'criminal',
    label: '刑事公诉案件一审',
    countingStartLabel: '受理之日',
    baseLimit: periodOfMonths(2),
    citation: criminalProcedureLaw('第二百零八条第一款'),
    extensionStages: criminalFirstInstanceStages,
    clockRestarts: [
      restart('changeOfCourt', criminalProcedureLaw('第二百零八条第二款')),
      restart('supplementaryInvestigationCompleted', criminalProcedureLaw('第二百零八条第三款')),
      restart('remandedForRetrial', criminalProcedureLaw('第二百四十一条')),
    ],
  }),
  criminalPrivateDetained: rule({
    code: 'criminalPrivateDetained',
    family: 'criminal',
    label: '刑事自诉案件一审（被告人被羁押）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfMonths(2),
    citation: criminalProcedureLaw('第二百一十二条第二款'),
    extensionStages: criminalFirstInstanceStages,
    clockRestarts: [
      restart('changeOfCourt', criminalProcedureLaw('第二百零八条第二款')),
      restart('remandedForRetrial', criminalProcedureLaw('第二百四十一条')),
    ],
  }),
  criminalPrivateNotDetained: rule({
    code: 'criminalPrivateNotDetained',
    family: 'criminal',
    label: '刑事自诉案件一审（被告人未被羁押）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfMonths(6),
    citation: criminalProcedureLaw('第二百一十二条第二款'),
    clockRestarts: [restart('remandedForRetrial', criminalProcedureLaw('第二百四十一条'))],
    notes: ['法律未规定延长；法释〔2000〕29号第一条所载“院长批准延长三个月”为旧规定，未采用。'],
  }),
  criminalSimple: rule({
    code: 'criminalSimple',
    family: 'criminal',
    label: '刑事简易程序（可能判处三年有期徒刑以下）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfDays(20),
    citation: criminalProcedureLaw('第二百二十条'),
  }),
  criminalSimpleOverThreeYears: rule({
    code: 'criminalSimpleOverThreeYears',
    family: 'criminal',
    label: '刑事简易程序（可能判处有期徒刑超过三年）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfDays(20),
    citation: criminalProcedureLaw('第二百二十条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxApprovals: 1,
        maxTotalLimit: { months: 1, days: 15 },
        citation: { ...criminalProcedureLaw('第二百二十条（可以延长至一个半月；批准主体法律未写明，按本院院长）'), status: 'unconfirmed' },
      }),
    ],
  }),
  criminalExpedited: rule({
    code: 'criminalExpedited',
    family: 'criminal',
    label: '刑事速裁程序（可能判处一年有期徒刑以下）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfDays(10),
    citation: criminalProcedureLaw('第二百二十五条'),
  }),
  criminalExpeditedOverOneYear: rule({
    code: 'criminalExpeditedOverOneYear',
    family: 'criminal',
    label: '刑事速裁程序（可能判处有期徒刑超过一年）',
    countingStartLabel: '受理之日',
    baseLimit: periodOfDays(10),
    citation: criminalProcedureLaw('第二百二十五条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxApprovals: 1,
        maxTotalLimit: periodOfDays(15),
        citation: { ...criminalProcedureLaw('第二百二十五条（可以延长至十五日；批准主体法律未写明，按本院院长）'), status: 'unconfirmed' },
      }),
    ],
  }),
  criminalSecondInstance: rule({
    code: 'criminalSecondInstance',
    family: 'criminal',
    label: '刑事二审',
    countingStartLabel: '受理上诉、抗诉案件之日',
    baseLimit: periodOfMonths(2),
    citation: criminalProcedureLaw('第二百四十三条第一款'),
    extensionStages: [
      stage({
        approvers: ['highCourt'],
        maxApprovals: 1,
        maxLengthPerApproval: periodOfMonths(2),
        condition: '可能判处死刑、附带民事诉讼或者有刑事诉讼法第一百五十八条情形之一',
        citation: criminalProcedureLaw('第二百四十三条第一款'),
      }),
      stage({ approvers: ['supremeCourt'], citation: criminalProcedureLaw('第二百四十三条第一款') }),
    ],
    notes: [
      '最高人民法院受理的上诉、抗诉案件，审理期限由最高人民法院决定（第二百四十三条第二款）。',
      '发回重审后由原审法院自收到案件之日起重新计算审限（第二百四十一条），记入原审程序。',
    ],
  }),
  criminalRetrial: rule({
    code: 'criminalRetrial',
    family: 'criminal',
    label: '刑事再审',
    countingStartLabel: '作出提审、再审决定之日（接受抗诉的，接受抗诉之日后的决定之日）',
    baseLimit: periodOfMonths(3),
    citation: criminalProcedureLaw('第二百五十八条'),
    extensionStages: [
      stage({
        approvers: ['courtPresident'],
        maxTotalLimit: periodOfMonths(6),
        citation: { ...criminalProcedureLaw('第二百五十八条（需要延长期限的，不得超过六个月；批准主体法律未写明，按本院院长）'), status: 'unconfirmed' },
      }),
    ],
  }),
  administrativeFirstInstance: rule({
    code: 'administrativeFirstInstance',
    family: 'administrative',
    label: '行政一审普通程序',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(6),
    citation: administrativeProcedureLaw('第八十一条'),
    extensionStages: [stage({ approvers: ['highCourt', 'supremeCourt'], citation: administrativeProcedureLaw('第八十一条') })],
    notes: ['高级人民法院审理的第一审案件需要延长的，由最高人民法院批准；引擎不区分审理法院层级。'],
  }),
  administrativeSimple: rule({
    code: 'administrativeSimple',
    family: 'administrative',
    label: '行政简易程序',
    countingStartLabel: '立案之日',
    baseLimit: periodOfDays(45),
    citation: administrativeProcedureLaw('第八十三条'),
  }),
  administrativeSecondInstance: rule({
    code: 'administrativeSecondInstance',
    family: 'administrative',
    label: '行政二审',
    countingStartLabel: '收到上诉状之日',
    baseLimit: periodOfMonths(3),
    citation: administrativeProcedureLaw('第八十八条'),
    extensionStages: [stage({ approvers: ['highCourt', 'supremeCourt'], citation: administrativeProcedureLaw('第八十八条') })],
  }),
  enforcement: rule({
    code: 'enforcement',
    family: 'enforcement',
    label: '执行案件',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(6),
    citation: trialLimitProvisions('第五条'),
    extensionStages: enforcementStages,
  }),
  nonLitigationEnforcement: rule({
    code: 'nonLitigationEnforcement',
    family: 'enforcement',
    label: '非诉执行案件',
    countingStartLabel: '立案之日',
    baseLimit: periodOfMonths(3),
    citation: trialLimitProvisions('第五条'),
    extensionStages: enforcementStages,
  }),
};

/** Kinds of periods not counted in the limit (扣除审限). */
export const EXCLUDED_PERIOD_KINDS = [
  'publicNotice',
  'appraisal',
  'settlement',
  'jurisdictionObjection',
  'suspension',
  'specialistAudit',
  'newDefenceCounsel',
  'supplementaryInvestigation',
  'newEvidenceAdjournment',
  'prosecutorFileReview',
  'enforcementDeferral',
  'auction',
] as const;
export type ExcludedPeriodKind = (typeof EXCLUDED_PERIOD_KINDS)[number];

/** One kind of excluded period: label, families it applies to, longest part that counts, source. */
export interface ExcludedPeriodRule {
  kind: ExcludedPeriodKind;
  label: string;
  families: readonly ProcedureFamily[];
  /** Only this much (from the period's first day) is excluded; `null` = the whole period. */
  maxLength: PeriodLength | null;
  citation: LegalCitation;
}

const trialFamilies: readonly ProcedureFamily[] = ['civil', 'criminal', 'administrative'];

/**
 * The 扣除审限 list: 法释〔2000〕29号 第九条 (secondary) and, where the statute itself says a period
 * is not counted, the statute (刑事诉讼法(2018) 第二百零六条 中止审理, 第二百三十五条 检察院阅卷).
 * The civil list in the 民事诉讼法解释 (公告、鉴定、和解、管辖异议) is cited without an article
 * number, which is unconfirmed.
 */
export const EXCLUDED_PERIOD_RULES: Readonly<Record<ExcludedPeriodKind, ExcludedPeriodRule>> = {
  publicNotice: {
    kind: 'publicNotice',
    label: '公告期间',
    families: ['civil', 'administrative'],
    maxLength: null,
    citation: trialLimitProvisions('第九条第六项'),
  },
  appraisal: {
    kind: 'appraisal',
    label: '鉴定期间',
    families: trialFamilies,
    maxLength: null,
    citation: trialLimitProvisions('第九条第一项、第六项'),
  },
  settlement: {
    kind: 'settlement',
    label: '双方当事人和解期间',
    families: ['civil'],
    maxLength: null,
    citation: { law: '最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释', edition: '2022年修正', article: '（条文序号待核）', status: 'unconfirmed' },
  },
  jurisdictionObjection: {
    kind: 'jurisdictionObjection',
    label: '审理管辖权异议及处理管辖争议期间',
    families: PROCEDURE_FAMILIES,
    maxLength: null,
    citation: trialLimitProvisions('第九条第七项'),
  },
  suspension: {
    kind: 'suspension',
    label: '中止诉讼（审理、执行）至恢复期间',
    families: PROCEDURE_FAMILIES,
    maxLength: null,
    citation: trialLimitProvisions('第九条第九项；刑事诉讼法（2018年修正）第二百零六条第二款'),
  },
  specialistAudit: {
    kind: 'specialistAudit',
    label: '专业机构审计、评估、资产清理期间',
    families: ['civil', 'administrative', 'enforcement'],
    maxLength: null,
    citation: trialLimitProvisions('第九条第八项'),
  },
  newDefenceCounsel: {
    kind: 'newDefenceCounsel',
    label: '另行委托、指定辩护人准备辩护期间（至第十日止）',
    families: ['criminal'],
    maxLength: periodOfDays(10),
    citation: trialLimitProvisions('第九条第二项'),
  },
  supplementaryInvestigation: {
    kind: 'supplementaryInvestigation',
    label: '公诉人建议补充侦查延期审理期间',
    families: ['criminal'],
    maxLength: null,
    citation: trialLimitProvisions('第九条第三项'),
  },
  newEvidenceAdjournment: {
    kind: 'newEvidenceAdjournment',
    label: '申请通知新证人、调取新证据、重新鉴定勘验延期审理期间（一个月之内）',
    families: trialFamilies,
    maxLength: periodOfMonths(1),
    citation: trialLimitProvisions('第九条第五项'),
  },
  prosecutorFileReview: {
    kind: 'prosecutorFileReview',
    label: '二审期间人民检察院查阅案卷期间',
    families: ['criminal'],
    maxLength: null,
    citation: criminalProcedureLaw('第二百三十五条'),
  },
  enforcementDeferral: {
    kind: 'enforcementDeferral',
    label: '暂缓执行期间',
    families: ['enforcement'],
    maxLength: null,
    citation: trialLimitProvisions('第九条第十项、第十一项'),
  },
  auction: {
    kind: 'auction',
    label: '拍卖、变卖被查封、扣押财产期间',
    families: ['enforcement'],
    maxLength: null,
    citation: trialLimitProvisions('第九条第十二项'),
  },
};
