import { computed } from 'vue';

/** Maps a `[from, to]` date-range picker onto the `from` / `to` filters the log endpoints take. */
export function useDateRange(filters: { from?: string; to?: string }) {
  return computed<[string, string] | null>({
    get: (): [string, string] | null => (filters.from && filters.to ? [filters.from, filters.to] : null),
    set: (range: [string, string] | null) => {
      filters.from = range?.[0];
      filters.to = range?.[1];
    },
  });
}
