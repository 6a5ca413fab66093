import { describe, expect, it } from 'vitest';
import { beijingToday, blankPetitionForm, toPetitionInput } from './usePetitioners';

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

describe('beijingToday', () => {
  it('gives the Beijing date, a day ahead of UTC late in the UTC evening', () => {
    expect(beijingToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});
