import { SAVED_FILTER_LIMIT, type SavedFilterInput, type SavedFilterPage, type SavedFilterView } from '@courtrisk/core';
import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, ref, shallowRef } from 'vue';
import { createSavedFilter, deleteSavedFilter, listSavedFilters } from '../api/saved-filters';
import { runRowAction, showError, showSuccess } from '../components/feedback';
import { zh } from '../locales/zh-CN';

export const SAVED_FILTER_NAME_MAX = 30;

/** Paging is where the user was, not what they filter by, so it is never saved. */
const NOT_A_FILTER = new Set(['page', 'pageSize']);

const isEmptyValue = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The filter values worth saving: no paging, no empty fields, keys in a stable order. */
export function filterValues(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([key, value]) => !NOT_A_FILTER.has(key) && !isEmptyValue(value))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Whether two queries filter the same way (ignoring paging, empty fields and key order). */
export function sameFilters(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(filterValues(a)) === JSON.stringify(filterValues(b));
}

function validateName(value: string): true | string {
  const name = value.trim();
  if (!name) return zh.savedFilters.nameRequired;
  return name.length <= SAVED_FILTER_NAME_MAX || zh.savedFilters.nameTooLong(SAVED_FILTER_NAME_MAX);
}

/** Asks for a name; null when the user cancels. */
async function promptName(): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(zh.savedFilters.namePrompt, zh.savedFilters.save, {
      confirmButtonText: zh.common.save,
      cancelButtonText: zh.common.cancel,
      inputPlaceholder: zh.savedFilters.namePlaceholder(SAVED_FILTER_NAME_MAX),
      inputValidator: validateName,
    });
    return value.trim();
  } catch {
    return null;
  }
}

/** The signed-in account's saved filters of one list page: load, save the current filters, delete. */
export function useSavedFilters(page: SavedFilterPage) {
  const filters = shallowRef<SavedFilterView[]>([]);
  const loading = ref(false);
  const saving = ref(false);
  /** The server keeps at most SAVED_FILTER_LIMIT per page; say so before the user types a name. */
  const full = computed(() => filters.value.length >= SAVED_FILTER_LIMIT);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      filters.value = (await listSavedFilters(page)).items;
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  /** Saves `query` under a name the user types; resolves to the new filter, or undefined. */
  async function saveCurrent(query: Record<string, unknown>): Promise<SavedFilterView | undefined> {
    const values = filterValues(query);
    if (Object.keys(values).length === 0) {
      ElMessage.info({ message: zh.savedFilters.nothingToSave, grouping: true });
      return undefined;
    }
    const name = await promptName();
    if (name === null) return undefined;
    saving.value = true;
    try {
      // List filters are plain text, numbers, booleans and text lists; the server validates the rest.
      const created = await createSavedFilter({ page, name, query: values as SavedFilterInput['query'] });
      showSuccess(zh.savedFilters.saved(created.name));
      await load();
      return created;
    } catch (error) {
      showError(error);
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  const remove = (filter: SavedFilterView) =>
    runRowAction({
      confirm: zh.savedFilters.confirmDelete(filter.name),
      confirmText: zh.common.delete,
      run: () => deleteSavedFilter(filter.id),
      success: zh.common.deleted,
      reload: load,
    });

  return { filters, loading, saving, full, load, saveCurrent, remove };
}
