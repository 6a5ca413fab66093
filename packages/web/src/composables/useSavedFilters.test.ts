import { ElMessageBox } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedFilterView } from '@courtrisk/core';
import * as api from '../api/saved-filters';
import { filterValues, sameFilters, useSavedFilters } from './useSavedFilters';

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessage: Object.assign(vi.fn(), { info: vi.fn(), error: vi.fn(), success: vi.fn() }),
  ElMessageBox: { prompt: vi.fn(), confirm: vi.fn() },
}));
vi.mock('../api/saved-filters', () => ({ listSavedFilters: vi.fn(), createSavedFilter: vi.fn(), deleteSavedFilter: vi.fn() }));

const saved = (id: string, name: string, query: SavedFilterView['query']): SavedFilterView => ({
  id,
  page: 'risks',
  name,
  query,
  createdAt: '2025-01-01T00:00:00.000Z',
});

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.listSavedFilters).mockResolvedValue({ items: [saved('f1', '本院红色', { level: 'red' })] });
});

describe('filterValues / sameFilters', () => {
  it('drops paging and empty fields and ignores key order', () => {
    expect(filterValues({ page: 3, pageSize: 20, level: 'red', keyword: '', domain: undefined, status: [], courtId: null, tags: ['a'] })).toEqual({
      level: 'red',
      tags: ['a'],
    });
    expect(sameFilters({ level: 'red', domain: 'financial', page: 2 }, { domain: 'financial', level: 'red', keyword: '' })).toBe(true);
    expect(sameFilters({ level: 'red' }, { level: 'orange' })).toBe(false);
  });
});

describe('useSavedFilters', () => {
  it('loads the filters of its page', async () => {
    const bar = useSavedFilters('risks');
    await bar.load();
    expect(api.listSavedFilters).toHaveBeenCalledWith('risks');
    expect(bar.filters.value.map((f) => f.name)).toEqual(['本院红色']);
  });

  it('saves only the filter values under the trimmed name, then reloads', async () => {
    vi.mocked(ElMessageBox.prompt).mockResolvedValue({ value: '  金融橙色 ', action: 'confirm' } as never);
    vi.mocked(api.createSavedFilter).mockResolvedValue(saved('f2', '金融橙色', { domain: 'financial', level: 'orange' }));
    const bar = useSavedFilters('risks');
    const created = await bar.saveCurrent({ page: 4, pageSize: 50, level: 'orange', domain: 'financial', keyword: '' });
    expect(api.createSavedFilter).toHaveBeenCalledWith({ page: 'risks', name: '金融橙色', query: { domain: 'financial', level: 'orange' } });
    expect(created?.id).toBe('f2');
    expect(api.listSavedFilters).toHaveBeenCalledTimes(1);
  });

  it('does not ask for a name when no filter is set, nor save when the prompt is cancelled', async () => {
    const bar = useSavedFilters('risks');
    await bar.saveCurrent({ page: 1, keyword: '' });
    expect(ElMessageBox.prompt).not.toHaveBeenCalled();
    vi.mocked(ElMessageBox.prompt).mockRejectedValue('cancel');
    await bar.saveCurrent({ level: 'red' });
    expect(api.createSavedFilter).not.toHaveBeenCalled();
  });

  it('rejects an empty or overlong name in the prompt', async () => {
    vi.mocked(ElMessageBox.prompt).mockRejectedValue('cancel');
    await useSavedFilters('risks').saveCurrent({ level: 'red' });
    const validator = vi.mocked(ElMessageBox.prompt).mock.calls[0]?.[2]?.inputValidator;
    expect(validator?.('   ')).toBe('请输入名称');
    expect(validator?.('名'.repeat(31))).toBe('名称不超过 30 个字');
    expect(validator?.('本院红色')).toBe(true);
  });

  it('deletes after confirmation and reloads', async () => {
    vi.mocked(ElMessageBox.confirm).mockResolvedValue('confirm' as never);
    vi.mocked(api.deleteSavedFilter).mockResolvedValue(undefined);
    const bar = useSavedFilters('risks');
    await bar.remove(saved('f1', '本院红色', { level: 'red' }));
    expect(api.deleteSavedFilter).toHaveBeenCalledWith('f1');
    expect(api.listSavedFilters).toHaveBeenCalledTimes(1);
  });
});
