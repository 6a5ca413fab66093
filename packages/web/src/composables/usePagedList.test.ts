import type { Paged } from '@courtrisk/core';
import { describe, expect, it, vi } from 'vitest';
import { usePagedList } from './usePagedList';

vi.mock('../components/feedback', () => ({ showError: vi.fn() }));

interface Filters {
  keyword?: string;
  status?: string;
}

const page = <T>(items: T[], total = items.length): Paged<T> => ({ items, total, page: 1, pageSize: 20 });

describe('usePagedList', () => {
  it('sends the filters with the page and fills rows and total', async () => {
    const fetchPage = vi.fn(async () => page(['a', 'b'], 42));
    const list = usePagedList<Filters, string>(fetchPage, () => ({ keyword: '' }));
    list.filters.keyword = '张';
    list.page.value = 3;
    await list.load();
    expect(fetchPage).toHaveBeenLastCalledWith({ keyword: '张', page: 3, pageSize: 20 });
    expect(list.rows.value).toEqual(['a', 'b']);
    expect(list.total.value).toBe(42);
    expect(list.loading.value).toBe(false);
  });

  it('starts a new search from page 1, and reset clears the filters', async () => {
    const fetchPage = vi.fn(async () => page<string>([]));
    const list = usePagedList<Filters, string>(fetchPage, () => ({ keyword: '', status: undefined }));
    list.page.value = 5;
    list.filters.status = 'disabled';
    await list.search();
    expect(fetchPage).toHaveBeenLastCalledWith({ keyword: '', status: 'disabled', page: 1, pageSize: 20 });
    list.page.value = 2;
    await list.resetFilters();
    expect(fetchPage).toHaveBeenLastCalledWith({ keyword: '', status: undefined, page: 1, pageSize: 20 });
  });

  it('keeps the newest answer when an older, slower one arrives later', async () => {
    let releaseSlow!: (value: Paged<string>) => void;
    const fetchPage = vi
      .fn<(query: Filters & { page: number; pageSize: number }) => Promise<Paged<string>>>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)))
      .mockImplementationOnce(async () => page(['new']));
    const list = usePagedList<Filters, string>(fetchPage, () => ({}));
    const slow = list.load();
    await list.load();
    releaseSlow(page(['old']));
    await slow;
    expect(list.rows.value).toEqual(['new']);
    expect(list.loading.value).toBe(false);
  });
});
