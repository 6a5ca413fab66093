import type { PetitionView } from '@courtrisk/core';
import { computed } from 'vue';
import { getPetition, listPetitions, petitionsExportUrl, type PetitionFilters } from '../../api/petitions';
import { showError } from '../../components/feedback';
import { useDateRange } from '../../composables/useDateRange';
import { usePagedList } from '../../composables/usePagedList';

/** Newest first: staff look at the latest petitions. */
export const blankPetitionFilters = (): PetitionFilters => ({ order: 'desc', keyword: '', channel: undefined, nature: undefined, flag: undefined, outcome: undefined, from: undefined, to: undefined });

/** 信访件 list (issue 6): every petition of the court, filtered by channel, received date, nature, flag and outcome; XLSX with the same filters. */
export function usePetitionList() {
  const list = usePagedList(listPetitions, blankPetitionFilters);
  const dateRange = useDateRange(list.filters);
  const exportUrl = computed(() => petitionsExportUrl(list.query()));

  /** The whole record for 编辑 (a list row is a summary); undefined when it could not be read (the error is shown). */
  async function fetchForEdit(id: string): Promise<PetitionView | undefined> {
    try {
      return await getPetition(id);
    } catch (error) {
      showError(error);
      return undefined;
    }
  }

  return { list, dateRange, exportUrl, fetchForEdit };
}
