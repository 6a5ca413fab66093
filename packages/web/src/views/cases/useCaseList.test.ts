import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import * as casesApi from '../../api/cases';
import { useCaseList } from './useCaseList';

const COURT = '0b7f3c9e-8a57-4d1b-9a55-1f0a2b3c4d5e';
const { route, replace, mockModule } = await vi.hoisted(async () => (await import('../../composables/fake-router')).fakeRouter('cases'));
vi.mock('vue-router', mockModule);

vi.mock('../../api/cases', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/cases')>()),
  listCases: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 20 })),
}));
const listCases = vi.mocked(casesApi.listCases);

beforeEach(async () => {
  setActivePinia(createPinia());
  route.query = {};
  await nextTick(); // lists of earlier tests follow the bare URL first
  listCases.mockClear();
  replace.mockClear();
});

describe('useCaseList', () => {
  it('opens filtered, sorted and on the page of the URL (the way back from a case, or a workbench link)', async () => {
    route.query = { hasWarnings: 'true', domain: 'financial', keyword: '投资人', courtId: COURT, filedFrom: '2023-01-01', filedTo: '2023-12-31', sort: 'amount', order: 'asc', page: '2' };
    const page = useCaseList();
    expect(page.list.filters).toMatchObject({ hasWarnings: 'true', domain: 'financial', keyword: '投资人', courtId: COURT, sort: 'amount', order: 'asc' });
    expect(page.filedRange.value).toEqual(['2023-01-01', '2023-12-31']);
    expect(page.defaultSort).toEqual({ prop: 'amountYuan', order: 'ascending' });
    expect(listCases).toHaveBeenCalledTimes(1);
    expect(listCases).toHaveBeenCalledWith(expect.objectContaining({ hasWarnings: 'true', domain: 'financial', keyword: '投资人', page: 2, pageSize: 20 }));
    expect(page.emptyText.value).toBe('没有符合条件的案件，请调整筛选条件');
  });

  it('ignores what a hand-edited link gets wrong', () => {
    route.query = { hasWarnings: 'yes', domain: 'weather', courtId: 'not-a-uuid', filedFrom: '2023-1-1', level: 'red', page: '0' };
    const page = useCaseList();
    expect(page.list.filters).toMatchObject({ hasWarnings: undefined, domain: undefined, courtId: undefined, filedFrom: undefined, level: 'red' });
    expect(listCases).toHaveBeenCalledWith(expect.objectContaining({ level: 'red', page: 1 }));
  });

  it('puts the search, the sort and the page in the address bar', async () => {
    const page = useCaseList();
    page.list.filters.keyword = '投资人';
    page.list.filters.hasWarnings = 'true';
    page.list.filters.domain = 'financial';
    await page.search();
    expect(replace).toHaveBeenLastCalledWith({ query: { keyword: '投资人', domain: 'financial', hasWarnings: 'true' } });
    page.list.page.value = 3;
    await page.changePage();
    expect(replace).toHaveBeenLastCalledWith({ query: { keyword: '投资人', domain: 'financial', hasWarnings: 'true', page: '3' } });
    expect(listCases).toHaveBeenLastCalledWith(expect.objectContaining({ keyword: '投资人', page: 3 }));
    page.onSortChange({ prop: 'filedOn', order: 'ascending' });
    await vi.waitFor(() => expect(replace).toHaveBeenLastCalledWith({ query: { keyword: '投资人', domain: 'financial', hasWarnings: 'true', order: 'asc' } }));
    await page.resetFilters();
    expect(replace).toHaveBeenLastCalledWith({ query: {} });
  });

  it('tells “no cases yet, import some” from “none match these filters”', () => {
    const page = useCaseList();
    expect(page.emptyText.value).toBe('暂无案件，可通过案件导入添加');
    page.list.filters.keyword = '张三';
    expect(page.emptyText.value).toBe('没有符合条件的案件，请调整筛选条件');
    page.list.filters.keyword = '';
    page.list.filters.hasWarnings = 'true';
    expect(page.narrowed.value).toBe(true);
  });

  it('sorts on the server by 立案日期, 案号 or 标的额, newest filing first by default', async () => {
    const page = useCaseList();
    page.onSortChange({ prop: 'amountYuan', order: 'ascending' });
    await vi.waitFor(() => expect(listCases).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'amount', order: 'asc', page: 1 })));
    page.onSortChange({ prop: 'caseNumber', order: 'descending' });
    await vi.waitFor(() => expect(listCases).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'caseNumber', order: 'desc' })));
    page.onSortChange({ prop: 'caseNumber', order: null });
    await vi.waitFor(() => expect(listCases).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'filedOn', order: 'desc' })));
  });

  it('exports with the filters on screen and formats amounts in yuan', () => {
    const page = useCaseList();
    page.list.filters.keyword = '8801';
    page.list.filters.level = 'red';
    expect(page.exportUrl.value).toBe('/api/v1/cases/export.xlsx?keyword=8801&level=red&sort=filedOn&order=desc');
    expect(page.amountText({ amountYuan: '800000' } as never)).toBe('800,000.00 元');
    expect(page.amountText({ amountYuan: null } as never)).toBe('—');
  });
});
