import { computed, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { z } from 'zod';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type usePagedList } from './usePagedList';

type RawQuery = Readonly<Record<string, unknown>>;

/** The parts of a `usePagedList` list whose state the URL carries. */
type UrlList<Filters extends object> = Pick<ReturnType<typeof usePagedList<Filters, unknown>>, 'filters' | 'page' | 'pageSize' | 'load'>;

export interface ListQueryOptions<Filters extends object> {
  /** The empty form: what a bare URL stands for, and what the URL leaves out. */
  blank: () => Filters;
  /** Reads the filters from a URL query, leaving out what it cannot use (see `parseQueryWith`). */
  fromQuery: (query: RawQuery) => Partial<Filters>;
  /** Also keep the page (and a page size other than the default) in the URL, so Back returns to it. */
  paging?: boolean;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** `?a=1&a=2` reads as its first value, as the server would take it. */
export const firstQueryValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/**
 * The filters that differ from the blank form, for the URL and for saved filters (short, readable
 * links). A field the user emptied although it has a default (预警 status 待研判) is kept as `key=`,
 * so the link does not bring the default back.
 */
export function queryFromFilters<Filters extends object>(filters: Filters, blank: Filters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const key of Object.keys(blank) as (keyof Filters & string)[]) {
    const value = filters[key];
    if (value === blank[key] || (isEmpty(value) && isEmpty(blank[key]))) continue;
    query[key] = isEmpty(value) ? '' : (value as LocationQueryRaw[string]);
  }
  return query;
}

/**
 * A `fromQuery` that checks each field of the blank form with the list endpoint's own core schema
 * (`CaseListQuery.shape.level`…). A value the server would refuse is left out rather than sent, so a
 * hand-edited link still opens the list instead of a 400; `key=` empties a field that has a default.
 */
export function parseQueryWith<Filters extends object>(schema: z.ZodObject, blank: () => Filters) {
  const defaults = blank() as Record<string, unknown>;
  return (query: RawQuery): Partial<Filters> => {
    const parsed: Record<string, unknown> = {};
    for (const key of Object.keys(defaults)) {
      const raw = firstQueryValue(query[key]);
      const field = schema.shape[key];
      if (typeof raw !== 'string' || !field || (raw === '' && isEmpty(defaults[key]))) continue;
      const result = field.safeParse(raw === '' ? undefined : raw);
      if (result.success) parsed[key] = result.data;
    }
    return parsed as Partial<Filters>;
  };
}

const PAGE = /^[1-9]\d{0,5}$/;

function pagingFromQuery(query: RawQuery): { page: number; pageSize: number } {
  const page = firstQueryValue(query.page);
  const pageSize = Number(firstQueryValue(query.pageSize));
  return {
    page: typeof page === 'string' && PAGE.test(page) ? Number(page) : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function pagingToQuery({ page, pageSize }: { page: number; pageSize: number }): LocationQueryRaw {
  return { ...(page > 1 && { page: String(page) }), ...(pageSize !== DEFAULT_PAGE_SIZE && { pageSize: String(pageSize) }) };
}

const sameQuery = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps a paged list's filters (and, with `paging`, its page) in the URL: a search replaces the
 * address, so it can be bookmarked or sent and the browser's Back returns to the list as it was; the
 * list opens with the filters of the URL (the workbench's `?domain=…&level=…`); a link to the same
 * page while it is open is followed. Query keys that are not the list's (预警列表's `tab`) are kept.
 */
export function useListQuery<Filters extends object>(list: UrlList<Filters>, { blank, fromQuery, paging = false }: ListQueryOptions<Filters>) {
  const route = useRoute();
  const router = useRouter();
  /** The list's own page: leaving it changes the query too, which is not a new link to follow. */
  const listRoute = route.name;
  const ownKeys = [...Object.keys(blank()), ...(paging ? ['page', 'pageSize'] : [])];

  /** The filters that are set: what the saved-filter bar stores. */
  const query = computed(() => queryFromFilters(list.filters, blank()));
  /** What the address bar carries for the list as it is now. */
  const urlQuery = () => ({ ...query.value, ...(paging && pagingToQuery({ page: list.page.value, pageSize: list.pageSize.value })) });

  /** The list's part of a route query, in the order `urlQuery` writes it. */
  const ownPart = (raw: RawQuery) => Object.fromEntries(ownKeys.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]));
  const otherPart = (raw: LocationQuery): LocationQuery => Object.fromEntries(Object.entries(raw).filter(([key]) => !ownKeys.includes(key)));
  /** The address a route query stands for once unusable values are dropped. */
  const canonical = (raw: RawQuery) => ({
    ...queryFromFilters({ ...blank(), ...fromQuery(raw) }, blank()),
    ...(paging && pagingToQuery(pagingFromQuery(raw))),
  });

  /** Replaces the form (and the page) with what a query says; without `paging` the list starts again at page 1. */
  function applyQuery(raw: RawQuery): void {
    Object.assign(list.filters, blank(), fromQuery(raw));
    const at = paging ? pagingFromQuery(raw) : { page: 1, pageSize: list.pageSize.value };
    list.page.value = at.page;
    list.pageSize.value = at.pageSize;
  }

  async function updateUrl(): Promise<void> {
    const next = urlQuery();
    if (!sameQuery(ownPart(route.query), next)) await router.replace({ query: { ...otherPart(route.query), ...next } });
  }

  /** Searches from page 1 and puts the filters in the address bar. */
  async function search(): Promise<void> {
    list.page.value = 1;
    await updateUrl();
    await list.load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(list.filters, blank());
    return search();
  }

  /** The pager's change (page or page size): into the address bar, then load it. */
  async function changePage(): Promise<void> {
    await updateUrl();
    await list.load();
  }

  watch(
    () => route.query,
    (next) => {
      if (route.name !== listRoute || sameQuery(canonical(next), urlQuery())) return;
      applyQuery(next);
      void list.load();
    },
  );

  applyQuery(route.query);

  return { query, applyQuery, search, resetFilters, changePage };
}
