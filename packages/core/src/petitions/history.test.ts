import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../deadlines/local-date.js';
import { groupPetitioners, reviewStatus, summarizePetitionerHistory } from './history.js';
import { LI, petition, ZHANG } from './test-support.js';

const person = (id: string) => ({ id, name: id });

describe('summarizePetitionerHistory', () => {
  it('counts a person’s petitions by channel and flag, newest outcome last', () => {
    const history = summarizePetitionerHistory('p-zhang', [
      { facts: petition('2024-05-01', { channel: 'letter', caseIds: ['c2'] }), flags: ['repeat', 'repeat'], outcome: 'settled' },
      { facts: petition('2024-01-01'), flags: [], outcome: 'continuing' },
      { facts: petition('2024-03-01', { petitioners: [LI] }), flags: ['collective'], outcome: 'pending' },
    ]);
    expect(history).toEqual({
      total: 2,
      firstOn: '2024-01-01',
      lastOn: '2024-05-01',
      byChannel: { visit: 1, letter: 1 },
      byFlag: { repeat: 1 },
      lastOutcome: 'settled',
      caseIds: ['case-1', 'c2'],
    });
  });

  it('is empty for a person without petitions', () => {
    expect(summarizePetitionerHistory('nobody', [])).toMatchObject({ total: 0, firstOn: null, lastOutcome: null });
  });
});

describe('groupPetitioners (same group)', () => {
  it('links people transitively across joint petitions', () => {
    const groups = groupPetitioners([
      { petitioners: [person('a'), person('b')] },
      { petitioners: [person('c')] },
      { petitioners: [person('b'), person('d')] },
      { petitioners: [person('e'), person('f')] },
    ]);
    expect(groups).toEqual([['a', 'b', 'd'], ['e', 'f']]);
  });

  it('puts every person in at most one group, with everyone they petitioned with (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(ids, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (petitions) => {
        const groups = groupPetitioners(petitions.map((members) => ({ petitioners: members.map(person) })));
        const groupOf = new Map(groups.flatMap((group, index) => group.map((id) => [id, index] as const)));
        if (groupOf.size !== groups.flat().length) return false;
        return petitions.every((members) => members.length < 2 || new Set(members.map((id) => groupOf.get(id))).size === 1);
      }),
    );
  });

  it('ignores single petitioners', () => {
    expect(groupPetitioners([{ petitioners: [ZHANG] }, { petitioners: [LI] }])).toEqual([]);
  });
});

describe('reviewStatus (重点人员 periodic review)', () => {
  it.each([
    ['2024-03-20', 'scheduled', 11],
    ['2024-03-24', 'due_soon', 7],
    ['2024-03-31', 'due_soon', 0],
    ['2024-04-01', 'overdue', -1],
  ])('listed 2024-03-01 with a 30-day cadence, on %s: %s', (today, status, daysLeft) => {
    expect(reviewStatus('2024-03-01' as LocalDate, 30, today as LocalDate)).toEqual({ nextOn: '2024-03-31', daysLeft, status });
  });
});
