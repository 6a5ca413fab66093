import type { ImportJobView, RowProblemView } from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { computed, markRaw, reactive, ref, shallowRef } from 'vue';
import { getImportJob, importErrorReportUrl, importTemplateUrl, listImportErrors, listImportJobs, uploadCaseFile } from '../../api/imports';
import { showError } from '../../components/feedback';
import { useJobPolling } from '../../composables/useJobPolling';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { useCourtStore } from '../../stores/courts';
import { formatBytes } from '../../utils/format';

/** The file types the importer reads (the server decides by the extension too). */
export const IMPORT_ACCEPT = '.csv,.xlsx,.jsonl,.ndjson';

export const isImportableFile = (name: string) => /\.(csv|xlsx|jsonl|ndjson)$/i.test(name);

interface ImportForm {
  courtId: string;
  file: File | null;
}

/**
 * 案件导入: choose a court and a file, upload it as the raw body, then follow the job every
 * second until it ends, and show its counts, its first problems and the recent jobs.
 */
export function useCaseImport() {
  const auth = useAuthStore();
  void useCourtStore().load().catch(showError);

  const form = reactive<ImportForm>({ courtId: auth.account?.courtId ?? '', file: null });
  const uploading = ref(false);
  const problems = shallowRef<RowProblemView[]>([]);
  const recent = shallowRef<ImportJobView[]>([]);
  const recentLoading = ref(false);

  async function loadRecent(): Promise<void> {
    recentLoading.value = true;
    try {
      recent.value = await listImportJobs();
    } catch (error) {
      showError(error);
    } finally {
      recentLoading.value = false;
    }
  }

  async function loadProblems(job: ImportJobView): Promise<void> {
    if (job.errorRows === 0) return;
    try {
      const rows = await listImportErrors(job.id);
      if (polling.job.value?.id === job.id) problems.value = rows;
    } catch (error) {
      showError(error);
    }
  }

  const polling = useJobPolling(getImportJob, {
    onFinished: (job) => Promise.all([loadProblems(job), loadRecent()]).then(() => undefined),
  });
  const job = polling.job;

  /** el-upload's change: keeps the newest file; false (and a warning) for a type the importer cannot read. */
  /** Takes the chosen file (null: removed); a file of another type is refused with a message. */
  function pickFile(picked: File | null): boolean {
    if (picked && !isImportableFile(picked.name)) {
      ElMessage.warning(zh.caseImport.wrongType);
      form.file = null;
      return false;
    }
    // Kept raw: a reactive proxy of a File is not a Blob to fetch, which would send "[object File]".
    form.file = picked ? markRaw(picked) : null;
    return true;
  }

  /** Uploads the chosen file; the job it starts is followed at once. */
  async function upload(): Promise<void> {
    if (!form.file || uploading.value) return;
    uploading.value = true;
    try {
      const started = await uploadCaseFile(form.file, form.courtId || undefined);
      problems.value = [];
      form.file = null;
      await polling.follow(started);
      void loadRecent();
    } catch (error) {
      showError(error);
    } finally {
      uploading.value = false;
    }
  }

  /** Shows an earlier job's result (and follows it if it is still running). */
  function show(earlier: ImportJobView): Promise<void> {
    problems.value = [];
    return polling.follow(earlier);
  }

  const progressDetail = computed(() => {
    const current = job.value;
    if (!current) return '';
    return current.message ?? zh.caseImport.rows(current.processedRows, current.totalRows);
  });
  const fileLine = computed(() => (job.value ? zh.caseImport.fileLine(job.value.fileName, formatBytes(job.value.sizeBytes)) : ''));
  const encodingText = (encoding: string | null) => (encoding ? (zh.caseImport.encodingLabel[encoding] ?? encoding.toUpperCase()) : zh.common.none);
  const errorReportUrl = computed(() => (job.value ? importErrorReportUrl(job.value.id) : ''));
  const templateUrl = importTemplateUrl();

  void loadRecent();

  return {
    form,
    uploading,
    job,
    polling: polling.polling,
    problems,
    recent,
    recentLoading,
    progressDetail,
    fileLine,
    errorReportUrl,
    templateUrl,
    pickFile,
    upload,
    show,
    encodingText,
    errorReportUrlOf: importErrorReportUrl,
  };
}
