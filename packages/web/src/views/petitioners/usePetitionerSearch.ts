import type { PetitionerSummaryView } from '@courtrisk/core';
import { ref, shallowRef } from 'vue';
import { listPetitioners } from '../../api/petitions';
import { showError } from '../../components/feedback';

/** Remote search for a petitioner picker (by name; the first 50 of the court when empty). */
export function usePetitionerSearch() {
  const people = shallowRef<PetitionerSummaryView[]>([]);
  const searching = ref(false);

  async function searchPeople(keyword: string) {
    searching.value = true;
    try {
      people.value = (await listPetitioners({ keyword: keyword.trim() || undefined, pageSize: 50 })).items;
    } catch (error) {
      showError(error);
    } finally {
      searching.value = false;
    }
  }

  return { people, searching, searchPeople };
}
