import { z } from 'zod';
import { parseAmount } from './amount.js';
import { CASE_TYPES, describeCaseTypeCode, INSTANCES, parseCaseNumber, type CaseType, type Instance } from './case-number.js';
import { PARTY_KINDS } from '../screening/rule-schema.js';
import { PARTY_ROLES, type PartyInput } from './parties.js';

export const PROCEDURES = ['ordinary', 'simple', 'small_claims', 'summary', 'special', 'other'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const procedureLabel: Record<Procedure, string> = {
  ordinary: '普通程序',
  simple: '简易程序',
  small_claims: '小额诉讼程序',
  summary: '速裁程序',
  special: '特别程序',
  other: '其他',
};

export const CASE_STATUSES = ['pending', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const caseStatusLabel: Record<CaseStatus, string> = { pending: '在审', suspended: '中止', closed: '已结' };

export const LocalDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }).refine(isRealDate, { message: '日期不存在' });

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const PartySchema = z.strictObject({
  role: z.enum(PARTY_ROLES, { message: '诉讼地位不在可选范围内' }),
  name: z.string().trim().min(1, { message: '当事人名称不能为空' }).max(200),
  kind: z.enum(PARTY_KINDS, { message: '当事人类型应为 natural / legal / other_org / state_organ' }).optional(),
  flags: z.array(z.string().max(30)).max(10).default([]),
});

export const LawyerSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  firm: z.string().trim().max(100).default(''),
  /** The party the lawyer represents, by name. */
  represents: z.string().trim().max(200).default(''),
});
export type LawyerInput = z.infer<typeof LawyerSchema>;

/** One case as the API and JSONL import take it; flat files are mapped into this shape first. */
export const CaseInput = z.strictObject({
  caseNumber: z.string().trim().min(1, { message: '案号不能为空' }).max(60, { message: '案号过长' }),
  caseType: z.enum(CASE_TYPES, { message: '案件类型不在可选范围内' }).optional(),
  instance: z.enum(INSTANCES, { message: '审级不在可选范围内' }).optional(),
  procedure: z.enum(PROCEDURES, { message: '审理程序不在可选范围内' }).default('ordinary'),
  causes: z.array(z.string().trim().min(1).max(100)).max(10, { message: '案由最多 10 个' }).default([]),
  filedOn: LocalDateText,
  closedOn: LocalDateText.nullable().default(null),
  status: z.enum(CASE_STATUSES, { message: '案件状态应为 pending / suspended / closed' }).default('pending'),
  judgeName: z.string().trim().max(50, { message: '承办法官姓名过长' }).nullable().default(null),
  departmentName: z.string().trim().max(100).nullable().default(null),
  amount: z.string().trim().max(40).nullable().default(null),
  facts: z.string().max(100_000, { message: '事实理由不能超过 10 万字' }).default(''),
  claims: z.string().max(20_000, { message: '诉讼请求不能超过 2 万字' }).default(''),
  parties: z.array(PartySchema).max(5000, { message: '当事人过多（上限 5000）' }).default([]),
  lawyers: z.array(LawyerSchema).max(500).default([]),
});
export type CaseInput = z.input<typeof CaseInput>;
export type CaseInputParsed = z.output<typeof CaseInput>;

/** A validated case ready to store: derived fields filled, money exact. */
export interface CaseDraft {
  caseNumber: string;
  year: number;
  typeCode: string;
  caseType: CaseType;
  instance: Instance;
  procedure: Procedure;
  causes: string[];
  filedOn: string;
  closedOn: string | null;
  status: CaseStatus;
  judgeName: string | null;
  departmentName: string | null;
  amountYuan: string | null;
  /** 分, for range filters; BigInt so 10^13 yuan stays exact. */
  amountFen: bigint | null;
  facts: string;
  claims: string;
  parties: PartyInput[];
  lawyers: LawyerInput[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type CaseDraftResult = { ok: true; draft: CaseDraft } | { ok: false, problems: FieldProblem[] };

/**
 * Cross-field checks after the schema: the 案号 parses and names this court, type and instance
 * follow from the 类型代字 unless given, dates are ordered and not in the future, a closed case has
 * its closing date, the amount is an exact decimal.
 */
export function validateCaseDraft(
  input: CaseInputParsed,
  context: { courtCode: string; today: string; inferPartyKind: (name: string) => PartyInput['kind'] },
): CaseDraftResult {
  const problems: FieldProblem[] = [];
  const parsed = parseCaseNumber(input.caseNumber, { maxYear: Number(context.today.slice(0, 4)) });
  if (!parsed.ok) problems.push({ field: 'caseNumber', message: parsed.message });
  else if (parsed.value.courtCode !== context.courtCode) {
    problems.push({ field: 'caseNumber', message: `案号中的法院代字“${parsed.value.courtCode}”与所选法院（${context.courtCode}）不一致` });
  }
  const typeInfo = parsed.ok ? describeCaseTypeCode(parsed.value.typeCode) : undefined;
  const caseType = input.caseType ?? typeInfo?.type;
  if (parsed.ok && !caseType) problems.push({ field: 'caseType', message: `无法从类型代字“${parsed.value.typeCode}”判断案件类型，请填写案件类型` });
  if (input.filedOn > context.today) problems.push({ field: 'filedOn', message: `立案日期 ${input.filedOn} 晚于今天` });
  if (input.closedOn && input.closedOn < input.filedOn) problems.push({ field: 'closedOn', message: '结案日期早于立案日期' });
  if (input.status === 'closed' && !input.closedOn) problems.push({ field: 'closedOn', message: '已结案件须填写结案日期' });
  if (input.status !== 'closed' && input.closedOn) problems.push({ field: 'status', message: '填写了结案日期，状态应为已结' });
  let amountYuan: string | null = null;
  let amountFen: bigint | null = null;
  if (input.amount) {
    const amount = parseAmount(input.amount);
    if (amount.ok) {
      amountYuan = amount.yuan;
      amountFen = amount.fen;
    } else problems.push({ field: 'amount', message: amount.message });
  }
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      caseNumber: parsed.value.text,
      year: parsed.value.year,
      typeCode: parsed.value.typeCode,
      caseType: caseType!,
      instance: input.instance ?? typeInfo?.instance ?? 'other',
      procedure: input.procedure,
      causes: [...new Set(input.causes)],
      filedOn: input.filedOn,
      closedOn: input.closedOn,
      status: input.status,
      judgeName: input.judgeName || null,
      departmentName: input.departmentName || null,
      amountYuan,
      amountFen,
      facts: input.facts,
      claims: input.claims,
      parties: input.parties.map((p) => ({ role: p.role, name: p.name, kind: p.kind ?? context.inferPartyKind(p.name), flags: p.flags })),
      lawyers: input.lawyers,
    },
  };
}
