import { FOUR_CATEGORIES, type FourCategoryCaseRow, type FourCategoryListQuery } from '@courtrisk/core';
import { computed, shallowRef } from 'vue';
import { fourCategoriesExportUrl, listFourCategoryCases } from '../../api/four-categories';
import { showError } from '../../components/feedback';
import { usePagedList } from '../../composables/usePagedList';
import { useCourtStore } from '../../stores/courts';

type Filters = Pick<Partial<FourCategoryListQuery>, 'courtId' | 'category' | 'open'>;
type Counts = Awaited<ReturnType<typeof listFourCategoryCases>>['counts'];

export const categoryFilterOptions = FOUR_CATEGORIES.map((c) => ({ value: c.code, label: `${c.ordinal}${c.label}` }));
export const categoryShort = (code: string) => FOUR_CATEGORIES.find((c) => c.code === code)?.ordinal ?? code;

/** 四类案件 list: labelled cases in scope, the per-department counts that came with the same answer, and the XLSX of the same filters. */
export function useFourCategoryList() {
  void useCourtStore().load().catch(showError);
  const counts = shallowRef<Counts>([]);
  // The counts arrive with each page; keep them beside the rows the paged list holds.
  const list = usePagedList<Filters, FourCategoryCaseRow>(async (query) => {
    const answer = await listFourCategoryCases(query);
    counts.value = answer.counts;
    return answer;
  }, () => ({ courtId: undefined, category: undefined, open: undefined }));
  void list.load();
  const exportUrl = computed(() => fourCategoriesExportUrl(list.query()));
  return { list, counts, exportUrl };
}
