import { riskDomainLabel, riskLevelLabel, riskStatusLabel, type RiskView } from '@courtrisk/core';
import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { listRisks, riskExportUrl } from '../../api/risks';
import { showError } from '../../components/feedback';
import { useDateRange } from '../../composables/useDateRange';
import { useListQuery } from '../../composables/useListQuery';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useCourtStore } from '../../stores/courts';
import { labelOptions } from '../../utils/options';
import { blankRiskFilters, filtersFromQuery, isNarrowed, type RiskFilterForm } from './risk-query';
import { useRiskCreate } from './useRiskCreate';

export const domainOptions = labelOptions(riskDomainLabel);
export const levelOptions = labelOptions(riskLevelLabel);
/** 在办 first: the states the workbench counts (待研判 … 持续监测), then each state. */
export const statusOptions = [{ value: 'open' as const, label: zh.risks.openStatus }, ...labelOptions(riskStatusLabel)];

type SortField = RiskFilterForm['sort'];
const SORTABLE: Record<string, SortField> = { createdAt: 'createdAt', updatedAt: 'updatedAt', level: 'level' };

/**
 * The risk register (风险登记册). The filters live in the URL: the workbench links here with
 * `?domain=…&level=…`, a search updates the address so it can be bookmarked or sent, and a saved
 * filter is just such a query.
 */
export function useRiskList() {
  void useCourtStore().load().catch(showError);
  const router = useRouter();

  const list = usePagedList(listRisks, blankRiskFilters);
  /** `query` is what the URL and the saved-filter bar carry: only the filters that are set. */
  const { query, applyQuery, search, resetFilters } = useListQuery(list, { blank: blankRiskFilters, fromQuery: filtersFromQuery });
  const dateRange = useDateRange(list.filters);
  const exportUrl = computed(() => riskExportUrl({ ...list.filters, page: undefined, pageSize: undefined }));
  const narrowed = computed(() => isNarrowed(list.filters));
  const emptyText = computed(() => (narrowed.value ? zh.risks.emptyFiltered : zh.risks.empty));

  /** A saved filter (or any stored query) replaces the form. */
  function applySaved(saved: Readonly<Record<string, unknown>>): Promise<void> {
    applyQuery(saved);
    return search();
  }

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

  void list.load();

  return { list, dateRange, query, exportUrl, narrowed, emptyText, search, resetFilters, applySaved, onCourtChange, onSortChange, openRisk, report, assignDown, domainText };
}
