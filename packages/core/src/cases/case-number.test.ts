import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCaseTypeCode, formatCaseNumber, parseCaseNumber } from './case-number.js';

// 最高人民法院《关于人民法院案件案号的若干规定》(法〔2015〕137号) 第三条: (收案年度)+法院代字+类型代字+案件编号+号.
describe('parseCaseNumber', () => {
  it.each([
    ['(2024)京0105民初12345号', { year: 2024, courtCode: '京0105', typeCode: '民初', serial: 12345 }],
    ['（2023）沪01民终7号', { year: 2023, courtCode: '沪01', typeCode: '民终', serial: 7 }],
    [' (2022)示0101执恢3号 ', { year: 2022, courtCode: '示0101', typeCode: '执恢', serial: 3 }],
    ['(2021)最高法民申100号', undefined],
  ])('%s', (text, expected) => {
    const result = parseCaseNumber(text);
    if (expected) expect(result).toMatchObject({ ok: true, value: expected });
    else expect(result.ok).toBe(false);
  });

  it.each([
    ['', '不能为空'],
    ['2024京0105民初1号', '格式不正确'],
    ['(2024)京0105民初0号', '从 1 开始'],
    ['(1900)京0105民初1号', '不合理'],
  ])('rejects %j with a reason', (text, reason) => {
    const result = parseCaseNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it('rejects a year after the current one when told the limit', () => {
    expect(parseCaseNumber('(2027)京0105民初1号', { maxYear: 2026 }).ok).toBe(false);
  });

  it('round-trips format → parse (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2100 }),
        fc.constantFrom('京0105', '沪01', '示0101', '粤0304'),
        fc.constantFrom('民初', '刑终', '执', '行初', '执恢'),
        fc.integer({ min: 1, max: 9_999_999 }),
        (year, courtCode, typeCode, serial) => {
          const text = formatCaseNumber({ year, courtCode, typeCode, serial });
          const parsed = parseCaseNumber(text);
          return parsed.ok && parsed.value.text === text && parsed.value.serial === serial && parsed.value.typeCode === typeCode;
        },
      ),
    );
  });

  it('knows the common 类型代字', () => {
    expect(describeCaseTypeCode('民初')).toMatchObject({ type: 'civil', instance: 'first' });
    expect(describeCaseTypeCode('刑终')).toMatchObject({ type: 'criminal', instance: 'second' });
    expect(describeCaseTypeCode('执')).toMatchObject({ type: 'enforcement' });
    expect(describeCaseTypeCode('某某')).toBeUndefined();
  });
});
