import { compareLocalDates, isLocalDate, type LocalDate } from '../deadlines/local-date.js';
import type { Abilities } from '../permissions/abilities.js';
import type { Permission } from '../permissions/catalog.js';

/**
 * 公民身份号码 (resident identity number) per GB 11643-1999《公民身份号码》: 6-digit address code
 * (GB/T 2260), 8-digit birth date YYYYMMDD, 3-digit sequence (odd for men, even for women) and
 * one check character computed with ISO 7064 MOD 11-2 ("X" stands for 10). First-generation cards
 * (1984–2004) carry a 15-digit number without century and check character.
 */

export interface IdNumberInfo {
  /** The 18-character number: half-width digits, upper-case X. */
  readonly normalized: string;
  readonly regionCode: string;
  readonly birthDate: LocalDate;
  readonly sex: 'male' | 'female';
  /** True when the input was a 15-digit first-generation number, converted here. */
  readonly convertedFrom15: boolean;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; message: string };

export interface IdNumberOptions {
  /** The court's today; a birth date after it is rejected. Omit only where no date is known. */
  readonly today?: LocalDate;
}

/** GB 11643-1999 §7.2: weight of position i (1-based from the left) is 2^(18−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (weighted sum mod 11) = 0 … 10. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level prefixes of GB/T 2260 (11–65), 71 台湾, 81 香港, 82 澳门, and 83, which the 港澳台居民
 * 居住证 uses with the same number layout. A number outside these is a typo, not a person.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** Nobody registered today was born before 1900; earlier dates are typos. */
const EARLIEST_BIRTH_DATE = '1900-01-01' as LocalDate;

/**
 * The check character of the first 17 characters (GB 11643-1999 §7.2, ISO 7064 MOD 11-2).
 * Throws a RangeError unless given exactly 17 digits (a programming error).
 */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckCharacter needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Converts a 15-digit first-generation number to 18 characters: insert the century "19" before the
 * two-digit birth year and append the check character (the conversion rule of GB 11643-1999;
 * first-generation numbers were only issued to people born in the 1900s). Throws a RangeError
 * unless given 15 digits.
 */
export function convertIdNumber15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('convertIdNumber15To18 needs 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Trims, drops inner spaces, turns full-width digits and ｘ/x into half-width and upper-case X. */
export function normalizeIdNumberText(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X');
}

/**
 * Validates a 身份证号 and describes it. Accepts 18 characters (last may be X) or 15 digits
 * (converted to 18). Checks, in order: length and characters; province code; birth date is a real
 * date, not before 1900-01-01 and not after `today`; the check character. Messages are Chinese and
 * name the field; a wrong check character is reported without the expected one, so that a clerk
 * re-reads the card instead of "fixing" the last digit of a mistyped number.
 */
export function validateIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const text = normalizeIdNumberText(input);
  if (text === '') return { ok: false, message: '身份证号不能为空' };
  const is15 = /^\d{15}$/.test(text);
  if (!is15 && !/^\d{17}[\dX]$/.test(text)) {
    const problem = /[^\dX]/.test(text) ? '，且含有数字和 X 以外的字符' : text.length === 18 ? '，X 只能是最后一位' : '';
    return { ok: false, message: `身份证号应为 18 位（末位可为 X）或 15 位数字，现为 ${text.length} 位${problem}` };
  }
  const normalized = is15 ? convertIdNumber15To18(text) : text;
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) {
    return { ok: false, message: `身份证号前两位 ${normalized.slice(0, 2)} 不是有效的省级行政区划代码` };
  }
  const birthText = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isLocalDate(birthText)) return { ok: false, message: `身份证号中的出生日期 ${birthText} 不是真实日期` };
  if (compareLocalDates(birthText, EARLIEST_BIRTH_DATE) < 0) {
    return { ok: false, message: `身份证号中的出生日期 ${birthText} 早于 1900 年，请核对` };
  }
  if (options.today !== undefined && compareLocalDates(birthText, options.today) > 0) {
    return { ok: false, message: `身份证号中的出生日期 ${birthText} 晚于今天，请核对` };
  }
  if (!is15 && idNumberCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, message: '身份证号校验码不符（GB 11643-1999），请逐位核对号码' };
  }
  return {
    ok: true,
    value: {
      normalized,
      regionCode: normalized.slice(0, 6),
      birthDate: birthText,
      sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
      convertedFrom15: is15,
    },
  };
}

/**
 * The on-screen form of an ID number: the 6-digit region code and the last 4 characters stay, the
 * birth date and sequence are hidden — `110105199001011234` → `110105********1234`. The birth date is
 * what makes the number personal data beyond the region, so it is never shown. Other lengths (an
 * unvalidated legacy value) keep the same 6 + 4 only when at least 4 characters are hidden, and are
 * otherwise masked entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const text = normalizeIdNumberText(idNumber);
  if (text.length < 14) return '*'.repeat(text.length);
  return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`;
}

/**
 * Who may see a full ID number: holders of `petition.confidential` (查看心理疏导等保密记录), the same
 * grant that opens counselling notes — both are sensitive personal data (PRODUCT.md §7). Everyone
 * else, 信访接待 included, sees the masked form; each reveal is a separate, audited request.
 */
export const ID_NUMBER_REVEAL_PERMISSION = 'petition.confidential' satisfies Permission;

/** What a screen shows for an ID number: full text only with the reveal permission. */
export function displayIdNumber(idNumber: string, abilities: Abilities): { text: string; revealed: boolean } {
  return abilities[ID_NUMBER_REVEAL_PERMISSION] ? { text: normalizeIdNumberText(idNumber), revealed: true } : { text: maskIdNumber(idNumber), revealed: false };
}
