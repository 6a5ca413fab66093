import { riskDomainLabel, type RiskView } from '@courtrisk/core';
import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { listRisks, riskExportUrl, type RiskFilters } from '../../api/risks';
import { showError } from '../../components/feedback';
import { usePagedList } from '../../composables/usePagedList';
import { useCourtStore } from '../../stores/courts';

/** Only what lower courts reported up — not the own court's risks reported further up; the newest first. */
export const blankLowerReportFilters = (): RiskFilters => ({
  lowerCourtsOnly: 'true',
  reportedUpward: 'true',
  courtId: undefined,
  level: undefined,
  status: undefined,
  keyword: '',
  sort: 'createdAt',
  order: 'desc',
});

/**
 * 下级上报 (upper courts): the lower courts' risks reported up — automatically for 红/橙 or by hand —
 * to read, instruct (批示) and follow. Opening one goes straight to its 批示 tab.
 */
export function useLowerReports() {
  void useCourtStore().load().catch(showError);
  const router = useRouter();
  const list = usePagedList(listRisks, blankLowerReportFilters);
  const exportUrl = computed(() => riskExportUrl({ ...list.filters, page: undefined, pageSize: undefined }));

  const openRisk = (risk: Pick<RiskView, 'id'>) => router.push({ name: 'riskDetail', params: { id: risk.id }, query: { tab: 'instructions' } });
  const domainText = (risk: RiskView) => `${riskDomainLabel[risk.domain]} · ${risk.subtype}`;

  void list.load();

  return { list, exportUrl, openRisk, domainText };
}
