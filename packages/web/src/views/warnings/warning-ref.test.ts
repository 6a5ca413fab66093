import { RiskLinkedWarning, WarningRef } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { warningRefSubject, warningSourceBreakdown } from './warning-ref';

const COURT = '11111111-1111-4111-8111-111111111111';
const common = { title: '预警', level: 'orange' as const, domain: 'social_stability' as const, courtId: COURT, createdAt: '2026-03-03T02:00:00.000Z' };
const caseRef: WarningRef = { source: 'case', id: 'w1', ...common, caseId: 'c1', caseNumber: '(2025)示01民初7号' };
const petitionRef: WarningRef = { source: 'petition', id: 'pw1', ...common, petitionId: 'p1', petitionerId: 'pp1', petitionerName: '张某' };
const opinionRef: WarningRef = { source: 'opinion', id: 'ow1', ...common, itemId: 'i1', itemTitle: '网帖' };

describe('warnings named outside their list (工作台, 关联预警)', () => {
  it('are what the server sends (core WarningRef / RiskLinkedWarning)', () => {
    for (const ref of [caseRef, petitionRef, opinionRef]) expect(WarningRef.parse(ref)).toEqual(ref);
    const linked = { ...petitionRef, subtype: '涉诉信访', summary: '张某 30 日内信访 3 次' };
    expect(RiskLinkedWarning.parse(linked)).toEqual(linked);
    expect(() => WarningRef.parse({ ...caseRef, source: 'email' })).toThrow();
  });

  it('open what the 预警列表 tab of their source opens: the case, the petitioner, the opinion item', () => {
    expect(warningRefSubject(caseRef)).toEqual({ text: '(2025)示01民初7号', to: { name: 'caseDetail', params: { id: 'c1' } } });
    expect(warningRefSubject(petitionRef)).toEqual({ text: '张某', to: { name: 'petitionerDetail', params: { id: 'pp1' } } });
    expect(warningRefSubject(opinionRef)).toEqual({ text: '网帖', to: { name: 'opinionDetail', params: { id: 'i1' } } });
  });

  it('send a petition warning that names no one to the 信访预警 tab', () => {
    const nobody = { ...petitionRef, petitionerId: null, petitionerName: null };
    expect(warningRefSubject(nobody)).toEqual({ text: '信访预警列表', to: { name: 'warnings', query: { tab: 'petition' } } });
  });

  it('count per source only the sources the account reads', () => {
    expect(warningSourceBreakdown({ case: 3, petition: 2, opinion: 1 })).toBe('案件 3 · 信访 2 · 舆情 1');
    expect(warningSourceBreakdown({ case: 3, petition: 0, opinion: null })).toBe('案件 3 · 信访 0');
    expect(warningSourceBreakdown({ case: 3, petition: null, opinion: null })).toBeNull();
  });
});
