import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInScope, isScopeWithin, resolveScope, widestScope, type DataScope } from './data-scope.js';
import { checkGrant } from './grant.js';

const courts = [
  { id: 'high', parentId: null },
  { id: 'mid', parentId: 'high' },
  { id: 'mid2', parentId: 'high' },
  { id: 'a', parentId: 'mid' },
  { id: 'b', parentId: 'mid' },
  { id: 'c', parentId: 'mid2' },
];
const departments = [
  { id: 'civil', parentId: null },
  { id: 'civil-1', parentId: 'civil' },
  { id: 'civil-2', parentId: 'civil' },
  { id: 'criminal', parentId: null },
];
const subject = (scope: DataScope, courtId = 'mid', departmentId: string | null = 'civil') => ({
  accountId: 'me',
  courtId,
  departmentId,
  scope,
});

// RuoYi data-scope convention, as PRODUCT.md §3 adopts it.
describe('resolveScope', () => {
  it('全部 sees every court', () => {
    expect([...resolveScope(subject('all'), courts, departments).courtIds].sort()).toEqual(courts.map((c) => c.id).sort());
  });
  it('本院及下级 walks down only, never to siblings or upward', () => {
    expect([...resolveScope(subject('court_and_below'), courts, departments).courtIds].sort()).toEqual(['a', 'b', 'mid']);
    expect([...resolveScope(subject('court_and_below', 'a'), courts, departments).courtIds]).toEqual(['a']);
  });
  it('本部门及下级 includes sub-departments', () => {
    const scope = resolveScope(subject('department_and_below'), courts, departments);
    expect([...scope.departmentIds!].sort()).toEqual(['civil', 'civil-1', 'civil-2']);
    expect([...scope.courtIds]).toEqual(['mid']);
  });
  it('本部门 is the department alone; an account without department sees no department rows', () => {
    expect([...resolveScope(subject('department'), courts, departments).departmentIds!]).toEqual(['civil']);
    expect(resolveScope(subject('department', 'mid', null), courts, departments).departmentIds!.size).toBe(0);
  });
  it('仅本人 pins the owner', () => {
    expect(resolveScope(subject('self'), courts, departments)).toMatchObject({ ownerId: 'me' });
  });

  it('never lets a court see a sibling court (property)', () => {
    const scopes: DataScope[] = ['court_and_below', 'court', 'department_and_below', 'department', 'self'];
    fc.assert(
      fc.property(fc.constantFrom(...scopes), fc.constantFrom('a', 'b', 'c'), (scope, own) => {
        const visible = resolveScope(subject(scope, own), courts, departments).courtIds;
        return ['a', 'b', 'c'].filter((id) => id !== own).every((sibling) => !visible.has(sibling));
      }),
    );
  });
});

describe('isInScope', () => {
  const scope = resolveScope(subject('department_and_below'), courts, departments);
  it.each([
    [{ courtId: 'mid', departmentId: 'civil-1' }, true],
    [{ courtId: 'mid', departmentId: 'criminal' }, false],
    [{ courtId: 'mid', departmentId: null }, false],
    [{ courtId: 'a', departmentId: 'civil-1' }, false],
    [{ courtId: 'mid' }, true],
  ])('%j → %s', (record, expected) => {
    expect(isInScope(scope, record)).toBe(expected);
  });
  it('仅本人 keeps only own rows', () => {
    const self = resolveScope(subject('self'), courts, departments);
    expect(isInScope(self, { courtId: 'mid', ownerId: 'me' })).toBe(true);
    expect(isInScope(self, { courtId: 'mid', ownerId: 'other' })).toBe(false);
  });
});

describe('scope ordering', () => {
  it('takes the widest of several roles', () => {
    expect(widestScope(['self', 'court', 'department'])).toBe('court');
    expect(widestScope([])).toBe('self');
  });
  it('refuses to grant a wider scope than one holds (等保2.0 8.1.4.2 c 最小授权)', () => {
    expect(isScopeWithin('court', 'court_and_below')).toBe(true);
    expect(isScopeWithin('all', 'court_and_below')).toBe(false);
    expect(checkGrant({ scope: 'court' }, { scope: 'court_and_below' })).toHaveLength(1);
    expect(checkGrant({ scope: 'court' }, { scope: 'self' })).toEqual([]);
  });
});
