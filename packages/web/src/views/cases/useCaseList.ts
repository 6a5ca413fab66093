import {
  CaseListQuery,
  caseStatusLabel,
  caseTypeLabel,
  formatYuan,
  riskDomainLabel,
  riskLevelLabel,
  type CaseSummaryView,
} from '@courtrisk/core';
import { computed } from 'vue';
import { caseExportUrl, listCases, type CaseFilters } from '../../api/cases';
import { showError } from '../../components/feedback';
import { useDateRange } from '../../composables/useDateRange';
import { parseQueryWith, useListQuery } from '../../composables/useListQuery';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useCourtStore } from '../../stores/courts';
import { labelOptions } from '../../utils/options';

type SortField = NonNullable<CaseFilters['sort']>;

const blankFilters = (): CaseFilters => ({
  courtId: undefined,
  caseType: undefined,
  status: undefined,
  cause: '',
  keyword: '',
  filedFrom: undefined,
  filedTo: undefined,
  domain: undefined,
  level: undefined,
  hasWarnings: undefined,
  sort: 'filedOn',
  order: 'desc',
});

/** Filters that narrow the list (sorting does not), to tell "no cases yet" from "none match". */
const NARROWING: (keyof CaseFilters)[] = ['courtId', 'caseType', 'status', 'cause', 'keyword', 'filedFrom', 'filedTo', 'domain', 'level', 'hasWarnings'];

export const caseTypeOptions = labelOptions(caseTypeLabel);
export const caseStatusOptions = labelOptions(caseStatusLabel);
export const domainOptions = labelOptions(riskDomainLabel);
export const levelOptions = labelOptions(riskLevelLabel);
export const hasWarningOptions = [
  { value: 'true', label: zh.cases.withWarnings },
  { value: 'false', label: zh.cases.withoutWarnings },
] as const;

const SORTABLE: Record<string, SortField> = { filedOn: 'filedOn', caseNumber: 'caseNumber', amountYuan: 'amount' };

/** The table's sort arrow for the filters' sort (a restored list may be sorted by 标的额). */
function columnSort({ sort, order }: CaseFilters): { prop: string; order: 'ascending' | 'descending' } {
  const prop = Object.keys(SORTABLE).find((key) => SORTABLE[key] === sort) ?? 'filedOn';
  return { prop, order: order === 'asc' ? 'ascending' : 'descending' };
}

/**
 * 案件列表. The filters and the page live in the URL, so a case opened from a filtered list comes
 * back to it (返回案件列表 or the browser's Back) and a link such as `/cases?hasWarnings=true&domain=financial`
 * opens the list filtered.
 */
export function useCaseList() {
  void useCourtStore().load().catch(showError);

  const list = usePagedList(listCases, blankFilters);
  const { search, resetFilters, changePage } = useListQuery(list, {
    blank: blankFilters,
    fromQuery: parseQueryWith(CaseListQuery, blankFilters),
    paging: true,
  });
  /** Read once by the table when it mounts, after the URL has filled the form. */
  const defaultSort = columnSort(list.filters);
  const filedRange = useDateRange(list.filters, { from: 'filedFrom', to: 'filedTo' });
  const exportUrl = computed(() => caseExportUrl({ ...list.filters }));
  const narrowed = computed(() => NARROWING.some((key) => list.filters[key] !== undefined && list.filters[key] !== ''));
  const emptyText = computed(() => (narrowed.value ? zh.cases.emptyFiltered : zh.cases.empty));

  /** Column sorting is done by the server: 立案日期, 案号 and 标的额. */
  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }): void {
    const field = prop ? SORTABLE[prop] : undefined;
    list.filters.sort = order && field ? field : 'filedOn';
    list.filters.order = order === 'ascending' ? 'asc' : 'desc';
    void search();
  }

  const typeLabel = (row: CaseSummaryView) => caseTypeLabel[row.caseType as keyof typeof caseTypeLabel] ?? row.caseType;
  const amountText = (row: CaseSummaryView) => (row.amountYuan ? formatYuan(row.amountYuan) : zh.common.none);
  const causesText = (row: CaseSummaryView) => row.causes.join('、') || zh.common.none;

  void list.load();

  return { list, filedRange, exportUrl, narrowed, emptyText, search, resetFilters, changePage, defaultSort, onSortChange, typeLabel, amountText, causesText };
}
