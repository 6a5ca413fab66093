import type { KeyPersonView } from '@courtrisk/core';
import { listKeyPersons, type KeyPersonFilters } from '../../api/petitions';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { labelOptions } from '../../utils/options';

export const reviewStatusOptions = labelOptions(zh.petitions.reviewStatusLabel);

/** Overdue reviews stand out in red, those due within 7 days in orange (Element Plus table row classes). */
export function keyPersonRowClass({ row }: { row: Pick<KeyPersonView, 'reviewStatus'> }): string {
  return row.reviewStatus === 'overdue' ? 'review-overdue' : row.reviewStatus === 'due_soon' ? 'review-due-soon' : '';
}

/** 剩余 3 天 / 超期 5 天 beside the next review date. */
export function reviewCountdown(view: Pick<KeyPersonView, 'daysLeft'>): string {
  return view.daysLeft < 0 ? zh.petitions.overdueBy(-view.daysLeft) : zh.petitions.daysLeft(view.daysLeft);
}

/** 重点人员 list (issue 6): ordered by the next review date, filtered by review status. */
export function useKeyPersons() {
  return usePagedList(listKeyPersons, (): KeyPersonFilters => ({ reviewStatus: undefined }));
}
