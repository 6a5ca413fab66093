import type { PetitionView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { beijingToday, blankPetitionForm, petitionFormValues, toPetitionInput, toPetitionUpdate } from './usePetitioners';

describe('toPetitionInput', () => {
  it('trims the text, leaves out an empty 转交机关 and counts at least the registered petitioners', () => {
    const input = toPetitionInput({ ...blankPetitionForm(), petitionerIds: ['a', 'b', 'c'], headcount: 1, receivedOn: '2026-03-01', content: '  反映执行迟缓 ', demands: ' 尽快执行 ', forwardedBy: '  ' });
    expect(input).toEqual({
      channel: 'visit',
      receivedOn: '2026-03-01',
      petitionerIds: ['a', 'b', 'c'],
      headcount: 3,
      venueLevel: 'intermediate',
      nature: 'non_litigation',
      caseIds: [],
      content: '反映执行迟缓',
      demands: '尽快执行',
      outcome: 'pending',
    });
  });

  it('sends the cases picked for a 涉诉 visit', () => {
    expect(toPetitionInput({ ...blankPetitionForm(), nature: 'litigation', caseIds: ['c1', 'c2'] })).toMatchObject({ nature: 'litigation', caseIds: ['c1', 'c2'] });
  });

  it('keeps the transferring organ of an 上级转交 petition', () => {
    expect(toPetitionInput({ ...blankPetitionForm(), channel: 'upper_transfer', forwardedBy: ' 省高院 ' }).forwardedBy).toBe('省高院');
  });
});

describe('编辑信访件 form', () => {
  const petition = {
    id: 'pt1',
    channel: 'upper_transfer',
    receivedOn: '2026-02-20',
    headcount: 6,
    venueLevel: 'high',
    forwardedBy: '省高院',
    nature: 'litigation',
    content: '反映执行迟缓',
    demands: '尽快执行',
    outcome: 'accepted',
    petitioners: [{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }],
    cases: [{ id: 'c1', caseNumber: '(2025)示01民终1号' }],
    version: 3,
  } as unknown as PetitionView;

  it('starts from the record as stored, people and cases by id', () => {
    expect(petitionFormValues(petition)).toEqual({
      petitionerIds: ['a', 'b'],
      channel: 'upper_transfer',
      receivedOn: '2026-02-20',
      headcount: 6,
      venueLevel: 'high',
      forwardedBy: '省高院',
      nature: 'litigation',
      caseIds: ['c1'],
      content: '反映执行迟缓',
      demands: '尽快执行',
      outcome: 'accepted',
    });
    expect(petitionFormValues({ ...petition, forwardedBy: null }).forwardedBy).toBe('');
  });

  it('sends what 登记来访 sends, every field (a PUT replaces the record), with the version it was read at', () => {
    const form = { ...petitionFormValues(petition), channel: 'visit' as const, forwardedBy: '省高院', content: ' 改正后的内容 ' };
    expect(toPetitionUpdate(form, 3)).toEqual({ ...toPetitionInput(form), version: 3 });
    expect(toPetitionUpdate(form, 3)).toMatchObject({ content: '改正后的内容', outcome: 'accepted', caseIds: ['c1'], petitionerIds: ['a', 'b'], version: 3 });
  });
});

describe('beijingToday', () => {
  it('gives the Beijing date, a day ahead of UTC late in the UTC evening', () => {
    expect(beijingToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});
