import { describe, expect, it, vi } from 'vitest';
import { resolvePeople, type PersonOption } from './person-options';

const person = (id: string, displayName: string): PersonOption => ({ id, displayName, departmentName: null });

describe('resolvePeople', () => {
  it('names an id from what the caller knows without asking the server', async () => {
    const fetchOne = vi.fn();
    expect(await resolvePeople(['a'], [person('a', '风险办专员'), person('b', '其他人')], fetchOne)).toEqual([person('a', '风险办专员')]);
    expect(fetchOne).not.toHaveBeenCalled();
  });

  it('reads the remaining ids one by one, and leaves out one that cannot be read', async () => {
    const fetchOne = vi.fn(async (id: string) => {
      if (id === 'gone') throw new Error('404');
      return person(id, '民一庭庭长');
    });
    expect(await resolvePeople(['a', 'c', 'gone'], [person('a', '风险办专员')], fetchOne)).toEqual([person('a', '风险办专员'), person('c', '民一庭庭长')]);
    expect(fetchOne.mock.calls.map(([id]) => id)).toEqual(['c', 'gone']);
  });

  it('asks nothing when the account may not read accounts', async () => {
    expect(await resolvePeople(['c'], [], null)).toEqual([]);
  });
});
