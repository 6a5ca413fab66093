/**
 * 案号 (case numbers) per 最高人民法院《关于人民法院案件案号的若干规定》(法〔2015〕137号) and its
 * 《人民法院案件类型及其代字标准》(secondary: the 2015 annex; later local additions exist, so unknown
 * type codes are reported, not rejected, by `describeCaseTypeCode`).
 * Shape: (收案年度)法院代字 + 类型代字 + 案件编号 + 号, e.g. (2024)京0105民初12345号.
 */
export interface ParsedCaseNumber {
  /** Normalised text: half-width parentheses. */
  text: string;
  year: number;
  courtCode: string;
  typeCode: string;
  serial: number;
}

export type CaseNumberResult = { ok: true; value: ParsedCaseNumber } | { ok: false; message: string };

const CASE_NUMBER = /^\((\d{4})\)([\u4e00-\u9fa5]?\d{1,6})([\u4e00-\u9fa5]{1,6})(\d{1,7})号$/;

/** Parses and validates a 案号; full-width （） and surrounding spaces are accepted. */
export function parseCaseNumber(input: string, options: { maxYear?: number } = {}): CaseNumberResult {
  const text = input.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  if (!text) return { ok: false, message: '案号不能为空' };
  const match = CASE_NUMBER.exec(text);
  if (!match) return { ok: false, message: `案号“${input.trim()}”格式不正确，应如 (2024)京0105民初12345号` };
  const [, yearText, courtCode, typeCode, serialText] = match as unknown as [string, string, string, string, string];
  const year = Number(yearText);
  if (year < 1949 || (options.maxYear !== undefined && year > options.maxYear)) {
    return { ok: false, message: `案号中的年度 ${year} 不合理` };
  }
  const serial = Number(serialText);
  if (serial < 1) return { ok: false, message: '案号中的案件编号应从 1 开始' };
  return { ok: true, value: { text, year, courtCode, typeCode, serial } };
}

export function formatCaseNumber(p: Omit<ParsedCaseNumber, 'text'>): string {
  return `(${p.year})${p.courtCode}${p.typeCode}${p.serial}号`;
}

export const CASE_TYPES = ['civil', 'criminal', 'administrative', 'enforcement', 'state_compensation', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const caseTypeLabel: Record<CaseType, string> = {
  civil: '民事',
  criminal: '刑事',
  administrative: '行政',
  enforcement: '执行',
  state_compensation: '国家赔偿',
  other: '其他',
};

export const INSTANCES = ['first', 'second', 'retrial', 'retrial_review', 'enforcement', 'special', 'other'] as const;
export type Instance = (typeof INSTANCES)[number];
export const instanceLabel: Record<Instance, string> = {
  first: '一审',
  second: '二审',
  retrial: '再审',
  retrial_review: '再审审查',
  enforcement: '执行',
  special: '特别程序',
  other: '其他',
};

/** The commonest 类型代字 (法〔2015〕137号 annex); enough to infer type and instance on import. */
const TYPE_CODES: Record<string, { type: CaseType; instance: Instance; label: string }> = {
  民初: { type: 'civil', instance: 'first', label: '民事一审' },
  民终: { type: 'civil', instance: 'second', label: '民事二审' },
  民再: { type: 'civil', instance: 'retrial', label: '民事再审' },
  民申: { type: 'civil', instance: 'retrial_review', label: '民事申请再审审查' },
  民特: { type: 'civil', instance: 'special', label: '民事特别程序' },
  民督: { type: 'civil', instance: 'special', label: '申请支付令' },
  民辖: { type: 'civil', instance: 'other', label: '管辖' },
  破: { type: 'civil', instance: 'special', label: '破产' },
  刑初: { type: 'criminal', instance: 'first', label: '刑事一审' },
  刑终: { type: 'criminal', instance: 'second', label: '刑事二审' },
  刑再: { type: 'criminal', instance: 'retrial', label: '刑事再审' },
  刑申: { type: 'criminal', instance: 'retrial_review', label: '刑事申诉审查' },
  刑更: { type: 'criminal', instance: 'other', label: '减刑假释' },
  行初: { type: 'administrative', instance: 'first', label: '行政一审' },
  行终: { type: 'administrative', instance: 'second', label: '行政二审' },
  行再: { type: 'administrative', instance: 'retrial', label: '行政再审' },
  行申: { type: 'administrative', instance: 'retrial_review', label: '行政申请再审审查' },
  行审: { type: 'administrative', instance: 'other', label: '非诉行政行为审查' },
  执: { type: 'enforcement', instance: 'enforcement', label: '首次执行' },
  执恢: { type: 'enforcement', instance: 'enforcement', label: '恢复执行' },
  执异: { type: 'enforcement', instance: 'other', label: '执行异议' },
  执复: { type: 'enforcement', instance: 'other', label: '执行复议' },
  执保: { type: 'enforcement', instance: 'other', label: '财产保全执行' },
  司救: { type: 'other', instance: 'other', label: '司法救助' },
  委赔: { type: 'state_compensation', instance: 'other', label: '国家赔偿' },
  法赔: { type: 'state_compensation', instance: 'other', label: '法院作为赔偿义务机关' },
};

/** What a 类型代字 says about the case; undefined for codes outside the common table. */
export function describeCaseTypeCode(typeCode: string) {
  return TYPE_CODES[typeCode];
}
