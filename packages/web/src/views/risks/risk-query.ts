import { RISK_DOMAINS, RISK_LEVELS, RISK_STATUSES } from '@courtrisk/core';
import type { LocationQueryRaw } from 'vue-router';
import type { RiskFilters } from '../../api/risks';
import { firstQueryValue, queryFromFilters } from '../../composables/useListQuery';

/** The register's filter form; every field is a plain value so it can live in the URL. */
export interface RiskFilterForm {
  courtId: string | undefined;
  includeLowerCourts: 'true' | 'false';
  domain: RiskFilters['domain'];
  level: RiskFilters['level'];
  status: RiskFilters['status'];
  departmentId: string | undefined;
  ownerId: string | undefined;
  overdue: 'true' | undefined;
  from: string | undefined;
  to: string | undefined;
  keyword: string;
  sort: NonNullable<RiskFilters['sort']>;
  order: NonNullable<RiskFilters['order']>;
}

export const blankRiskFilters = (): RiskFilterForm => ({
  courtId: undefined,
  includeLowerCourts: 'false',
  domain: undefined,
  level: undefined,
  status: undefined,
  departmentId: undefined,
  ownerId: undefined,
  overdue: undefined,
  from: undefined,
  to: undefined,
  keyword: '',
  sort: 'createdAt',
  order: 'desc',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const matching = (pattern: RegExp, value: unknown): string | undefined =>
  typeof value === 'string' && pattern.test(value) ? value : undefined;

/**
 * Filters from a URL such as the workbench's `/risks?domain=financial&level=red`. Unknown or malformed
 * values are dropped rather than sent, so a hand-edited link still opens the list instead of a 400.
 */
export function filtersFromQuery(query: Readonly<Record<string, unknown>>): Partial<RiskFilterForm> {
  const first = (key: string) => firstQueryValue(query[key]);
  const parsed: Partial<RiskFilterForm> = {
    courtId: matching(UUID, first('courtId')),
    includeLowerCourts: oneOf(['true', 'false'] as const, first('includeLowerCourts')),
    domain: oneOf(RISK_DOMAINS, first('domain')),
    level: oneOf(RISK_LEVELS, first('level')),
    status: oneOf([...RISK_STATUSES, 'open'] as const, first('status')),
    departmentId: matching(UUID, first('departmentId')),
    ownerId: matching(UUID, first('ownerId')),
    overdue: oneOf(['true'] as const, first('overdue')),
    from: matching(DATE, first('from')),
    to: matching(DATE, first('to')),
    keyword: typeof first('keyword') === 'string' ? String(first('keyword')).slice(0, 60) : undefined,
    sort: oneOf(['createdAt', 'updatedAt', 'level'] as const, first('sort')),
    order: oneOf(['asc', 'desc'] as const, first('order')),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as Partial<RiskFilterForm>;
}

/** The filters that differ from a blank form, for the URL and for saved filters (short, readable links). */
export const filtersToQuery = (filters: RiskFilterForm): LocationQueryRaw => queryFromFilters(filters, blankRiskFilters());

/** Filters that narrow the list (sorting does not), to tell "no risks yet" from "none match". */
export function isNarrowed(filters: RiskFilterForm): boolean {
  const { sort: _sort, order: _order, ...rest } = filtersToQuery(filters);
  return Object.keys(rest).length > 0;
}
