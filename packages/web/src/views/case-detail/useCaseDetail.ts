import {
  caseStatusLabel,
  caseTypeLabel,
  formatCausePath,
  formatYuan,
  instanceLabel,
  partyFlagLabel,
  partyKindLabel,
  procedureLabel,
  type CaseDetailView,
} from '@courtrisk/core';
import { computed, ref, shallowRef, watch } from 'vue';
import { getCase } from '../../api/cases';
import { ApiError } from '../../api/http';
import { showError } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { keywordRanges } from '../../utils/evidence';
import { buildHighlightSegments } from '../../utils/highlight';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/**
 * One case with its warnings. Facts and claims come with their keyword evidence highlighted in the
 * warning's level colour (grey once dismissed), and hovering a mark names the rule.
 */
export function useCaseDetail(caseId: () => string) {
  const detail = shallowRef<CaseDetailView | null>(null);
  const loading = ref(false);
  const missing = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await getCase(caseId());
      if (ticket !== latest) return;
      detail.value = result;
      missing.value = false;
    } catch (error) {
      if (ticket !== latest) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.code === 'invalid_input')) {
        detail.value = null;
        missing.value = true;
      } else showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  const warnings = computed(() => detail.value?.warnings ?? []);
  const factsSegments = computed(() => buildHighlightSegments(detail.value?.facts ?? '', keywordRanges(warnings.value, 'facts')));
  const claimsSegments = computed(() => buildHighlightSegments(detail.value?.claims ?? '', keywordRanges(warnings.value, 'claims')));
  const hasHighlights = computed(() => [...factsSegments.value, ...claimsSegments.value].some((segment) => segment.highlighted));

  /** The case's coded fields in words, for the 基本信息 block. */
  const labels = computed(() => {
    const c = detail.value;
    if (!c) return null;
    return {
      caseType: label(caseTypeLabel, c.caseType),
      procedure: label(procedureLabel, c.procedure),
      instance: label(instanceLabel, c.instance),
      status: label(caseStatusLabel, c.status),
      amount: c.amountYuan ? formatYuan(c.amountYuan) : zh.common.none,
      causes: c.causes.map((cause) => ({ name: cause, path: formatCausePath(cause) ?? cause })),
    };
  });

  const partyKind = (kind: string) => label(partyKindLabel, kind);
  const partyFlag = (flag: string) => label(partyFlagLabel, flag);

  watch(caseId, load, { immediate: true });

  return { detail, loading, missing, load, warnings, factsSegments, claimsSegments, hasHighlights, labels, partyKind, partyFlag };
}
