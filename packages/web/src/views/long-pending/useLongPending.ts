import type { LongPendingList, LongPendingRow, LongPendingSnapshotView } from '@courtrisk/core';
import { LongPendingNoteInput } from '@courtrisk/core';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { listLongPending, listLongPendingSnapshots, longPendingExportUrl, saveLongPendingNote, takeLongPendingSnapshot, type LongPendingFilters } from '../../api/long-pending';
import { showError, showSuccess } from '../../components/feedback';
import { DEFAULT_PAGE_SIZE } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { useCourtStore } from '../../stores/courts';
import { buildLongPendingTrendOption } from './trend-chart';

type Filters = Pick<LongPendingFilters, 'courtId' | 'minMonths' | 'noted' | 'keyword'>;
const blankFilters = (): Filters => ({ courtId: undefined, minMonths: undefined, noted: undefined, keyword: '' });

/** 长期未结: the ledger with its filters, the weekly trend of one court, and the reason/responsible editor. */
export function useLongPending() {
  void useCourtStore().load().catch(showError);
  const auth = useAuthStore();
  const filters = reactive(blankFilters());
  const page = ref(1);
  const pageSize = ref(DEFAULT_PAGE_SIZE);
  const result = shallowRef<LongPendingList | null>(null);
  const loading = ref(false);
  const trendCourtId = ref<string | undefined>(auth.account?.courtId);
  const snapshots = shallowRef<LongPendingSnapshotView[]>([]);
  const snapshotting = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      result.value = await listLongPending({ ...filters, page: page.value, pageSize: pageSize.value });
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }
  const search = () => {
    page.value = 1;
    return load();
  };
  const reset = () => {
    Object.assign(filters, blankFilters());
    return search();
  };

  async function loadTrend(): Promise<void> {
    try {
      snapshots.value = await listLongPendingSnapshots(trendCourtId.value);
    } catch (error) {
      showError(error);
    }
  }

  async function snapshotNow(): Promise<void> {
    snapshotting.value = true;
    try {
      const taken = await takeLongPendingSnapshot(trendCourtId.value);
      showSuccess(zh.longPending.snapshotTaken(taken.isoWeek));
      await loadTrend();
    } catch (error) {
      showError(error);
    } finally {
      snapshotting.value = false;
    }
  }

  // The note editor: one dialog, validated with the core schema before it is sent.
  const editing = shallowRef<LongPendingRow | null>(null);
  const note = reactive({ reason: '', responsibleName: '' });
  const noteError = ref('');
  const savingNote = ref(false);
  function editNote(row: LongPendingRow): void {
    editing.value = row;
    note.reason = row.reason ?? '';
    note.responsibleName = row.responsibleName ?? row.judgeName ?? '';
    noteError.value = '';
  }
  async function submitNote(): Promise<void> {
    const row = editing.value;
    if (!row) return;
    const parsed = LongPendingNoteInput.safeParse({ ...note, version: row.noteVersion });
    noteError.value = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
    if (!parsed.success) return;
    savingNote.value = true;
    try {
      await saveLongPendingNote(row.caseId, parsed.data);
      showSuccess(zh.longPending.noteSaved);
      editing.value = null;
      await load();
    } catch (error) {
      showError(error);
    } finally {
      savingNote.value = false;
    }
  }

  watch(trendCourtId, loadTrend);
  const trendOption = computed(() => buildLongPendingTrendOption(snapshots.value));
  const exportUrl = computed(() => longPendingExportUrl({ ...filters }));
  const bucketOptions = computed(() => (result.value?.bucketCounts ?? []).map((b) => ({ value: b.months, label: zh.longPending.bucket(b.months) })));

  void load();
  void loadTrend();
  return { filters, page, pageSize, result, loading, load, search, reset, trendCourtId, snapshots, trendOption, snapshotting, snapshotNow, exportUrl, bucketOptions, editing, note, noteError, savingNote, editNote, submitNote };
}
