import { WarningListQuery, type Paged } from '@courtrisk/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, type EffectScope } from 'vue';
import { parseQueryWith, queryFromFilters, useListQuery } from './useListQuery';
import { usePagedList } from './usePagedList';

const { route, replace, mockModule } = await vi.hoisted(async () => (await import('./fake-router')).fakeRouter('warnings'));
vi.mock('vue-router', mockModule);
vi.mock('../components/feedback', () => ({ showError: vi.fn() }));

/** A form shaped like 预警列表's: a status that defaults to 待研判, a choice and a text field. */
interface Filters {
  status: 'pending' | 'confirmed' | 'merged' | 'dismissed' | undefined;
  level: 'red' | 'orange' | 'yellow' | 'blue' | undefined;
  ruleId: string;
}
const blank = (): Filters => ({ status: 'pending', level: undefined, ruleId: '' });
const fromQuery = parseQueryWith(WarningListQuery, blank);

const fetchPage = vi.fn(async (): Promise<Paged<string>> => ({ items: [], total: 0, page: 1, pageSize: 20 }));
/** Each list lives in a scope, as in a mounted page, so its route watch ends with the test. */
let scopes: EffectScope[] = [];
function open(paging = true) {
  const scope = effectScope();
  scopes.push(scope);
  return scope.run(() => {
    const list = usePagedList<Filters, string>(fetchPage, blank);
    const state = useListQuery(list, { blank, fromQuery, paging });
    void list.load();
    return { list, ...state };
  })!;
}

beforeEach(() => {
  scopes.forEach((scope) => scope.stop());
  scopes = [];
  fetchPage.mockClear();
  replace.mockClear();
  route.name = 'warnings';
  route.query = {};
});

describe('filters and the URL', () => {
  it('leaves the blank values out, keeps a default the user emptied as `key=`, and round-trips', () => {
    expect(queryFromFilters(blank(), blank())).toEqual({});
    const filters: Filters = { status: undefined, level: 'red', ruleId: 'FIN-DEPOSIT-01' };
    const query = queryFromFilters(filters, blank());
    expect(query).toEqual({ status: '', level: 'red', ruleId: 'FIN-DEPOSIT-01' });
    expect({ ...blank(), ...fromQuery(query) }).toEqual(filters);
  });

  it('drops unknown keys and values the server would refuse, and reads the first of repeated ones', () => {
    expect(fromQuery({ status: 'closed', level: ['orange', 'red'], ruleId: 'x'.repeat(101), page: '2', tab: 'petition' })).toEqual({ level: 'orange' });
    expect(fromQuery({ level: '', ruleId: '' })).toEqual({});
  });
});

describe('useListQuery', () => {
  it('opens on the filters and the page of the URL', async () => {
    route.query = { level: 'red', status: '', page: '3', pageSize: '50' };
    const { list } = open();
    expect(list.filters).toEqual({ status: undefined, level: 'red', ruleId: '' });
    expect(fetchPage).toHaveBeenCalledWith({ status: undefined, level: 'red', ruleId: '', page: 3, pageSize: 50 });
  });

  it('ignores a page or page size that is not one', () => {
    route.query = { page: '-2', pageSize: '7' };
    const { list } = open();
    expect([list.page.value, list.pageSize.value]).toEqual([1, 20]);
    route.query = { page: 'abc' };
    expect(open().list.page.value).toBe(1);
  });

  it('puts a search (from page 1) and a page change in the address bar, keeping the page’s other keys', async () => {
    route.query = { tab: 'case', page: '4' };
    const { list, search, changePage } = open();
    list.filters.level = 'orange';
    await search();
    expect(replace).toHaveBeenLastCalledWith({ query: { tab: 'case', level: 'orange' } });
    expect(fetchPage).toHaveBeenLastCalledWith(expect.objectContaining({ level: 'orange', page: 1 }));
    list.page.value = 2;
    await changePage();
    expect(replace).toHaveBeenLastCalledWith({ query: { tab: 'case', level: 'orange', page: '2' } });
    expect(fetchPage).toHaveBeenLastCalledWith(expect.objectContaining({ page: 2 }));
    replace.mockClear();
    await search(); // back to page 1; nothing new but the page
    expect(replace).toHaveBeenLastCalledWith({ query: { tab: 'case', level: 'orange' } });
    await search();
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('resets to the blank form and a bare URL', async () => {
    route.query = { level: 'red', page: '2' };
    const { list, resetFilters } = open();
    await resetFilters();
    expect(list.filters).toEqual(blank());
    expect(replace).toHaveBeenLastCalledWith({ query: {} });
  });

  it('follows a new link to the open list, but not its own writes nor leaving the page', async () => {
    const { list, search } = open();
    route.query = { status: 'dismissed', page: '2' };
    await nextTick();
    expect(list.filters.status).toBe('dismissed');
    expect(fetchPage).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'dismissed', page: 2 }));
    const calls = fetchPage.mock.calls.length;
    list.filters.level = 'blue';
    await search();
    await nextTick();
    expect(fetchPage).toHaveBeenCalledTimes(calls + 1);
    route.name = 'caseDetail';
    route.query = {};
    await nextTick();
    expect(list.filters).toMatchObject({ status: 'dismissed', level: 'blue' });
    expect(fetchPage).toHaveBeenCalledTimes(calls + 1);
  });

  it('leaves the page out of the URL unless asked to keep it', async () => {
    route.query = { ruleId: 'R1', page: '3' };
    const { list, changePage } = open(false);
    expect(list.page.value).toBe(1);
    list.page.value = 2;
    await changePage();
    expect(replace).not.toHaveBeenCalled();
    expect(fetchPage).toHaveBeenLastCalledWith(expect.objectContaining({ ruleId: 'R1', page: 2 }));
  });
});
