import { describe, expect, it } from 'vitest';
import {
  EXCLUDED_PERIOD_KINDS,
  EXCLUDED_PERIOD_RULES,
  formatCitation,
  PROCEDURE_CODES,
  PROCEDURE_RULES,
} from './procedures.js';

describe('procedure table (docs LEGAL.md 审限)', () => {
  it('has one rule per code, keyed by its own code', () => {
    expect(Object.keys(PROCEDURE_RULES).sort()).toEqual([...PROCEDURE_CODES].sort());
    for (const code of PROCEDURE_CODES) expect(PROCEDURE_RULES[code].code).toBe(code);
  });

  it.each(PROCEDURE_CODES.map((code) => [code]))('%s cites a statute edition and has a Chinese label', (code) => {
    const rule = PROCEDURE_RULES[code];
    expect(rule.label).toMatch(/[\u4e00-\u9fa5]/);
    expect(rule.citation.edition).toMatch(/\d{4}年/);
    for (const stage of rule.extensionStages) {
      expect(stage.approvers.length).toBeGreaterThan(0);
      expect(stage.citation.article).toMatch(/^第/);
    }
  });

  it('statute rows are verified, the enforcement rows (法释〔2000〕29号) secondary', () => {
    const statuses = Object.fromEntries(PROCEDURE_CODES.map((code) => [code, PROCEDURE_RULES[code].citation.status]));
    expect(statuses.enforcement).toBe('secondary');
    expect(statuses.nonLitigationEnforcement).toBe('secondary');
    expect(PROCEDURE_CODES.filter((code) => statuses[code] !== 'verified').sort()).toEqual(['enforcement', 'nonLitigationEnforcement']);
  });

  it('marks approvers the statute does not name as unconfirmed', () => {
    expect(PROCEDURE_RULES.criminalRetrial.extensionStages[0]?.citation.status).toBe('unconfirmed');
    expect(PROCEDURE_RULES.criminalSimpleOverThreeYears.extensionStages[0]?.citation.status).toBe('unconfirmed');
  });

  it.each([
    [{ law: '民事诉讼法', edition: '2023年修正', article: '第一百五十二条', status: 'verified' as const }, '《民事诉讼法》（2023年修正）第一百五十二条'],
    [{ law: '法释〔2000〕29号', edition: '2000年', article: '第五条', status: 'secondary' as const }, '法释〔2000〕29号（2000年）第五条〔据二手资料，作为可配置默认值〕'],
  ])('formats %j as %s', (citation, text) => {
    expect(formatCitation(citation)).toBe(text);
  });
});

describe('excluded period kinds (扣除审限)', () => {
  it.each(EXCLUDED_PERIOD_KINDS.map((kind) => [kind]))('%s has a label, families and a source', (kind) => {
    const rule = EXCLUDED_PERIOD_RULES[kind];
    expect(rule.kind).toBe(kind);
    expect(rule.families.length).toBeGreaterThan(0);
    expect(rule.label).toMatch(/期间/);
  });

  it('caps new defence counsel at 10 days and new-evidence adjournments at one month (第九条第二、五项)', () => {
    expect(EXCLUDED_PERIOD_RULES.newDefenceCounsel.maxLength).toEqual({ months: 0, days: 10 });
    expect(EXCLUDED_PERIOD_RULES.newEvidenceAdjournment.maxLength).toEqual({ months: 1, days: 0 });
  });
});
