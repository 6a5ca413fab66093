import type { OpinionWarningListItem, Permission, PetitionWarningListItem, RiskLevel, WarningToRiskInput } from '@courtrisk/core';
import { ref, watch } from 'vue';
import { useRoute, useRouter, type RouteLocationRaw } from 'vue-router';
import { confirmOpinionWarning } from '../../api/opinion';
import { confirmPetitionWarning } from '../../api/petitions';
import { listOpinionWarnings, listPetitionWarnings, type SourceWarningFilters } from '../../api/warnings';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';

/** The tabs of 预警列表: case warnings, and petition / opinion warnings (issue: one list for all warnings). */
export type WarningTab = 'case' | 'petition' | 'opinion';
export type SourceWarningKind = Exclude<WarningTab, 'case'>;
export type SourceWarningRow = PetitionWarningListItem | OpinionWarningListItem;

/** Each source list needs its module's read permission besides warning.read (the page's own). */
const TAB_PERMISSION: Record<SourceWarningKind, Permission> = { petition: 'petition.read', opinion: 'opinion.read' };

/** The tabs this account sees, in page order. */
export function visibleWarningTabs(can: (permission: Permission) => boolean): WarningTab[] {
  return ['case', ...(['petition', 'opinion'] as const).filter((kind) => can(TAB_PERMISSION[kind]))];
}

/** The tab to open on: `?tab=petition` (from the 工作台 or a risk's 关联预警) when the account sees it, else 案件预警. */
export function initialWarningTab(requested: unknown, visible: readonly WarningTab[]): WarningTab {
  return visible.find((tab) => tab === requested) ?? 'case';
}

/**
 * The open tab, kept in the URL as `?tab=` (none for 案件预警), so Back from a case or a petitioner
 * returns to the tab the user was on; a link to another tab while the page is open switches to it.
 */
export function useWarningTab(visible: () => readonly WarningTab[]) {
  const route = useRoute();
  const router = useRouter();
  const listRoute = route.name;
  const tab = ref<WarningTab>(initialWarningTab(route.query.tab, visible()));
  watch(tab, (next) => {
    if (initialWarningTab(route.query.tab, visible()) === next) return;
    const { tab: _previous, ...rest } = route.query;
    void router.replace({ query: next === 'case' ? rest : { ...rest, tab: next } });
  });
  watch(
    () => route.query.tab,
    (requested) => {
      if (route.name === listRoute) tab.value = initialWarningTab(requested, visible());
    },
  );
  return tab;
}

/** Where the warning's subject opens: the petitioner page, or the opinion item page; null when it names no one. */
export function subjectOf(kind: SourceWarningKind, row: SourceWarningRow): { text: string; to: RouteLocationRaw } | null {
  if (kind === 'opinion') {
    const item = row as OpinionWarningListItem;
    return { text: item.itemTitle, to: { name: 'opinionDetail', params: { id: item.itemId } } };
  }
  const warning = row as PetitionWarningListItem;
  return warning.petitionerId && warning.petitionerName ? { text: warning.petitionerName, to: { name: 'petitionerDetail', params: { id: warning.petitionerId } } } : null;
}

/** 转为风险 is offered for pending warnings still raised (petition warnings may lapse; opinion ones do not). */
export const canTurnIntoRisk = (row: SourceWarningRow) => row.status === 'pending' && (!('active' in row) || row.active);

/** Pending first, as on the case tab. */
const blankFilters = (): SourceWarningFilters => ({ status: 'pending', level: undefined, courtId: undefined });

const SOURCES = {
  petition: { fetch: listPetitionWarnings, save: confirmPetitionWarning, subjectLabel: zh.warnings.petitioner },
  opinion: { fetch: listOpinionWarnings, save: confirmOpinionWarning, subjectLabel: zh.warnings.opinionItem },
} as const;

/** One source tab: its filtered list, and the 转为风险 dialog's warning (WarningToRiskDialog). */
export function useSourceWarningList(kind: SourceWarningKind) {
  const source = SOURCES[kind];
  const list = usePagedList<SourceWarningFilters, SourceWarningRow>(source.fetch, blankFilters);
  const toRisk = ref<{ id: string; title: string; level: RiskLevel; version: number; courtId: string } | null>(null);
  const toRiskVisible = ref(false);

  function openToRisk(row: SourceWarningRow) {
    toRisk.value = { id: row.id, title: row.title, level: row.level, version: row.version, courtId: row.courtId };
    toRiskVisible.value = true;
  }
  const save = (id: string, input: WarningToRiskInput) => source.save(id, input);

  void list.load();

  return { list, toRisk, toRiskVisible, openToRisk, save, subjectLabel: source.subjectLabel, subject: (row: SourceWarningRow) => subjectOf(kind, row) };
}

/** The two states a petition or opinion warning can be in. */
export const sourceStatusOptions = [
  { value: 'pending' as const, label: zh.warningStatus.pending! },
  { value: 'confirmed' as const, label: zh.warningToRisk.inRisk },
];
