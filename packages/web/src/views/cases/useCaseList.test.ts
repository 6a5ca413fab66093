import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as casesApi from '../../api/cases';
import { useCaseList } from './useCaseList';

vi.mock('../../api/cases', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/cases')>()),
  listCases: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 20 })),
}));
const listCases = vi.mocked(casesApi.listCases);

beforeEach(() => {
  setActivePinia(createPinia());
  listCases.mockClear();
});

describe('useCaseList', () => {
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
