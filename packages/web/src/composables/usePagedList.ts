import type { Paged } from '@courtrisk/core';
import { reactive, ref, shallowRef } from 'vue';
import { showError } from '../components/feedback';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * A filtered, paginated server list: filter form, page, rows, loading flag.
 * `query()` is what the list endpoint gets, and what the XLSX export link reuses.
 */
export function usePagedList<Filters extends object, Row>(
  fetchPage: (query: Filters & { page: number; pageSize: number }) => Promise<Paged<Row>>,
  blankFilters: () => Filters,
) {
  // Filters hold plain values (no refs), so the reactive proxy has the same shape as `Filters`.
  const filters = reactive(blankFilters()) as Filters;
  const page = ref(1);
  const pageSize = ref(DEFAULT_PAGE_SIZE);
  const rows = shallowRef<Row[]>([]);
  const total = ref(0);
  const loading = ref(false);
  let latest = 0;

  function query() {
    return { ...filters, page: page.value, pageSize: pageSize.value };
  }

  async function load(): Promise<void> {
    // Only the newest request may fill the table: a slow earlier answer must not overwrite it.
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await fetchPage(query());
      if (ticket !== latest) return;
      rows.value = result.items;
      total.value = result.total;
    } catch (error) {
      if (ticket === latest) showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Applies the filters from the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, blankFilters());
    return search();
  }

  return { filters, page, pageSize, rows, total, loading, query, load, search, resetFilters };
}
