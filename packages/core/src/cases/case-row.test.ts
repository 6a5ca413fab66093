import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, mapCaseRow, matchCaseHeader, normaliseDateCell, type CaseColumnField } from './case-row.js';
import { CaseInput, validateCaseDraft } from './court-case.js';
import { inferPartyKind } from './parties.js';

const row = (values: Partial<Record<CaseColumnField, string>>) => (field: CaseColumnField) => values[field] ?? '';
const context = { courtCode: '示0101', today: '2026-03-01', inferPartyKind };

describe('case rows', () => {
  it('finds the template columns, tolerating * and a BOM', () => {
    const { indexes, missing } = matchCaseHeader(['\uFEFF案号*', '立案日期 *', '当事人']);
    expect(indexes.get('caseNumber')).toBe(0);
    expect(indexes.get('parties')).toBe(2);
    expect(missing).toEqual([]);
    expect(matchCaseHeader(['当事人']).missing).toEqual(['案号', '立案日期']);
  });

  it.each([
    ['2024/1/5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024-01-05 10:30', '2024-01-05'],
    ['五号', undefined],
  ])('normalises the date %s', (cell, expected) => {
    expect(normaliseDateCell(cell)).toBe(expected);
  });

  it('maps a full row and validates it into a draft', () => {
    const mapped = mapCaseRow(
      row({
        caseNumber: '（2025）示0101民初88号',
        procedure: '简易程序',
        causes: '民间借贷纠纷；借款合同纠纷',
        filedOn: '2025/3/1',
        judgeName: '王法官',
        amount: '15万',
        parties: '原告：张三；被告：某某公司',
        lawyers: '李律师（某某律师事务所）',
        facts: '被告借款未还。',
      }),
    );
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
    const parsed = CaseInput.parse(mapped.input);
    const result = validateCaseDraft(parsed, context);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.draft).toMatchObject({
      caseNumber: '(2025)示0101民初88号',
      caseType: 'civil',
      instance: 'first',
      procedure: 'simple',
      causes: ['民间借贷纠纷', '借款合同纠纷'],
      amountYuan: '150000',
      amountFen: 15_000_000n,
      lawyers: [{ name: '李律师', firm: '某某律师事务所', represents: '' }],
    });
    expect(result.draft.parties[1]).toMatchObject({ name: '某某公司', kind: 'legal' });
  });

  it('names the column of every problem in a row', () => {
    const mapped = mapCaseRow(row({ caseNumber: '(2025)示0101民初1号', filedOn: '昨天', status: '审理中', procedure: '快速' }));
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.problems.map((p) => p.column).sort()).toEqual(['审理程序', '案件状态', '立案日期'].sort());
  });

  it.each([
    [{ caseNumber: '(2025)示0102民初1号' }, 'caseNumber', '不一致'],
    [{ filedOn: '2026-05-01' }, 'filedOn', '晚于今天'],
    [{ status: 'closed' as const }, 'closedOn', '须填写结案日期'],
    [{ closedOn: '2024-01-01' }, 'closedOn', '早于立案日期'],
    [{ amount: '12.345' }, 'amount', '精确到分'],
    [{ caseNumber: '(2025)示0101某某1号' }, 'caseType', '无法从类型代字'],
  ])('rejects %j on %s', (patch, field, reason) => {
    const input = CaseInput.parse({ caseNumber: '(2025)示0101民初1号', filedOn: '2025-01-01', ...patch });
    const result = validateCaseDraft(input, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const problem = result.problems.find((p) => p.field === field);
      expect(problem?.message).toContain(reason);
    }
  });

  it('has a documented example for every template column', () => {
    for (const column of CASE_COLUMNS) expect(column.note !== undefined && column.header.length > 0).toBe(true);
  });
});
