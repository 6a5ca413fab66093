import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay, type LocalDate } from '../deadlines/local-date.js';
import { abilitiesFrom } from '../permissions/abilities.js';
import { BUILTIN_ROLES } from '../permissions/builtin-roles.js';
import { convertIdNumber15To18, displayIdNumber, idNumberCheckCharacter, maskIdNumber, validateIdNumber } from './id-number.js';

const TODAY = '2025-06-01' as LocalDate;

describe('validateIdNumber (GB 11643-1999)', () => {
  it.each([
    // The standard's own example number (check character X).
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['110105199001011232', '110105199001011232', '1990-01-01', 'male'],
    // Lower-case x, full-width digits and spaces are typing variants of the same number.
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    [' 1101 0519 9001 0112 32 ', '110105199001011232', '1990-01-01', 'male'],
    ['１１０１０５１９９００１０１１２３２', '110105199001011232', '1990-01-01', 'male'],
    // 29 February exists in 2000 (divisible by 400) and 2024.
    ['310115200002290021', '310115200002290021', '2000-02-29', 'female'],
    ['110105202402290038', '110105202402290038', '2024-02-29', 'male'],
  ])('accepts %j as %s', (input, normalized, birthDate, sex) => {
    const result = validateIdNumber(input, { today: TODAY });
    expect(result).toEqual({ ok: true, value: { normalized, regionCode: normalized.slice(0, 6), birthDate, sex, convertedFrom15: false } });
  });

  it('converts a 15-digit first-generation number: century 19 inserted, check character appended', () => {
    expect(convertIdNumber15To18('110105491231002')).toBe('11010519491231002X');
    const result = validateIdNumber('110105491231002', { today: TODAY });
    expect(result.ok && result.value).toMatchObject({ normalized: '11010519491231002X', birthDate: '1949-12-31', convertedFrom15: true });
  });

  it.each([
    ['', '身份证号不能为空'],
    ['11010519900101123', '身份证号应为 18 位（末位可为 X）或 15 位数字，现为 17 位'],
    ['1101051990010112A2', '身份证号应为 18 位（末位可为 X）或 15 位数字，现为 18 位，且含有数字和 X 以外的字符'],
    ['X10105199001011232', '身份证号应为 18 位（末位可为 X）或 15 位数字，现为 18 位，X 只能是最后一位'],
    ['000105199001011232', '身份证号前两位 00 不是有效的省级行政区划代码'],
    ['990105199001011232', '身份证号前两位 99 不是有效的省级行政区划代码'],
    // 2023 is not a leap year; month 13 does not exist.
    ['110105202302290038', '身份证号中的出生日期 2023-02-29 不是真实日期'],
    ['110105199013011232', '身份证号中的出生日期 1990-13-01 不是真实日期'],
    // The standard's second example (born 1880) is real but nobody we register was born before 1900.
    ['440524188001010014', '身份证号中的出生日期 1880-01-01 早于 1900 年，请核对'],
    ['110105203001011236', '身份证号中的出生日期 2030-01-01 晚于今天，请核对'],
    ['110105199001011233', '身份证号校验码不符（GB 11643-1999），请逐位核对号码'],
    // A 15-digit number with an impossible date fails after conversion.
    ['110105900230123', '身份证号中的出生日期 1990-02-30 不是真实日期'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateIdNumber(input, { today: TODAY })).toEqual({ ok: false, message });
  });

  it('accepts a birth date of today and rejects tomorrow', () => {
    const body = (date: LocalDate) => `110105${date.replaceAll('-', '')}003`;
    const number = (date: LocalDate) => body(date) + idNumberCheckCharacter(body(date));
    expect(validateIdNumber(number(TODAY), { today: TODAY }).ok).toBe(true);
    expect(validateIdNumber(number(addDays(TODAY, 1)), { today: TODAY }).ok).toBe(false);
  });

  const validBody = fc
    .record({
      province: fc.constantFrom('11', '31', '44', '65', '81', '83'),
      rest: fc.stringMatching(/^\d{4}$/),
      born: fc.integer({ min: toEpochDay('1900-01-01' as LocalDate), max: toEpochDay(TODAY) }),
      sequence: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ province, rest, born, sequence }) => `${province}${rest}${fromEpochDay(born).replaceAll('-', '')}${sequence}`);

  it('accepts every well-formed number with its computed check character (property)', () => {
    fc.assert(fc.property(validBody, (body) => validateIdNumber(body + idNumberCheckCharacter(body), { today: TODAY }).ok));
  });

  it('detects every single-character substitution (MOD 11-2 property)', () => {
    fc.assert(
      fc.property(validBody, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (body, position, shift) => {
        const id = body + idNumberCheckCharacter(body);
        const alphabet = '0123456789X';
        const current = alphabet.indexOf(id[position]!);
        const replacement = alphabet[(current + shift) % 11]!;
        if (position < 17 && replacement === 'X') return true; // not a digit position for X
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        return !validateIdNumber(mutated, { today: TODAY }).ok;
      }),
    );
  });

  it('15 → 18 conversion always yields a valid number with the same birth date (property)', () => {
    fc.assert(
      fc.property(validBody.filter((body) => body.slice(6, 8) === '19'), (body) => {
        const id15 = body.slice(0, 6) + body.slice(8, 17);
        const result = validateIdNumber(id15, { today: TODAY });
        return result.ok && result.value.normalized.slice(0, 17) === body && result.value.convertedFrom15;
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110105199001011232', '110105********1232'],
    ['11010519491231002x', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['12345', '*****'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it('never shows the birth date of an 18-character number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        return masked.length === 18 && masked.slice(6, 14) === '********' && masked.startsWith(id.slice(0, 6)) && masked.endsWith(id.slice(14));
      }),
    );
  });
});

describe('displayIdNumber per role', () => {
  const roleAbilities = (code: string) => abilitiesFrom(BUILTIN_ROLES.find((role) => role.code === code)!.permissions);

  it.each(['petition_officer', 'leader', 'risk_office', 'judge'])('shows %s the masked number', (code) => {
    expect(displayIdNumber('110105199001011232', roleAbilities(code))).toEqual({ text: '110105********1232', revealed: false });
  });

  it('shows the full number only with petition.confidential', () => {
    expect(displayIdNumber('11010519491231002x', abilitiesFrom(['petition.read', 'petition.confidential']))).toEqual({ text: '11010519491231002X', revealed: true });
    expect(displayIdNumber('11010519491231002X', abilitiesFrom(['petition.read', 'petition.manage']))).toEqual({ text: '110105********002X', revealed: false });
  });
});
