import type { OpinionIntakeResult } from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { computed, ref, shallowRef } from 'vue';
import { opinionErrorsUrl, opinionTemplateUrl, uploadOpinionFile } from '../../api/opinion';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';

export const OPINION_IMPORT_ACCEPT = '.csv,.xlsx,.jsonl,.ndjson';
/** The server reads opinion files whole, up to 10 MB (services/opinion-import.service.ts). */
export const MAX_OPINION_FILE_BYTES = 10 * 1024 * 1024;

/** Why a picked file cannot be sent, or null when it can. */
export function checkOpinionFile(file: { name: string; size: number }): string | null {
  if (!/\.(csv|xlsx|jsonl|ndjson)$/i.test(file.name)) return zh.opinion.badType;
  if (file.size > MAX_OPINION_FILE_BYTES) return zh.opinion.tooLarge;
  return null;
}

/** 舆情导入: one file per run; the answer carries the counts and the first 500 problems. */
export function useOpinionImport(upload = uploadOpinionFile) {
  const file = shallowRef<File | null>(null);
  const running = ref(false);
  const result = shallowRef<OpinionIntakeResult | null>(null);

  function pickFile(next: File | null): boolean {
    const problem = next ? checkOpinionFile(next) : null;
    if (problem) {
      ElMessage.warning(problem);
      file.value = null;
      return false;
    }
    file.value = next;
    return true;
  }

  async function submit(): Promise<void> {
    if (!file.value) {
      ElMessage.warning(zh.opinion.pickFirst);
      return;
    }
    running.value = true;
    try {
      result.value = await upload(file.value);
      const message = zh.opinion.done(result.value.created, result.value.snapshotted, result.value.errorRows);
      if (result.value.errorRows) ElMessage.warning(message);
      else showSuccess(message);
      file.value = null;
    } catch (error) {
      showError(error);
    } finally {
      running.value = false;
    }
  }

  const errorReportUrl = computed(() => (result.value?.jobId && result.value.errorRows > 0 ? opinionErrorsUrl(result.value.jobId) : null));
  return { file, running, result, errorReportUrl, templateUrl: opinionTemplateUrl(), pickFile, submit };
}
