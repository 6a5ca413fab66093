import { riskDomainLabel, type RiskSummaryView } from '@courtrisk/core';
import { computed, ref, shallowRef, watch } from 'vue';
import { ApiError } from '../../api/http';
import { getRiskSummary } from '../../api/risks';
import { showError } from '../../components/feedback';

/**
 * The read-only summary of a risk behind one's tasks (`GET /risks/:id/summary`): what an assignee
 * without 查看风险 may know. A risk none of whose tasks is mine answers 404: "not found" here.
 */
export function useRiskSummary(riskId: () => string) {
  const summary = shallowRef<RiskSummaryView | null>(null);
  const loading = ref(false);
  const missing = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const view = await getRiskSummary(riskId());
      if (ticket !== latest) return;
      summary.value = view;
      missing.value = false;
    } catch (error) {
      if (ticket !== latest) return;
      if (error instanceof ApiError && (error.status === 404 || error.code === 'invalid_input')) {
        summary.value = null;
        missing.value = true;
      } else showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  const domainText = computed(() => (summary.value ? `${riskDomainLabel[summary.value.domain]} · ${summary.value.subtype}` : ''));

  watch(riskId, load, { immediate: true });

  return { summary, loading, missing, domainText };
}
