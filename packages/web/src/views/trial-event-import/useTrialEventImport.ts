import type { ProcessEventImportResult } from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, shallowRef } from 'vue';
import { trialEventErrorsUrl, trialEventTemplateUrl, uploadTrialEvents } from '../../api/trial-limits';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';

export const EVENT_IMPORT_ACCEPT = '.csv,.xlsx,.jsonl,.ndjson';
/** The server reads event files whole, up to 10 MB (services/trial-event-import.service.ts). */
export const MAX_EVENT_FILE_BYTES = 10 * 1024 * 1024;

/** Why a picked file cannot be sent, or null when it can. */
export function checkEventFile(file: { name: string; size: number }): string | null {
  if (!/\.(csv|xlsx|jsonl|ndjson)$/i.test(file.name)) return zh.trialEventImport.badType;
  if (file.size > MAX_EVENT_FILE_BYTES) return zh.trialEventImport.tooLarge;
  return null;
}

/** 审限事项导入: one file per run; the answer carries the counts and the first 500 problems. */
export function useTrialEventImport(upload = uploadTrialEvents) {
  const auth = useAuthStore();
  const form = reactive<{ courtId: string | undefined; file: File | null }>({ courtId: auth.account?.courtId, file: null });
  const running = ref(false);
  const result = shallowRef<ProcessEventImportResult | null>(null);

  /** Keeps a valid file; says why and returns false otherwise. */
  function pickFile(file: File | null): boolean {
    const problem = file ? checkEventFile(file) : null;
    if (problem) {
      ElMessage.warning(problem);
      form.file = null;
      return false;
    }
    form.file = file;
    return true;
  }

  async function submit(): Promise<void> {
    if (!form.file) {
      ElMessage.warning(zh.trialEventImport.pickFirst);
      return;
    }
    running.value = true;
    try {
      result.value = await upload(form.file, form.courtId);
      const message = zh.trialEventImport.done(result.value.created, result.value.errorRows);
      if (result.value.errorRows) ElMessage.warning(message);
      else showSuccess(message);
      form.file = null;
    } catch (error) {
      showError(error);
    } finally {
      running.value = false;
    }
  }

  const errorReportUrl = computed(() => (result.value?.jobId && result.value.errorRows > 0 ? trialEventErrorsUrl(result.value.jobId) : null));
  return { form, running, result, errorReportUrl, templateUrl: trialEventTemplateUrl(), pickFile, submit };
}
