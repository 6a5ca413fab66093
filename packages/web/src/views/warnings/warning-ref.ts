import { WARNING_SOURCES, type WarningRef, type WarningSource } from '@courtrisk/core';
import type { RouteLocationRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/** The source tag's colour: 案件 plain, 信访 and 舆情 set apart. */
export const WARNING_SOURCE_TAG: Record<WarningSource, 'info' | 'warning' | 'success'> = { case: 'info', petition: 'warning', opinion: 'success' };

/**
 * Where a warning named outside its list (工作台, a risk's 关联预警) opens — what its 预警列表 tab links
 * to: the case, the petitioner, the opinion item. A petition warning that names no one (the tab shows
 * “—”) opens the 信访预警 tab instead, so every row leads somewhere.
 */
export function warningRefSubject(ref: WarningRef): { text: string; to: RouteLocationRaw } {
  switch (ref.source) {
    case 'case':
      return { text: ref.caseNumber, to: { name: 'caseDetail', params: { id: ref.caseId } } };
    case 'petition':
      return ref.petitionerId && ref.petitionerName
        ? { text: ref.petitionerName, to: { name: 'petitionerDetail', params: { id: ref.petitionerId } } }
        : { text: zh.warningSource.petitionList, to: { name: 'warnings', query: { tab: 'petition' } } };
    case 'opinion':
      return { text: ref.itemTitle, to: { name: 'opinionDetail', params: { id: ref.itemId } } };
  }
}

/**
 * “案件 3 · 信访 2 · 舆情 1” for the sources the account may read (null counts are sources it may not);
 * null when only one source is readable, where the total says it all.
 */
export function warningSourceBreakdown(bySource: Record<WarningSource, number | null>): string | null {
  const parts = WARNING_SOURCES.flatMap((source) => {
    const count = bySource[source];
    return count === null ? [] : [{ label: zh.warningSource.labels[source], count }];
  });
  return parts.length > 1 ? zh.warningSource.breakdown(parts) : null;
}
