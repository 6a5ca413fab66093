import { z } from 'zod';
import { parseCaseNumber } from '../cases/case-number.js';
import { normaliseDateCell } from '../cases/case-row.js';
import { compareLocalDates, isLocalDate, type LocalDate } from '../deadlines/local-date.js';
import { validateIdNumber } from '../petitions/id-number.js';
import { WarningRiskInput } from './court-case.js';
import {
  CONTACT_KINDS,
  contactKindLabel,
  PETITION_CHANNELS,
  PETITION_NATURES,
  PETITION_OUTCOMES,
  PETITION_STEP_KINDS,
  PETITION_VENUE_LEVELS,
  petitionChannelLabel,
  petitionNatureLabel,
  petitionOutcomeLabel,
  petitionStepKindLabel,
  petitionVenueLevelLabel,
} from '../petitions/vocabulary.js';
import { count, idOf, listOf, localDate, oneOf, optionalText, requiredText, strictObject } from './form-fields.js';
import { Id, PageQuery, Version } from './common.js';
import { RiskLevel } from '../screening/rule-schema.js';
import { PETITION_CLOCK_KINDS, petitionClockStatusLabel } from '../petitions/time-limits.js';

/**
 * Request bodies of the petition module (issue 6; PRODUCT.md §3 信访人 / 信访件): the petitioner
 * registry, petition records and their handling steps, 稳控 plans, counselling sessions, follow-up
 * visits, the 重点人员 list, and the flat import row. Sensitive fields (ID number, counselling notes)
 * arrive in clear over TLS and are encrypted by the server before they are stored.
 */

/**
 * 身份证号, validated by GB 11643-1999 (length, region, birth date, check character) and normalised to
 * 18 characters (15-digit numbers converted). A birth date after today is checked by the service,
 * which knows today.
 */
export const IdNumberField = z
  .string({ error: '身份证号必须是文字' })
  .transform((text, ctx) => {
    const result = validateIdNumber(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value.normalized;
  });

const MOBILE = /^1\d{10}$/;

/** One way to reach a petitioner; a 手机 number must be 11 digits starting with 1. */
export const PetitionerContact = strictObject(
  { kind: oneOf(CONTACT_KINDS, contactKindLabel, '联系方式类型'), value: requiredText('联系方式', 1, 100) },
  '联系方式',
).superRefine((contact, ctx) => {
  if (contact.kind === 'mobile' && !MOBILE.test(contact.value.replace(/[\s-]/g, ''))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: '手机号码应为以 1 开头的 11 位数字' });
  }
});
export type PetitionerContact = z.infer<typeof PetitionerContact>;

/** 信访人 registry entry (person-centred). The ID number may be unknown (anonymous letters). */
export const PetitionerInput = strictObject(
  {
    name: requiredText('信访人姓名', 1, 50),
    idNumber: IdNumberField.optional(),
    contacts: listOf(PetitionerContact, '联系方式', 10).default([]),
    address: optionalText('住址', 200),
    caseIds: listOf(idOf('关联案件'), '关联案件', 50).default([]),
    relatedPetitionerIds: listOf(idOf('关联信访人'), '关联信访人', 200).default([]),
    remark: optionalText('备注', 1000),
  },
  '信访人信息',
);
export type PetitionerInput = z.infer<typeof PetitionerInput>;

/** 诉访分离: a 涉诉 petition is routed into its case's legal procedure, so it must name the case. */
export const LITIGATION_NEEDS_CASE = '涉诉信访请关联至少一件案件（诉访分离：导入该案的法律程序）';

/** An 上级转交 petition names the organ that transferred it (the form asks for it only then). */
export const FORWARDED_BY_REQUIRED = '上级转交的信访件请填写转交机关';

/** 信访件: one petition, by one or more registered petitioners. */
export const PetitionInput = strictObject(
  {
    channel: oneOf(PETITION_CHANNELS, petitionChannelLabel, '信访渠道'),
    receivedOn: localDate('收到日期'),
    petitionerIds: listOf(idOf('信访人'), '信访人', 500).min(1, { error: '请选择至少一名信访人' }),
    /** People who came or signed, registered or not (集体访 counts the larger of this and the registered). */
    headcount: count('到访人数', 100_000).min(1, { error: '到访人数至少为 1' }),
    /** Where the petitioner went (越级访 compares it with the responsible court's level). */
    venueLevel: oneOf(PETITION_VENUE_LEVELS, petitionVenueLevelLabel, '信访去向'),
    /** The upper organ that transferred it (上级转交). */
    forwardedBy: optionalText('转交机关', 100),
    nature: oneOf(PETITION_NATURES, petitionNatureLabel, '信访性质'),
    caseIds: listOf(idOf('关联案件'), '关联案件', 50).default([]),
    content: requiredText('信访内容', 2, 10_000),
    demands: requiredText('信访诉求', 1, 2000),
    outcome: oneOf(PETITION_OUTCOMES, petitionOutcomeLabel, '处理结果').default('pending'),
  },
  '信访件',
).superRefine((petition, ctx) => {
  if (petition.channel === 'upper_transfer' && !petition.forwardedBy) {
    ctx.addIssue({ code: 'custom', path: ['forwardedBy'], message: FORWARDED_BY_REQUIRED });
  }
  if (petition.nature === 'litigation' && petition.caseIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['caseIds'], message: LITIGATION_NEEDS_CASE });
  }
});
export type PetitionInput = z.infer<typeof PetitionInput>;

/** A handling step (办理环节); an extension states its days, a hearing may span days. */
export const PetitionStepInput = strictObject(
  {
    kind: oneOf(PETITION_STEP_KINDS, petitionStepKindLabel, '办理环节'),
    on: localDate('办理日期'),
    days: count('延长天数', 365).optional(),
    until: localDate('截止日期').optional(),
    note: optionalText('办理情况', 2000),
    /** 处理结果 after this step (e.g. 办结 → 息诉罢访), stored on the petition; absent keeps it. */
    outcome: oneOf(PETITION_OUTCOMES, petitionOutcomeLabel, '处理结果').optional(),
  },
  '办理环节',
).superRefine((step, ctx) => {
  if (step.kind === 'extended' && !step.days) ctx.addIssue({ code: 'custom', path: ['days'], message: '延长办理期限请填写延长天数' });
  if (step.kind !== 'extended' && step.days !== undefined) ctx.addIssue({ code: 'custom', path: ['days'], message: '只有“延长办理期限”可以填写延长天数' });
  if (step.until && compareLocalDates(step.until, step.on) < 0) ctx.addIssue({ code: 'custom', path: ['until'], message: '截止日期不能早于办理日期' });
});
export type PetitionStepInput = z.infer<typeof PetitionStepInput>;

/** 稳控方案 for a key person: 包案领导, 责任人员, measures and the date of the next review. */
export const StabilizationPlanInput = strictObject(
  {
    petitionerId: idOf('信访人'),
    leaderName: requiredText('包案领导', 1, 50),
    leaderAccountId: idOf('包案领导').optional(),
    staff: listOf(requiredText('责任人员', 1, 50), '责任人员', 20).min(1, { error: '请填写至少一名责任人员' }),
    measures: listOf(requiredText('稳控措施', 2, 500), '稳控措施', 30).min(1, { error: '请填写至少一项稳控措施' }),
    agencyIds: listOf(idOf('协同单位'), '协同单位', 20).default([]),
    startedOn: localDate('方案开始日期'),
    reviewOn: localDate('复查日期'),
  },
  '稳控方案',
).refine((plan) => compareLocalDates(plan.reviewOn, plan.startedOn) >= 0, { path: ['reviewOn'], error: '复查日期不能早于方案开始日期' });
export type StabilizationPlanInput = z.infer<typeof StabilizationPlanInput>;

export const COUNSELLING_FORMS = ['in_person', 'phone', 'video'] as const;
export const counsellingFormLabel: Record<(typeof COUNSELLING_FORMS)[number], string> = { in_person: '面谈', phone: '电话', video: '视频' };
export const EMOTIONAL_STATES = ['stable', 'attention', 'high_risk'] as const;
export const emotionalStateLabel: Record<(typeof EMOTIONAL_STATES)[number], string> = { stable: '情绪稳定', attention: '需要关注', high_risk: '高风险' };

/** 心理疏导 session — confidential: `notes` are encrypted at rest and shown only with petition.confidential. */
export const CounsellingSessionInput = strictObject(
  {
    petitionerId: idOf('信访人'),
    heldOn: localDate('疏导日期'),
    counsellor: requiredText('疏导人员', 1, 50),
    form: oneOf(COUNSELLING_FORMS, counsellingFormLabel, '疏导方式'),
    emotionalState: oneOf(EMOTIONAL_STATES, emotionalStateLabel, '情绪评估'),
    notes: requiredText('疏导记录', 2, 5000),
    nextOn: localDate('下次疏导日期').optional(),
  },
  '心理疏导记录',
);
export type CounsellingSessionInput = z.infer<typeof CounsellingSessionInput>;

export const FOLLOW_UP_METHODS = ['home', 'phone', 'office', 'video'] as const;
export const followUpMethodLabel: Record<(typeof FOLLOW_UP_METHODS)[number], string> = { home: '上门', phone: '电话', office: '约谈', video: '视频' };
export const PETITIONER_ATTITUDES = ['settled', 'stable', 'wavering', 'escalating'] as const;
export const petitionerAttitudeLabel: Record<(typeof PETITIONER_ATTITUDES)[number], string> = {
  settled: '息诉罢访',
  stable: '基本稳定',
  wavering: '有反复',
  escalating: '有激化倾向',
};

/** 回访 — confidential like counselling (it records the person's state). */
export const FollowUpVisitInput = strictObject(
  {
    petitionerId: idOf('信访人'),
    visitedOn: localDate('回访日期'),
    visitors: listOf(requiredText('回访人员', 1, 50), '回访人员', 10).min(1, { error: '请填写至少一名回访人员' }),
    method: oneOf(FOLLOW_UP_METHODS, followUpMethodLabel, '回访方式'),
    attitude: oneOf(PETITIONER_ATTITUDES, petitionerAttitudeLabel, '信访人态度'),
    findings: requiredText('回访情况', 2, 2000),
    nextOn: localDate('下次回访日期').optional(),
  },
  '回访记录',
);
export type FollowUpVisitInput = z.infer<typeof FollowUpVisitInput>;

/** Putting a petitioner on the 重点人员 list, reviewed every `reviewCadenceDays`. */
export const KeyPersonInput = strictObject(
  {
    petitionerId: idOf('信访人'),
    listedOn: localDate('列管日期'),
    reason: requiredText('列管理由', 2, 500),
    reviewCadenceDays: count('复评周期（天）', 365).min(1, { error: '复评周期（天）至少为 1' }).default(30),
  },
  '重点人员',
);
export type KeyPersonInput = z.infer<typeof KeyPersonInput>;

export const KEY_PERSON_DECISIONS = ['keep', 'delist'] as const;
export const keyPersonDecisionLabel: Record<(typeof KEY_PERSON_DECISIONS)[number], string> = { keep: '继续列管', delist: '撤销列管' };

/** A periodic review of a 重点人员. */
export const KeyPersonReviewInput = strictObject(
  {
    reviewedOn: localDate('复评日期'),
    decision: oneOf(KEY_PERSON_DECISIONS, keyPersonDecisionLabel, '复评结论'),
    opinion: requiredText('复评意见', 2, 1000),
  },
  '重点人员复评',
);
export type KeyPersonReviewInput = z.infer<typeof KeyPersonReviewInput>;

// ── import ────────────────────────────────────────────────────────────────────────────────────────

/** Columns of the petition import template (CSV/XLSX), in order; `required` ones carry * in the header. */
export const PETITION_IMPORT_COLUMNS = [
  { header: '信访人姓名', field: 'name', required: true, example: '张某' },
  { header: '身份证号', field: 'idNumber', required: false, example: '11010519491231002X' },
  { header: '手机', field: 'mobile', required: false, example: '13800000000' },
  { header: '住址', field: 'address', required: false, example: '示例市示例区示例路 1 号' },
  { header: '信访渠道', field: 'channel', required: true, example: '来访' },
  { header: '收到日期', field: 'receivedOn', required: true, example: '2024-03-01' },
  { header: '到访人数', field: 'headcount', required: false, example: '1' },
  { header: '信访去向', field: 'venueLevel', required: true, example: '中级人民法院' },
  { header: '是否涉诉', field: 'litigation', required: true, example: '是' },
  { header: '关联案号', field: 'caseNumbers', required: false, example: '(2023)示0101民初1号' },
  { header: '信访内容', field: 'content', required: true, example: '反映案件执行迟缓' },
  { header: '信访诉求', field: 'demands', required: true, example: '请求尽快执行' },
] as const;

function byLabel<const T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, what: string) {
  const codes = new Map<string, T[number]>(values.map((value) => [labels[value as T[number]], value as T[number]]));
  return z
    .string({ error: `${what}必须是文字` })
    .trim()
    .transform((text, ctx) => {
      const code = codes.get(text) ?? (values.includes(text) ? (text as T[number]) : undefined);
      if (code === undefined) {
        ctx.addIssue({ code: 'custom', message: `${what}“${text}”不在可选范围内（${[...codes.keys()].join('/')}）` });
        return z.NEVER;
      }
      return code;
    });
}

const DateCell = (what: string) =>
  z
    .string({ error: `${what}必须是文字` })
    .transform((text, ctx) => {
      const normalised = normaliseDateCell(text);
      if (normalised === undefined || !isLocalDate(normalised)) {
        ctx.addIssue({ code: 'custom', message: `${what}“${text.trim()}”不是日期（如 2024-03-01）` });
        return z.NEVER;
      }
      return normalised as LocalDate;
    });

/**
 * One row of a petition import, cells as text keyed by `field` (the importer maps headers with
 * {@link PETITION_IMPORT_COLUMNS}). Labels become codes, 案号 are parsed (several separated by ；),
 * empty optional cells become absent. The service then matches or creates the petitioner (by the ID
 * number's blind index when there is one) and the cases (by 案号).
 */
export const PetitionImportRow = z
  .object({
    name: requiredText('信访人姓名', 1, 50),
    idNumber: z.string().trim().optional().transform((text) => text || undefined).pipe(IdNumberField.optional()),
    mobile: z
      .string()
      .trim()
      .optional()
      .transform((text) => text || undefined)
      .refine((text) => text === undefined || MOBILE.test(text), { error: '手机号码应为以 1 开头的 11 位数字' }),
    address: optionalText('住址', 200),
    channel: byLabel(PETITION_CHANNELS, petitionChannelLabel, '信访渠道'),
    receivedOn: DateCell('收到日期'),
    headcount: z
      .string()
      .trim()
      .optional()
      .transform((text, ctx) => {
        if (!text) return 1;
        if (!/^\d{1,6}$/.test(text) || Number(text) < 1) {
          ctx.addIssue({ code: 'custom', message: `到访人数“${text}”应为正整数` });
          return z.NEVER;
        }
        return Number(text);
      }),
    venueLevel: byLabel(PETITION_VENUE_LEVELS, petitionVenueLevelLabel, '信访去向'),
    litigation: z
      .string({ error: '是否涉诉必须是文字' })
      .trim()
      .transform((text, ctx) => {
        if (text === '是') return 'litigation' as const;
        if (text === '否') return 'non_litigation' as const;
        ctx.addIssue({ code: 'custom', message: `是否涉诉“${text}”应为“是”或“否”` });
        return z.NEVER;
      }),
    caseNumbers: z
      .string()
      .optional()
      .transform((text, ctx) =>
        (text ?? '')
          .split(/[；;]/)
          .map((part) => part.trim())
          .filter((part) => part !== '')
          .flatMap((part) => {
            const parsed = parseCaseNumber(part);
            if (parsed.ok) return [parsed.value.text];
            ctx.addIssue({ code: 'custom', message: `关联案号：${parsed.message}` });
            return [];
          }),
      ),
    content: requiredText('信访内容', 2, 10_000),
    demands: requiredText('信访诉求', 1, 2000),
  })
  .superRefine((row, ctx) => {
    if (row.litigation === 'litigation' && row.caseNumbers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['caseNumbers'], message: '涉诉信访请填写关联案号' });
    }
  });
export type PetitionImportRow = z.infer<typeof PetitionImportRow>;

// ── server requests and views ────────────────────────────────────────────────────────────────────

/** Editing a petitioner: the fields of {@link PetitionerInput}; an absent `idNumber` keeps the stored one. */
export const PetitionerUpdateInput = PetitionerInput.safeExtend({ version: Version });
export type PetitionerUpdateInput = z.infer<typeof PetitionerUpdateInput>;

/** Editing a petition re-evaluates its flags (as of its own date) and those of the people's later petitions. */
export const PetitionUpdateInput = PetitionInput.safeExtend({ version: Version });
export type PetitionUpdateInput = z.infer<typeof PetitionUpdateInput>;

export const PETITION_FLAG_KINDS = ['repeat', 'levelSkipping', 'collective', 'extremeSpeech'] as const;
export const PetitionFlagKindField = z.enum(PETITION_FLAG_KINDS, { error: '信访标记应为 repeat（重复访）、levelSkipping（越级访）、collective（集体访）、extremeSpeech（极端言行）之一' });

const Flag = z.enum(['true', 'false'], { error: '应为 true 或 false' });

/** 信访人 list: by name or exact 身份证号 (found by its blind index, never by decrypting). */
export const PetitionerListQuery = PageQuery.extend({
  courtId: Id.optional(),
  keyword: z.string().trim().max(50, { error: '姓名关键词不能超过 50 个字' }).optional(),
  idNumber: z
    .string()
    .trim()
    .optional()
    .transform((text) => text || undefined)
    .pipe(IdNumberField.optional()),
  flag: PetitionFlagKindField.optional(),
  keyPerson: Flag.optional(),
});
export type PetitionerListQuery = z.infer<typeof PetitionerListQuery>;

export const PetitionerSummaryView = z.object({
  id: z.string(),
  courtId: z.string(),
  name: z.string(),
  /** Always masked (110105********1234); the full number only through POST /petitioners/:id/reveal-id. */
  idNumberMasked: z.string().nullable(),
  petitionCount: z.number().int(),
  lastPetitionOn: z.string().nullable(),
  /** Flags that fired on any of the person's petitions. */
  flags: z.array(z.enum(PETITION_FLAG_KINDS)),
  openWarningCount: z.number().int(),
  keyPerson: z.boolean(),
  updatedAt: z.string(),
});
export type PetitionerSummaryView = z.infer<typeof PetitionerSummaryView>;

const NamedRef = z.object({ id: z.string(), name: z.string() });
const CaseRef = z.object({ id: z.string(), caseNumber: z.string() });

export const PetitionWarningView = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  domain: z.string(),
  subtype: z.string(),
  level: RiskLevel,
  escalated: z.boolean(),
  title: z.string(),
  explanation: z.string(),
  suggestedAction: z.string(),
  petitionId: z.string().nullable(),
  petitionerIds: z.array(z.string()),
  caseIds: z.array(z.string()),
  active: z.boolean(),
  /** 转为风险: `confirmed` once it created or joined a risk (`riskId`). */
  status: z.enum(['pending', 'confirmed']),
  riskId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PetitionWarningView = z.infer<typeof PetitionWarningView>;

/** A row of GET /petition-warnings: the warning and the person it is about (its own, else its petition's first). */
export const PetitionWarningListItem = PetitionWarningView.extend({
  courtId: z.string(),
  petitionerId: z.string().nullable(),
  petitionerName: z.string().nullable(),
});
export type PetitionWarningListItem = z.infer<typeof PetitionWarningListItem>;

/**
 * 转为风险 of a petition or opinion warning (POST /petition-warnings/:id/confirm,
 * /opinion-warnings/:id/confirm): the same register choice as a case warning's confirmation —
 * a new risk scored likelihood × impact, or joining an open risk of the warning's court.
 */
export const WarningToRiskInput = z.strictObject({
  version: z.number().int().optional(),
  note: z.string({ error: '备注必须是文字' }).trim().max(500, { error: '备注不能超过 500 字' }).default(''),
  risk: WarningRiskInput,
});
export type WarningToRiskInput = z.input<typeof WarningToRiskInput>;

export const PetitionFlagView = z.object({
  kind: z.enum(PETITION_FLAG_KINDS),
  label: z.string(),
  ruleId: z.string(),
  level: RiskLevel,
  title: z.string(),
  explanation: z.string(),
});
export type PetitionFlagView = z.infer<typeof PetitionFlagView>;

export const PetitionStepView = z.object({
  id: z.string(),
  kind: z.enum(PETITION_STEP_KINDS),
  kindLabel: z.string(),
  on: z.string(),
  days: z.number().int().nullable(),
  until: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type PetitionStepView = z.infer<typeof PetitionStepView>;

export const PetitionClockView = z.object({
  kind: z.enum(PETITION_CLOCK_KINDS),
  label: z.string(),
  owner: z.enum(['court', 'petitioner']),
  startedOn: z.string(),
  dueOn: z.string(),
  satisfiedOn: z.string().nullable(),
  status: z.enum(Object.keys(petitionClockStatusLabel) as [keyof typeof petitionClockStatusLabel, ...(keyof typeof petitionClockStatusLabel)[]]),
  statusLabel: z.string(),
  daysLeft: z.number().int().nullable(),
  basis: z.string(),
});
export type PetitionClockView = z.infer<typeof PetitionClockView>;

export const PetitionView = z.object({
  id: z.string(),
  courtId: z.string(),
  channel: z.enum(PETITION_CHANNELS),
  receivedOn: z.string(),
  headcount: z.number().int(),
  venueLevel: z.enum(PETITION_VENUE_LEVELS),
  forwardedBy: z.string().nullable(),
  nature: z.enum(PETITION_NATURES),
  content: z.string(),
  demands: z.string(),
  outcome: z.enum(PETITION_OUTCOMES),
  petitioners: z.array(NamedRef),
  cases: z.array(CaseRef),
  flags: z.array(PetitionFlagView),
  steps: z.array(PetitionStepView),
  clocks: z.array(PetitionClockView),
  /** Recorded steps that do not fit the procedure (诉访分离, extensions over the cap…), in Chinese. */
  clockProblems: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PetitionView = z.infer<typeof PetitionView>;

export const PetitionListQuery = PageQuery.extend({
  courtId: Id.optional(),
  petitionerId: Id.optional(),
  from: z.string().optional().refine((text) => text === undefined || isLocalDate(text), { error: '开始日期格式应为 YYYY-MM-DD' }),
  to: z.string().optional().refine((text) => text === undefined || isLocalDate(text), { error: '结束日期格式应为 YYYY-MM-DD' }),
  flag: PetitionFlagKindField.optional(),
  channel: z.enum(PETITION_CHANNELS, { error: '信访渠道不正确' }).optional(),
  nature: z.enum(PETITION_NATURES, { error: '信访性质应为 litigation（涉诉）或 non_litigation（非涉诉）' }).optional(),
  outcome: z.enum(PETITION_OUTCOMES, { error: '处理结果不正确' }).optional(),
  keyword: z.string().trim().max(60, { error: '关键词不能超过 60 个字' }).optional(),
});
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

export const PetitionSummaryView = PetitionView.pick({
  id: true,
  courtId: true,
  channel: true,
  receivedOn: true,
  headcount: true,
  nature: true,
  demands: true,
  outcome: true,
  petitioners: true,
  flags: true,
  version: true,
});
export type PetitionSummaryView = z.infer<typeof PetitionSummaryView>;

export const StabilizationPlanView = z.object({
  id: z.string(),
  petitionerId: z.string(),
  leaderName: z.string(),
  leaderAccountId: z.string().nullable(),
  staff: z.array(z.string()),
  measures: z.array(z.string()),
  agencyIds: z.array(z.string()),
  startedOn: z.string(),
  reviewOn: z.string(),
  reviewStatus: z.enum(['scheduled', 'due_soon', 'overdue']),
  daysLeft: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type StabilizationPlanView = z.infer<typeof StabilizationPlanView>;

export const KeyPersonView = z.object({
  id: z.string(),
  petitionerId: z.string(),
  petitionerName: z.string(),
  idNumberMasked: z.string().nullable(),
  listedOn: z.string(),
  reason: z.string(),
  reviewCadenceDays: z.number().int(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string(),
  reviewStatus: z.enum(['scheduled', 'due_soon', 'overdue']),
  daysLeft: z.number().int(),
  reviews: z.array(z.object({ id: z.string(), reviewedOn: z.string(), decision: z.enum(KEY_PERSON_DECISIONS), opinion: z.string(), createdByName: z.string() })),
  version: z.number().int(),
});
export type KeyPersonView = z.infer<typeof KeyPersonView>;

export const KeyPersonListQuery = PageQuery.extend({
  courtId: Id.optional(),
  reviewStatus: z.enum(['scheduled', 'due_soon', 'overdue'], { error: '复评状态应为 scheduled、due_soon 或 overdue' }).optional(),
});
export type KeyPersonListQuery = z.infer<typeof KeyPersonListQuery>;

export const KeyPersonReviewRequest = KeyPersonReviewInput.safeExtend({ version: Version });
export type KeyPersonReviewRequest = z.infer<typeof KeyPersonReviewRequest>;

export const CounsellingSessionView = z.object({
  id: z.string(),
  petitionerId: z.string(),
  heldOn: z.string(),
  counsellor: z.string(),
  form: z.enum(COUNSELLING_FORMS),
  emotionalState: z.enum(EMOTIONAL_STATES),
  notes: z.string(),
  nextOn: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type CounsellingSessionView = z.infer<typeof CounsellingSessionView>;

export const FollowUpVisitView = z.object({
  id: z.string(),
  petitionerId: z.string(),
  visitedOn: z.string(),
  visitors: z.array(z.string()),
  method: z.enum(FOLLOW_UP_METHODS),
  attitude: z.enum(PETITIONER_ATTITUDES),
  findings: z.string(),
  nextOn: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type FollowUpVisitView = z.infer<typeof FollowUpVisitView>;

/** The confidential records of one person (心理疏导 and 回访), each read audited. */
export const ConfidentialRecordsView = z.object({ counselling: z.array(CounsellingSessionView), followUps: z.array(FollowUpVisitView) });
export type ConfidentialRecordsView = z.infer<typeof ConfidentialRecordsView>;

export const PETITIONER_TIMELINE_KINDS = ['petition', 'step', 'warning', 'plan', 'key_person', 'review', 'case'] as const;
export const PetitionerTimelineEntry = z.object({
  kind: z.enum(PETITIONER_TIMELINE_KINDS),
  on: z.string(),
  title: z.string(),
  detail: z.string(),
  /** Web route to open (a petition, a case), when there is one. */
  link: z.string().nullable(),
});
export type PetitionerTimelineEntry = z.infer<typeof PetitionerTimelineEntry>;

export const PetitionerDetailView = PetitionerSummaryView.extend({
  contacts: z.array(z.object({ kind: z.enum(CONTACT_KINDS), value: z.string() })),
  address: z.string().nullable(),
  remark: z.string().nullable(),
  cases: z.array(CaseRef),
  /** The cases of `cases` linked to the person by hand (the others come from their petitions). */
  linkedCaseIds: z.array(z.string()),
  /** Linked by hand, plus everyone who petitioned together with this person (same group, transitively). */
  relatedPetitioners: z.array(NamedRef.extend({ source: z.enum(['manual', 'group']) })),
  history: z.object({
    total: z.number().int(),
    firstOn: z.string().nullable(),
    lastOn: z.string().nullable(),
    byChannel: z.record(z.string(), z.number().int()),
    byFlag: z.record(z.string(), z.number().int()),
    lastOutcome: z.enum(PETITION_OUTCOMES).nullable(),
  }),
  warnings: z.array(PetitionWarningView),
  keyPersonRecord: KeyPersonView.nullable(),
  plans: z.array(StabilizationPlanView),
  abilities: z.object({ manage: z.boolean(), confidential: z.boolean() }),
  version: z.number().int(),
});
export type PetitionerDetailView = z.infer<typeof PetitionerDetailView>;

export const RevealedIdNumberView = z.object({ idNumber: z.string() });

/** 每月信访件数（按标记）: months `YYYY-MM`, a row per flag plus the total. */
export const PetitionMonthlyQuery = z.object({
  courtId: Id.optional(),
  months: z.coerce.number({ error: '月数必须是数字' }).int({ error: '月数必须是整数' }).min(1, { error: '月数至少为 1' }).max(36, { error: '月数不能超过 36' }).default(12),
});
export const PetitionMonthlyView = z.object({
  months: z.array(z.string()),
  total: z.array(z.number().int()),
  byFlag: z.array(z.object({ kind: z.enum(PETITION_FLAG_KINDS), label: z.string(), counts: z.array(z.number().int()) })),
});
export type PetitionMonthlyView = z.infer<typeof PetitionMonthlyView>;

export const PetitionSweepResult = z.object({ courts: z.number().int(), petitions: z.number().int(), warnings: z.number().int(), notified: z.number().int() });
export type PetitionSweepResult = z.infer<typeof PetitionSweepResult>;
