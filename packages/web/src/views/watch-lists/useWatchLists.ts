import { WatchListName, type Paged, type WatchListAddResult, type WatchListChangeResult, type WatchListEntryView, type WatchListView } from '@courtrisk/core';
import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, h, ref, shallowRef, watch } from 'vue';
import { useRoute } from 'vue-router';
import { addWatchListEntries, listWatchListEntries, listWatchLists, removeWatchListEntries, removeWatchListEntry, updateWatchListEntry } from '../../api/watch-lists';
import { runRowAction, showError, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { useCourtStore } from '../../stores/courts';
import { readPastedNames } from './rules';

export interface AddForm {
  /** One name per line, optionally a note after a tab or comma. */
  text: string;
  /** For the lines without a note of their own. */
  note: string;
}

/** A text file of names: UTF-8 (with or without BOM) or, failing that, GBK/GB18030 as Excel on Chinese Windows saves CSV. */
export function decodeListFile(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The lists in the selector's order: those a rule uses first, then the others, each by name. */
export function sortLists(lists: readonly WatchListView[]): WatchListView[] {
  const used = (list: WatchListView) => (list.referencedBy.some((ref) => ref.enabled) ? 0 : 1);
  return [...lists].sort((a, b) => used(a) - used(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** What an add did, in lines for the user: the count, each skipped name at its line of the paste, and the re-screening. */
export function describeAddResult(result: WatchListAddResult, lines: readonly number[]): string[] {
  const words = zh.watchLists;
  const summary = [words.added(result.added), ...(result.skipped.length ? [words.skipped(result.skipped.length)] : [])].join('，');
  return [
    summary,
    ...result.skipped.map((skip) => words.skippedLine(lines[skip.row - 1] ?? skip.row, skip.name, skip.reason)),
    ...(result.added > 0 ? [changeNote(result)] : []),
  ];
}

const changeNote = (result: WatchListChangeResult) => (result.rescreenJobId ? zh.watchLists.rescreening : zh.watchLists.notRescreened);

const EMPTY_PAGE: Paged<WatchListEntryView> = { items: [], total: 0, page: 1, pageSize: 20 };

/**
 * 关注名单: pick a court and one of its lists (or type a new list's name), see which rules use it,
 * and page through its names. `watchlist.manage` adds names (pasted or from a file), edits notes
 * and removes names; each change re-screens the court's cases when an enabled rule uses the list.
 */
export function useWatchLists() {
  const auth = useAuthStore();
  const route = useRoute();
  void useCourtStore().load().catch(showError);

  const courtId = ref(typeof route.query.courtId === 'string' ? route.query.courtId : (auth.account?.courtId ?? ''));
  const lists = shallowRef<WatchListView[]>([]);
  const listsLoading = ref(false);
  const listName = ref('');
  const current = computed(() => lists.value.find((list) => list.name === listName.value) ?? null);
  const usedBy = computed(() => current.value?.referencedBy ?? []);
  const inUse = computed(() => usedBy.value.some((ref) => ref.enabled));
  const selected = shallowRef<WatchListEntryView[]>([]);

  const list = usePagedList(
    (query) => (listName.value ? listWatchListEntries({ ...query, courtId: courtId.value || undefined, listName: listName.value, order: 'desc' }) : Promise.resolve(EMPTY_PAGE)),
    () => ({ keyword: '' }),
  );

  async function loadLists(): Promise<void> {
    listsLoading.value = true;
    try {
      lists.value = sortLists(await listWatchLists(courtId.value || undefined));
    } catch (error) {
      showError(error);
    } finally {
      listsLoading.value = false;
    }
  }

  /** Opens a list; a typed name that is not a valid list name is refused with the server's words. */
  function selectList(name: string): Promise<void> {
    const parsed = WatchListName.safeParse(name);
    if (!parsed.success) {
      ElMessage.error({ message: parsed.error.issues[0]?.message ?? zh.errors.unexpected, grouping: true });
      return Promise.resolve();
    }
    listName.value = parsed.data;
    selected.value = [];
    return list.search();
  }

  async function refresh(): Promise<void> {
    selected.value = [];
    await Promise.all([loadLists(), list.load()]);
  }

  watch(
    courtId,
    async () => {
      await loadLists();
      listName.value = lists.value[0]?.name ?? '';
      selected.value = [];
      await list.search();
    },
    { immediate: true },
  );

  const addDialog = useFormDialog<AddForm, null, { result: WatchListAddResult; lines: number[] }>({
    blank: () => ({ text: '', note: '' }),
    save: async (form) => {
      const { entries, lines } = readPastedNames(form.text);
      const note = form.note.trim();
      const result = await addWatchListEntries({ courtId: courtId.value || undefined, listName: listName.value, entries, ...(note ? { note } : {}) });
      return { result, lines };
    },
    successMessage: false,
    onSaved: async ({ result, lines }) => {
      const [summary, ...details] = describeAddResult(result, lines);
      if (result.skipped.length === 0) showSuccess([summary, ...details].join('，'));
      else await ElMessageBox.alert(h('div', details.map((line) => h('p', { class: 'watch-list__skipped' }, line))), summary, { type: 'warning' }).catch(() => undefined);
      await refresh();
    },
  });

  /** Appends the names of a TXT/CSV file to the paste box, for review before adding. */
  async function readFile(file: File): Promise<void> {
    try {
      const text = decodeListFile(await file.arrayBuffer());
      const form = addDialog.form.value;
      form.text = form.text.trim() ? `${form.text.replace(/\s+$/, '')}\n${text}` : text;
      showSuccess(zh.watchLists.fileRead(file.name, readPastedNames(text).entries.length));
    } catch (error) {
      showError(error);
    }
  }

  const noteDialog = useFormDialog<{ note: string }, WatchListEntryView, WatchListEntryView>({
    blank: () => ({ note: '' }),
    save: (form, entry) => updateWatchListEntry(entry!.id, { note: form.note, version: entry!.version }),
    onSaved: () => list.load(),
    onConflict: list.load,
  });
  const openNote = (entry: WatchListEntryView) => noteDialog.openEdit(entry, { note: entry.note ?? '' });

  async function remove(entries: readonly WatchListEntryView[]): Promise<void> {
    if (entries.length === 0) return;
    const result = await runRowAction({
      confirm: entries.length === 1 ? zh.watchLists.confirmRemove(entries[0]!.name, listName.value) : zh.watchLists.confirmRemoveMany(entries.length, listName.value),
      confirmText: zh.watchLists.remove,
      run: () => (entries.length === 1 ? removeWatchListEntry(entries[0]!.id) : removeWatchListEntries(entries.map((entry) => entry.id))),
      reload: refresh,
    });
    if (result) showSuccess(`${zh.watchLists.removed(entries.length)}，${changeNote(result)}`);
  }

  return { auth, courtId, lists, listsLoading, listName, current, usedBy, inUse, selected, list, selectList, addDialog, readFile, noteDialog, openNote, remove };
}
