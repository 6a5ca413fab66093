import { riskDomainLabel, riskLevelLabel, riskStatusLabel, type RiskView } from '@courtrisk/core';
import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { listRisks, riskExportUrl } from '../../api/risks';
import { showError } from '../../components/feedback';
import { useDateRange } from '../../composables/useDateRange';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useCourtStore } from '../../stores/courts';
import { labelOptions } from '../../utils/options';
import { blankRiskFilters, filtersFromQuery, filtersToQuery, isNarrowed, type RiskFilterForm } from './risk-query';
import { useRiskCreate } from './useRiskCreate';

export const domainOptions = labelOptions(riskDomainLabel);
export const levelOptions = labelOptions(riskLevelLabel);
/** 在办 first: the states the workbench counts (待研判 … 持续监测), then each state. */
export const statusOptions = [{ value: 'open' as const, label: zh.risks.openStatus }, ...labelOptions(riskStatusLabel)];

type SortField = RiskFilterForm['sort'];
const SORTABLE: Record<string, SortField> = { createdAt: 'createdAt', updatedAt: 'updatedAt', level: 'level' };

const sameQuery = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The risk register (风险登记册). The filters live in the URL: the workbench links here with
 * `?domain=…&level=…`, a search updates the address so it can be bookmarked or sent, and a saved
 * filter is just such a query.
 */
export function useRiskList() {
  void useCourtStore().load().catch(showError);
  const route = useRoute();
  const router = useRouter();

  const list = usePagedList(listRisks, blankRiskFilters);
  const dateRange = useDateRange(list.filters);
  /** What the URL, the export link and the saved-filter bar carry: only the filters that are set. */
  const query = computed(() => filtersToQuery(list.filters));
  const exportUrl = computed(() => riskExportUrl({ ...list.filters, page: undefined, pageSize: undefined }));
  const narrowed = computed(() => isNarrowed(list.filters));
  const emptyText = computed(() => (narrowed.value ? zh.risks.emptyFiltered : zh.risks.empty));

  function applyQuery(raw: Readonly<Record<string, unknown>>): void {
    Object.assign(list.filters, blankRiskFilters(), filtersFromQuery(raw));
  }

  /** Searches from page 1 and puts the filters in the address bar. */
  async function search(): Promise<void> {
    if (!sameQuery(route.query, query.value)) await router.replace({ query: query.value });
    await list.search();
  }

  function resetFilters(): Promise<void> {
    Object.assign(list.filters, blankRiskFilters());
    return search();
  }

  /** A saved filter (or any stored query) replaces the form. */
  function applySaved(saved: Readonly<Record<string, unknown>>): Promise<void> {
    applyQuery(saved);
    return search();
  }

  // A link to /risks?… while the register is already open reuses this page: follow it.
  watch(
    () => route.query,
    (next) => {
      if (route.name !== 'risks' || sameQuery(filtersToQuery({ ...blankRiskFilters(), ...filtersFromQuery(next) }), query.value)) return;
      applyQuery(next);
      void list.search();
    },
  );

  /** A department belongs to one court: choosing another court clears it. */
  function onCourtChange(): void {
    list.filters.departmentId = undefined;
    list.filters.ownerId = undefined;
  }

  /** Column sorting is done by the server: 等级 and 登记时间 (更新时间 only through the URL). */
  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }): void {
    const field = prop ? SORTABLE[prop] : undefined;
    list.filters.sort = order && field ? field : 'createdAt';
    list.filters.order = order === 'ascending' ? 'asc' : 'desc';
    void search();
  }

  const openRisk = (risk: Pick<RiskView, 'id'>) => router.push({ name: 'riskDetail', params: { id: risk.id } });
  const report = useRiskCreate('report', openRisk);
  const assignDown = useRiskCreate('assignDown', () => list.load());

  const domainText = (risk: RiskView) => `${riskDomainLabel[risk.domain]} · ${risk.subtype}`;

  applyQuery(route.query);
  void list.load();

  return { list, dateRange, query, exportUrl, narrowed, emptyText, search, resetFilters, applySaved, onCourtChange, onSortChange, openRisk, report, assignDown, domainText };
}
