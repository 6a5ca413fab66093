import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackToList } from './useBackToList';

const back = vi.fn();
const push = vi.fn(async () => undefined);
/** Enough of the router: '/cases…' is the list, '/cases/<id>' and the rest are not. */
const resolve = (path: string) => ({ name: /^\/cases(\?|$)/.test(path) ? 'cases' : 'other' });
vi.mock('vue-router', () => ({ useRouter: () => ({ back, push, resolve }) }));

beforeEach(() => {
  back.mockClear();
  push.mockClear();
});

describe('useBackToList', () => {
  it('goes back through history when the page before was the list, filters and page included', () => {
    window.history.replaceState({ back: '/cases?keyword=%E6%8A%95%E8%B5%84%E4%BA%BA&page=2' }, '');
    useBackToList('cases')();
    expect(back).toHaveBeenCalledOnce();
    expect(push).not.toHaveBeenCalled();
  });

  it('opens the list when the page was reached otherwise (another list, a bookmark)', () => {
    window.history.replaceState({ back: '/warnings?status=' }, '');
    useBackToList('cases')();
    window.history.replaceState(null, '');
    useBackToList('cases')();
    expect(back).not.toHaveBeenCalled();
    expect(push).toHaveBeenCalledTimes(2);
    expect(push).toHaveBeenCalledWith({ name: 'cases' });
  });
});
