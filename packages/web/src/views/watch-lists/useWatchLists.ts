import {
  formatWatchListText,
  WATCH_LIST_FILE_MAX_BYTES,
  WatchListName,
  type Paged,
  type WatchListAddResult,
  type WatchListChangeResult,
  type WatchListEntryView,
  type WatchListRuleRef,
  type WatchListTextEntry,
  type WatchListView,
} from '@courtrisk/core';
import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, h, ref, shallowRef, watch } from 'vue';
import { useRoute } from 'vue-router';
import {
  addWatchListEntries,
  deleteWatchList,
  listWatchListEntries,
  listWatchLists,
  readWatchListXlsx,
  removeWatchListEntries,
  removeWatchListEntry,
  updateWatchListEntry,
} from '../../api/watch-lists';
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

/** What 从文件读取 offers to pick; the server reads the workbooks, the page reads TXT/CSV itself. */
export const LIST_FILE_ACCEPT = '.xlsx,.txt,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain,text/csv';

/**
 * How a chosen names file is read, or why it cannot be, in Chinese. An XLSX workbook goes to the
 * server (ExcelJS is a server dependency already, as for the case import), so the page's bundle
 * carries no spreadsheet reader; TXT/CSV are decoded here as before. Both are held to the server's
 * 1 MB, far above 2,000 names.
 */
export function classifyListFile(file: { name: string; size: number }): { kind: 'xlsx' | 'text' } | { problem: string } {
  const words = zh.watchLists;
  if (/\.xls$/i.test(file.name)) return { problem: words.fileOldExcel(file.name) };
  const kind = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.(txt|csv)$/i.test(file.name) ? 'text' : null;
  if (!kind) return { problem: words.fileType(file.name) };
  if (file.size === 0) return { problem: words.fileEmpty(file.name) };
  if (file.size > WATCH_LIST_FILE_MAX_BYTES) return { problem: words.fileTooLarge(file.name, WATCH_LIST_FILE_MAX_BYTES / 1024 / 1024) };
  return { kind };
}

/** The paste box with more lines after its own, on a new line. */
export function appendToPasteBox(text: string, addition: string): string {
  return text.trim() ? `${text.replace(/\s+$/, '')}\n${addition}` : addition;
}

/** The paste box with a workbook's names appended in the box's format (tab separated once it holds a tab, else CSV). */
export function appendEntriesToPasteBox(text: string, entries: readonly WatchListTextEntry[]): string {
  return appendToPasteBox(text, formatWatchListText(entries, text.includes('\t')));
}

const ruleNames = (refs: readonly WatchListRuleRef[]) => refs.map((ref) => `${ref.ruleId} ${ref.title}`).join('、');

/** A list held in the register: one only rules name (never filled) has no `updatedAt` and nothing to delete. */
export const isStoredList = (list: WatchListView | null): list is WatchListView => list !== null && list.updatedAt !== null;

/** Why the list cannot be deleted (an enabled rule reads it; the server answers 409 too), or null. */
export function deleteListBlocker(list: WatchListView): string | null {
  const enabled = list.referencedBy.filter((ref) => ref.enabled);
  return enabled.length ? zh.watchLists.deleteBlocked(ruleNames(enabled)) : null;
}

/** The question before deleting: the list and its count of names, and the disabled rules that still name it. */
export function deleteListConfirm(list: WatchListView): string {
  const disabled = list.referencedBy.filter((ref) => !ref.enabled);
  const question = zh.watchLists.confirmDeleteList(list.name, list.entryCount);
  return disabled.length ? `${question}${zh.watchLists.confirmDeleteDisabledRules(ruleNames(disabled))}` : question;
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
 * and page through its names. `watchlist.manage` adds names (pasted or from a file), edits notes,
 * removes names and deletes a list no enabled rule uses; each change re-screens the court's cases
 * when an enabled rule uses the list.
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

  const fileReading = ref(false);

  /** Appends the names of an XLSX, TXT or CSV file to the paste box, for review before adding. */
  async function readFile(file: File): Promise<void> {
    const checked = classifyListFile(file);
    if ('problem' in checked) {
      ElMessage.error({ message: checked.problem, grouping: true, showClose: true });
      return;
    }
    fileReading.value = true;
    try {
      const form = addDialog.form.value;
      if (checked.kind === 'xlsx') {
        const { sheet, entries } = await readWatchListXlsx(file);
        form.text = appendEntriesToPasteBox(form.text, entries);
        showSuccess(zh.watchLists.fileReadSheet(file.name, sheet, entries.length));
      } else {
        const text = decodeListFile(await file.arrayBuffer());
        form.text = appendToPasteBox(form.text, text);
        showSuccess(zh.watchLists.fileRead(file.name, readPastedNames(text).entries.length));
      }
    } catch (error) {
      showError(error);
    } finally {
      fileReading.value = false;
    }
  }

  const canDeleteList = computed(() => isStoredList(current.value));
  const deleteBlockedBy = computed(() => (current.value ? deleteListBlocker(current.value) : null));

  /** Deletes the open list with all its names, after a confirmation that counts them; then opens another list. */
  async function deleteList(): Promise<void> {
    const target = current.value;
    if (!isStoredList(target) || deleteListBlocker(target)) return;
    const result = await runRowAction({
      confirm: deleteListConfirm(target),
      confirmText: zh.watchLists.deleteList,
      run: () => deleteWatchList(target.name, courtId.value || undefined),
      // Also after a 409: the rules that now use the list show, and the button turns disabled.
      reload: async () => {
        await loadLists();
        if (!lists.value.some((l) => l.name === listName.value)) listName.value = lists.value[0]?.name ?? '';
        selected.value = [];
        await list.search();
      },
    });
    if (result) showSuccess(zh.watchLists.listDeleted(result.name, result.removed));
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

  return {
    auth,
    courtId,
    lists,
    listsLoading,
    listName,
    current,
    usedBy,
    inUse,
    selected,
    list,
    selectList,
    addDialog,
    readFile,
    fileReading,
    noteDialog,
    openNote,
    remove,
    canDeleteList,
    deleteBlockedBy,
    deleteList,
  };
}
