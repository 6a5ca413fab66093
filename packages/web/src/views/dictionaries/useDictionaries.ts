import { DEFAULT_DICTIONARIES, dictionaryTypeLabel, type DictionaryItemView } from '@courtrisk/core';
import { computed, ref, watch } from 'vue';
import {
  createDictionaryItem,
  deleteDictionaryItem,
  listDictionaryItems,
  updateDictionaryItem,
} from '../../api/dictionaries';
import { runRowAction } from '../../components/feedback';
import { useCourtScopedList } from '../../composables/useCourtScopedList';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';

interface DictionaryForm {
  type: string;
  code: string;
  label: string;
  sort: number;
}

export interface DictionaryType {
  type: string;
  label: string;
  count: number;
}

const STANDARD_TYPES = Object.keys(DEFAULT_DICTIONARIES);

export function useDictionaries() {
  const { courtId, rows, loading, reload } = useCourtScopedList(listDictionaryItems);

  /** Types with their Chinese name and item count: the standard ones in catalogue order, then the court's own. */
  const types = computed<DictionaryType[]>(() => {
    const byType = new Map<string, DictionaryType>();
    for (const item of rows.value) {
      const entry = byType.get(item.type) ?? { type: item.type, label: dictionaryTypeLabel(item.type), count: 0 };
      entry.count += 1;
      byType.set(item.type, entry);
    }
    const rank = (type: string) => {
      const index = STANDARD_TYPES.indexOf(type);
      return index === -1 ? STANDARD_TYPES.length : index;
    };
    return [...byType.values()].sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type));
  });

  const selectedType = ref('');
  watch(types, (list) => {
    if (!list.some((entry) => entry.type === selectedType.value)) selectedType.value = list[0]?.type ?? '';
  });

  const items = computed(() =>
    rows.value.filter((item) => item.type === selectedType.value).sort((a, b) => a.sort - b.sort),
  );

  const dialog = useFormDialog<DictionaryForm, DictionaryItemView, DictionaryItemView>({
    blank: () => ({ type: '', code: '', label: '', sort: 0 }),
    save: (form, item) =>
      item
        ? updateDictionaryItem(item.id, { label: form.label, sort: form.sort, version: item.version })
        : createDictionaryItem({ ...form, courtId: courtId.value }),
    onSaved: async (saved) => {
      await reload();
      selectedType.value = saved.type;
    },
    onConflict: reload,
  });

  function openCreate(): void {
    dialog.openCreate({ type: selectedType.value });
  }

  function openEdit(item: DictionaryItemView): void {
    dialog.openEdit(item, { type: item.type, code: item.code, label: item.label, sort: item.sort });
  }

  const toggleEnabled = (item: DictionaryItemView) =>
    runRowAction({
      confirm: zh.common.confirmToggle(!item.enabled, item.label),
      run: () => updateDictionaryItem(item.id, { enabled: !item.enabled, version: item.version }),
      success: zh.common.toggled(!item.enabled),
      reload,
    });

  const remove = (item: DictionaryItemView) =>
    runRowAction({
      confirm: zh.common.confirmDelete(item.label),
      confirmText: zh.common.delete,
      run: () => deleteDictionaryItem(item.id),
      success: zh.common.deleted,
      reload,
    });

  return { courtId, loading, types, selectedType, items, dialog, openCreate, openEdit, toggleEnabled, remove };
}
