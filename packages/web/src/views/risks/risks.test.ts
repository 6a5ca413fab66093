import type { RiskClock } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { isBeforeToday, lowerCourtTree, previewScore, residualLevelsFor, summarizeClocks } from './risk-display';
import { blankRiskFilters, filtersFromQuery, filtersToQuery, isNarrowed } from './risk-query';
import { blankRiskForm, toAssignDownInput, toRiskCreateInput } from './useRiskCreate';

const COURT = '0b7f3c9e-8a57-4d1b-9a55-1f0a2b3c4d5e';

describe('register filters and the URL', () => {
  it('reads the workbench link /risks?domain=…&level=… into the filter form', () => {
    expect(filtersFromQuery({ domain: 'financial', level: 'red' })).toEqual({ domain: 'financial', level: 'red' });
    expect(filtersFromQuery({ overdue: 'true', includeLowerCourts: 'true', courtId: COURT, from: '2026-01-01', to: '2026-03-31' })).toEqual({
      overdue: 'true',
      includeLowerCourts: 'true',
      courtId: COURT,
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('drops values the server would refuse, so a hand-edited link still opens the register', () => {
    expect(filtersFromQuery({ domain: 'weather', level: ['red', 'blue'], courtId: 'not-a-uuid', from: '2026-1-1', status: 'closed' })).toEqual({
      level: 'red',
      status: 'closed',
    });
    // 在办 (the workbench heat grid's link) is kept; an unknown state is not.
    expect(filtersFromQuery({ status: 'open' })).toEqual({ status: 'open' });
    expect(filtersFromQuery({ status: 'finished' })).toEqual({});
  });

  it('puts only the filters that are set in the URL, and round-trips them', () => {
    const filters = { ...blankRiskFilters(), domain: 'cyber' as const, keyword: '数据泄露', overdue: 'true' as const };
    const query = filtersToQuery(filters);
    expect(query).toEqual({ domain: 'cyber', keyword: '数据泄露', overdue: 'true' });
    expect({ ...blankRiskFilters(), ...filtersFromQuery(query as Record<string, string>) }).toEqual(filters);
    expect(filtersToQuery(blankRiskFilters())).toEqual({});
  });

  it('tells a narrowed list from the whole register; sorting alone does not narrow', () => {
    expect(isNarrowed(blankRiskFilters())).toBe(false);
    expect(isNarrowed({ ...blankRiskFilters(), sort: 'level', order: 'asc' })).toBe(false);
    expect(isNarrowed({ ...blankRiskFilters(), status: 'disposing' })).toBe(true);
  });
});

describe('上报风险 form', () => {
  it('shows the level likelihood × impact gives on the default matrix (≥20 红, 12–19 橙, 6–11 黄, else 蓝)', () => {
    expect(previewScore(4, 5)).toMatchObject({ score: 20, level: 'red' });
    expect(previewScore(3, 4)).toMatchObject({ score: 12, level: 'orange' });
    expect(previewScore(2, 3)).toMatchObject({ score: 6, level: 'yellow' });
    expect(previewScore(1, 5)).toMatchObject({ score: 5, level: 'blue' });
  });

  it('scores a level change on the risk’s own criteria when given', () => {
    const strict = { matrixVersion: 2, bands: { red: 15, orange: 10, yellow: 4 } };
    expect(previewScore(3, 5, strict).level).toBe('red');
    expect(previewScore(3, 5).level).toBe('orange');
  });

  it('sends trimmed text, de-duplicated cases and tags, and leaves out empty pickers', () => {
    const input = toRiskCreateInput({
      ...blankRiskForm(),
      domain: 'social_stability',
      subtype: ' 涉房地产 ',
      title: ' 某楼盘逾期交房 ',
      description: '购房人六十余户集体起诉开发商，情绪激烈。',
      likelihood: 4,
      impact: 4,
      caseIds: ['c1', 'c1', 'c2'],
      tags: ['群体性', ' 群体性 ', ''],
    });
    expect(input).toEqual({
      domain: 'social_stability',
      subtype: '涉房地产',
      title: '某楼盘逾期交房',
      description: '购房人六十余户集体起诉开发商，情绪激烈。',
      likelihood: 4,
      impact: 4,
      caseIds: ['c1', 'c2'],
      tags: ['群体性'],
    });
  });

  it('上级交办 adds the lower court, the instruction and an optional reply date', () => {
    const form = { ...blankRiskForm(), domain: 'financial' as const, subtype: '非法集资', title: '某理财公司', description: '多名投资人报案称无法兑付本息。', courtId: COURT, instruction: ' 请于三日内研判并报送方案 ', ownerId: 'o1' };
    expect(toAssignDownInput(form)).toMatchObject({ courtId: COURT, instruction: '请于三日内研判并报送方案', ownerId: 'o1' });
    expect(toAssignDownInput(form)).not.toHaveProperty('replyBy');
    expect(toAssignDownInput({ ...form, replyBy: '2026-12-01' })).toMatchObject({ replyBy: '2026-12-01' });
  });

  it('offers only courts below one’s own for 上级交办', () => {
    const courts = [
      { id: 'high', parentId: null, name: '高院' },
      { id: 'mid', parentId: 'high', name: '中院' },
      { id: 'd1', parentId: 'mid', name: '甲区法院' },
      { id: 'd2', parentId: 'mid', name: '乙区法院' },
      { id: 'other', parentId: 'high', name: '另一中院' },
    ];
    expect(lowerCourtTree(courts, 'mid').map((court) => court.id)).toEqual(['d1', 'd2']);
    expect(lowerCourtTree(courts, 'high').map((court) => court.id)).toEqual(['mid', 'other']);
    expect(lowerCourtTree(courts, 'd1')).toEqual([]);
  });
});

describe('clocks and levels on screen', () => {
  const clock = (kind: RiskClock['kind'], status: RiskClock['status'], dueAt: string, running = true) =>
    ({ kind, label: kind, status, dueAt, running }) as RiskClock;

  it('lists missed and due-soon clocks earliest first, else the next one due', () => {
    const summary = summarizeClocks([
      clock('review', 'due_soon', '2026-11-30T00:00:00Z'),
      clock('disposalPlan', 'missed', '2026-11-20T00:00:00Z'),
      clock('firstAssessment', 'missed', '2026-11-18T00:00:00Z'),
      clock('reportToLeader', 'met', '2026-11-10T00:00:00Z'),
    ]);
    expect(summary.missed.map((c) => c.kind)).toEqual(['firstAssessment', 'disposalPlan']);
    expect(summary.dueSoon.map((c) => c.kind)).toEqual(['review']);
    const calm = summarizeClocks([clock('review', 'pending', '2026-12-30T00:00:00Z'), clock('disposalPlan', 'pending', '2026-12-01T00:00:00Z')]);
    expect(calm.next?.kind).toBe('disposalPlan');
  });

  it('never offers a residual level above the current one', () => {
    expect(residualLevelsFor('orange')).toEqual(['orange', 'yellow', 'blue']);
    expect(residualLevelsFor('blue')).toEqual(['blue']);
  });

  it('judges “before today” by the Beijing date', () => {
    // 2026-11-24 20:00 UTC is already 25 November in Beijing.
    const now = Date.parse('2026-11-24T20:00:00Z');
    expect(isBeforeToday(new Date(2026, 10, 24), now)).toBe(true);
    expect(isBeforeToday(new Date(2026, 10, 25), now)).toBe(false);
  });
});
