import { z } from 'zod';
import { parseCaseNumber } from '../cases/case-number.js';
import { normaliseDateCell } from '../cases/case-row.js';
import { compareLocalDates, isLocalDate, type LocalDate } from '../deadlines/local-date.js';
import { validateIdNumber } from '../petitions/id-number.js';
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
    ctx.addIssue({ code: 'custom', path: ['forwardedBy'], message: '上级转交的信访件请填写转交机关' });
  }
  if (petition.nature === 'litigation' && petition.caseIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['caseIds'], message: '涉诉信访请关联至少一件案件（诉访分离：导入该案的法律程序）' });
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
