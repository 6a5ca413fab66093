import type { PetitionerDetailView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { petitionerEditValues, splitLines, toPetitionerUpdate, toPlanInput, toStepInput } from './usePetitionerForms';

describe('petitioner edit form', () => {
  const person = {
    id: 'p1',
    name: '张某某',
    contacts: [{ kind: 'mobile', value: '13800000000' }],
    address: null,
    remark: '老上访户',
    cases: [
      { id: 'c1', caseNumber: '(2025)示01民终1号' },
      { id: 'c2', caseNumber: '(2025)示01民终2号' },
    ],
    linkedCaseIds: ['c2'],
    relatedPetitioners: [
      { id: 'p2', name: '李某', source: 'manual' },
      { id: 'p3', name: '王某', source: 'group' },
    ],
    version: 4,
  } as unknown as PetitionerDetailView;

  it('starts from the hand-made links only, never the full ID number', () => {
    expect(petitionerEditValues(person)).toEqual({ name: '张某某', idNumber: '', contacts: [{ kind: 'mobile', value: '13800000000' }], address: '', remark: '老上访户', caseIds: ['c2'], relatedPetitionerIds: ['p2'] });
  });

  it('leaves out an empty ID number (the server keeps the stored one) and drops empty contacts', () => {
    const form = { ...petitionerEditValues(person), name: ' 张某某 ', contacts: [{ kind: 'mobile' as const, value: ' 13900000000 ' }, { kind: 'email' as const, value: ' ' }] };
    expect(toPetitionerUpdate(form, 4)).toEqual({ name: '张某某', contacts: [{ kind: 'mobile', value: '13900000000' }], remark: '老上访户', caseIds: ['c2'], relatedPetitionerIds: ['p2'], version: 4 });
    expect(toPetitionerUpdate({ ...form, idNumber: ' 11010519491231002X ' }, 4).idNumber).toBe('11010519491231002X');
  });
});

describe('toStepInput', () => {
  it('sends the days of an extension only, and the outcome only when one is chosen', () => {
    expect(toStepInput({ kind: 'extended', on: '2026-03-01', days: 15, until: '', note: ' 报经批准 ', outcome: '' })).toEqual({ kind: 'extended', on: '2026-03-01', days: 15, note: '报经批准' });
    expect(toStepInput({ kind: 'concluded', on: '2026-03-01', days: 15, until: '', note: '', outcome: 'settled' })).toEqual({ kind: 'concluded', on: '2026-03-01', outcome: 'settled' });
    expect(toStepInput({ kind: 'replied', on: '2026-03-01', days: undefined, until: '2026-03-05', note: '', outcome: '' })).toEqual({ kind: 'replied', on: '2026-03-01', until: '2026-03-05' });
  });
});

describe('toPlanInput', () => {
  it('takes one measure per non-empty line and trims the staff', () => {
    expect(toPlanInput('p1', { leaderName: ' 副院长 ', staff: [' 刘某 ', ''], measures: '每周电话回访\n\n  协调社区网格员 \r\n', startedOn: '2026-03-01', reviewOn: '2026-03-15' })).toEqual({
      petitionerId: 'p1',
      leaderName: '副院长',
      staff: ['刘某'],
      measures: ['每周电话回访', '协调社区网格员'],
      agencyIds: [],
      startedOn: '2026-03-01',
      reviewOn: '2026-03-15',
    });
    expect(splitLines(' \n ')).toEqual([]);
  });
});
