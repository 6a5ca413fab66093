import { auditActionLabel, type AuditVerifyResult } from '@courtrisk/core';
import { computed, ref } from 'vue';
import { auditExportUrl, listAuditEntries, verifyAuditChain, type AuditFilters } from '../../api/audit-logs';
import { showError } from '../../components/feedback';
import { useDateRange } from '../../composables/useDateRange';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useCourtStore } from '../../stores/courts';

const blankFilters = (): AuditFilters => ({ action: undefined, actor: '', from: undefined, to: undefined });

export const actionOptions = Object.entries(auditActionLabel).map(([value, label]) => ({ value, label }));

/** The last integrity check: what the server found and when it was asked. */
interface Verification {
  result: AuditVerifyResult;
  at: string;
}

export function useAuditLogs() {
  const courts = useCourtStore();
  void courts.load().catch(showError);

  const list = usePagedList(listAuditEntries, blankFilters);
  const dateRange = useDateRange(list.filters);
  const exportUrl = computed(() => auditExportUrl({ ...list.filters }));

  const verifying = ref(false);
  const verification = ref<Verification | null>(null);

  /** The verdict in words: intact, or the first broken link (court, position, reason). */
  const verificationText = computed(() => {
    const result = verification.value?.result;
    if (!result) return '';
    if (result.ok || !result.broken) return zh.auditLogs.verifyIntact(result.checked);
    const { courtId, seq, reason } = result.broken;
    return zh.auditLogs.verifyBroken(courts.nameOf(courtId) || courtId, seq, reason);
  });

  async function verify(): Promise<void> {
    verifying.value = true;
    try {
      verification.value = { result: await verifyAuditChain(), at: new Date().toISOString() };
    } catch (error) {
      showError(error);
    } finally {
      verifying.value = false;
    }
  }

  const actionLabel = (action: string) => auditActionLabel[action] ?? action;
  const targetLabel = (type: string | null) => (type ? (zh.targetType[type] ?? type) : zh.common.none);

  void list.load();

  return { list, dateRange, exportUrl, verifying, verification, verificationText, verify, actionLabel, targetLabel };
}
