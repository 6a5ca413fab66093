import { computed, type WritableComputedRef } from 'vue';

type DateRange = [string, string] | null;

/**
 * Maps a `[from, to]` date-range picker onto two filter fields: `from` / `to` (the log endpoints)
 * unless other keys are named (the case list's `filedFrom` / `filedTo`).
 */
export function useDateRange(filters: { from?: string; to?: string }): WritableComputedRef<DateRange>;
export function useDateRange<From extends string, To extends string>(
  filters: Partial<Record<From | To, string>>,
  keys: { from: From; to: To },
): WritableComputedRef<DateRange>;
export function useDateRange(
  filters: Partial<Record<string, string>>,
  keys: { from: string; to: string } = { from: 'from', to: 'to' },
): WritableComputedRef<DateRange> {
  return computed<DateRange>({
    get: (): DateRange => {
      const from = filters[keys.from];
      const to = filters[keys.to];
      return from && to ? [from, to] : null;
    },
    set: (range: DateRange) => {
      filters[keys.from] = range?.[0];
      filters[keys.to] = range?.[1];
    },
  });
}
