import type { PetitionView } from '@courtrisk/core';
import { ApiError } from '../../api/http';
import { updatePetition } from '../../api/petitions';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { blankPetitionForm, petitionFormValues, toPetitionUpdate, type PetitionForm } from './usePetitioners';
import { usePetitionerSearch } from './usePetitionerSearch';

/**
 * 编辑信访件: the 登记来访 form pre-filled with the record, sent with the version it was read at.
 * A 409 (someone else saved first) says so in words that match what happens next — the page
 * reloads the record — instead of asking the clerk to refresh by hand.
 */
export function usePetitionEdit(onChanged: (petition?: PetitionView) => void | Promise<void>) {
  const search = usePetitionerSearch();

  const dialog = useFormDialog<PetitionForm, PetitionView, PetitionView>({
    blank: blankPetitionForm,
    async save(form, petition) {
      try {
        return await updatePetition(petition!.id, toPetitionUpdate(form, petition!.version));
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) throw new ApiError(409, error.code, zh.petitions.editPetitionConflict, error.requestId);
        throw error;
      }
    },
    onSaved: (petition) => onChanged(petition),
    onConflict: () => onChanged(),
  });

  function open(petition: PetitionView) {
    search.people.value = [];
    dialog.openEdit(petition, petitionFormValues(petition));
  }

  return { dialog, open, search };
}
