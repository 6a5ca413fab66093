import { buildTree, childCourtLevel, courtLevelLabel, type CourtLevel, type CourtView } from '@courtrisk/core';
import { computed } from 'vue';
import { createCourt, updateCourt } from '../../api/courts';
import { showError } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { useCourtStore } from '../../stores/courts';

interface CourtForm {
  parentId: string;
  code: string;
  name: string;
  sort: number;
}

export function useCourts() {
  const courtStore = useCourtStore();
  const tree = computed(() => buildTree(courtStore.courts));
  const reload = () => courtStore.load(true).catch(showError);

  const dialog = useFormDialog<CourtForm, CourtView>({
    blank: () => ({ parentId: '', code: '', name: '', sort: 0 }),
    save: ({ parentId, code, name, sort }, court) =>
      court
        ? updateCourt(court.id, { code, name, sort, version: court.version })
        : createCourt({ parentId, code, name, sort }),
    onSaved: reload,
    onConflict: reload,
  });

  const parent = computed(() => courtStore.courts.find((court) => court.id === dialog.form.value.parentId));
  /** The level the new court gets, fixed by its parent's (中院 → 基层). */
  const newCourtLevel = computed(() => (parent.value ? childCourtLevel(parent.value.level) : undefined));

  const canHaveChildren = (court: CourtView) => childCourtLevel(court.level) !== undefined;
  const levelLabel = (level: CourtLevel) => courtLevelLabel[level];

  function openCreateUnder(court: CourtView): void {
    dialog.openCreate({ parentId: court.id });
  }

  function openEdit(court: CourtView): void {
    dialog.openEdit(court, { parentId: court.parentId ?? '', code: court.code, name: court.name, sort: court.sort });
  }

  void reload();

  return { courtStore, tree, dialog, parent, newCourtLevel, canHaveChildren, levelLabel, openCreateUnder, openEdit };
}
