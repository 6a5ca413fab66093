import { riskDomainLabel, riskLevelLabel, WarningListQuery, type WarningView } from '@courtrisk/core';
import { useRouter } from 'vue-router';
import { listWarnings, type WarningFilters } from '../../api/warnings';
import { showError } from '../../components/feedback';
import { parseQueryWith, useListQuery } from '../../composables/useListQuery';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useCourtStore } from '../../stores/courts';
import { labelOptions } from '../../utils/options';
import { useWarningTriage } from '../case-detail/useWarningTriage';

/** The list opens on what still needs a decision: 待研判. */
const blankFilters = (): WarningFilters => ({ status: 'pending', domain: undefined, level: undefined, courtId: undefined });

export const statusOptions = labelOptions(zh.warningStatus);
export const domainOptions = labelOptions(riskDomainLabel);
export const levelOptions = labelOptions(riskLevelLabel);

/**
 * 预警列表 · 案件预警. The filters and the page live in the URL beside the page's `?tab=`, so a case
 * opened from the list comes back to it with the browser's Back.
 */
export function useWarningList() {
  void useCourtStore().load().catch(showError);
  const router = useRouter();
  const list = usePagedList(listWarnings, blankFilters);
  const { search, resetFilters, changePage } = useListQuery(list, {
    blank: blankFilters,
    fromQuery: parseQueryWith(WarningListQuery, blankFilters),
    paging: true,
  });
  /** 确认 and 排除 right from the list, with the case page's dialog (合并 needs the case's other warnings). */
  const triage = useWarningTriage(() => list.rows.value, list.load, (riskId) => router.push({ name: 'riskDetail', params: { id: riskId } }));

  const openCase = (warning: WarningView) => router.push({ name: 'caseDetail', params: { id: warning.caseId } });
  const domainText = (warning: WarningView) => `${riskDomainLabel[warning.domain]} · ${warning.subtype}`;

  void list.load();

  return { list, search, resetFilters, changePage, triage, openCase, domainText };
}
