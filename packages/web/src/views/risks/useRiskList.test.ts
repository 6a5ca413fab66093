import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import * as risksApi from '../../api/risks';
import { useRiskList } from './useRiskList';

const { route, replace, mockModule } = await vi.hoisted(async () => (await import('../../composables/fake-router')).fakeRouter('risks'));
vi.mock('vue-router', mockModule);
vi.mock('../../api/risks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/risks')>()),
  listRisks: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 20 })),
}));
const listRisks = vi.mocked(risksApi.listRisks);

beforeEach(() => {
  setActivePinia(createPinia());
  listRisks.mockClear();
  replace.mockClear();
  route.query = {};
});

describe('useRiskList', () => {
  it('opens with the filters of the workbench link', async () => {
    route.query = { domain: 'financial', level: 'red' };
    const page = useRiskList();
    expect(page.list.filters).toMatchObject({ domain: 'financial', level: 'red' });
    await vi.waitFor(() => expect(listRisks).toHaveBeenCalledWith(expect.objectContaining({ domain: 'financial', level: 'red', page: 1 })));
    expect(page.emptyText.value).toBe('没有符合条件的风险事项，请调整筛选条件');
  });

  it('puts a search in the address bar, and exports the same filters without paging', async () => {
    const page = useRiskList();
    page.list.filters.keyword = '理财';
    page.list.filters.overdue = 'true';
    await page.search();
    expect(replace).toHaveBeenCalledWith({ query: { overdue: 'true', keyword: '理财' } });
    expect(listRisks).toHaveBeenLastCalledWith(expect.objectContaining({ keyword: '理财', overdue: 'true', page: 1 }));
    expect(page.exportUrl.value).toBe('/api/v1/risks/export?includeLowerCourts=false&overdue=true&keyword=%E7%90%86%E8%B4%A2&sort=createdAt&order=desc');
  });

  it('follows a new link while the register is open, and applies a saved filter', async () => {
    const page = useRiskList();
    route.query = { status: 'monitoring' };
    await nextTick();
    expect(page.list.filters.status).toBe('monitoring');
    await vi.waitFor(() => expect(listRisks).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'monitoring' })));
    await page.applySaved({ level: 'orange', includeLowerCourts: 'true' });
    expect(page.list.filters).toMatchObject({ level: 'orange', includeLowerCourts: 'true', status: undefined });
    expect(replace).toHaveBeenLastCalledWith({ query: { level: 'orange', includeLowerCourts: 'true' } });
  });

  it('sorts on the server by level or registration time, newest first by default', async () => {
    const page = useRiskList();
    page.onSortChange({ prop: 'level', order: 'ascending' });
    await vi.waitFor(() => expect(listRisks).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'level', order: 'asc' })));
    page.onSortChange({ prop: 'level', order: null });
    await vi.waitFor(() => expect(listRisks).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'createdAt', order: 'desc' })));
  });
});
