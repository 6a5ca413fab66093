import type { OpinionWarningListItem, Paged, PetitionWarningListItem } from '@courtrisk/core';
import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import * as opinionApi from '../../api/opinion';
import * as petitionsApi from '../../api/petitions';
import * as warningsApi from '../../api/warnings';
import { canTurnIntoRisk, initialWarningTab, subjectOf, useSourceWarningList, useWarningTab, visibleWarningTabs } from './useSourceWarningList';

const { route, replace, mockModule } = await vi.hoisted(async () => (await import('../../composables/fake-router')).fakeRouter('warnings'));
vi.mock('vue-router', mockModule);
vi.mock('../../components/feedback', () => ({ showError: vi.fn() }));
vi.mock('../../api/warnings', () => ({ listPetitionWarnings: vi.fn(), listOpinionWarnings: vi.fn() }));
vi.mock('../../api/petitions', () => ({ confirmPetitionWarning: vi.fn() }));
vi.mock('../../api/opinion', () => ({ confirmOpinionWarning: vi.fn() }));

const COURT = '11111111-1111-4111-8111-111111111111';
const base = { ruleId: 'R', ruleVersion: 1, domain: 'social_stability', subtype: '涉诉信访', level: 'orange' as const, title: '重复信访', explanation: '', caseIds: [], riskId: null, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z', version: 2, courtId: COURT };
const petition = (over: Partial<PetitionWarningListItem> = {}): PetitionWarningListItem => ({
  ...base, id: 'pw1', escalated: false, suggestedAction: '', petitionId: null, petitionerIds: ['p1'], active: true, status: 'pending', petitionerId: 'p1', petitionerName: '张某', ...over,
});
const opinion = (over: Partial<OpinionWarningListItem> = {}): OpinionWarningListItem => ({ ...base, id: 'ow1', pack: 'opinion', evidence: [], status: 'pending', itemId: 'i1', itemTitle: '网帖', ...over });
const paged = <T>(items: T[]): Paged<T> => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('预警列表 source tabs', () => {
  it('shows the petition and opinion tabs only with their read permission', () => {
    expect(visibleWarningTabs(() => false)).toEqual(['case']);
    expect(visibleWarningTabs((p) => p === 'opinion.read')).toEqual(['case', 'opinion']);
    expect(visibleWarningTabs(() => true)).toEqual(['case', 'petition', 'opinion']);
  });

  it('opens on the tab the link asks for (?tab=petition), when the account sees it', () => {
    expect(initialWarningTab('petition', ['case', 'petition', 'opinion'])).toBe('petition');
    expect(initialWarningTab('petition', ['case', 'opinion'])).toBe('case');
    expect(initialWarningTab(undefined, ['case', 'petition'])).toBe('case');
    expect(initialWarningTab(['opinion'], ['case', 'opinion'])).toBe('case');
  });

  it('keeps the tab in the URL beside the case tab’s filters, and follows a link to another tab', async () => {
    route.query = { tab: 'petition', status: '' };
    const tab = useWarningTab(() => ['case', 'petition']);
    expect(tab.value).toBe('petition');
    tab.value = 'case';
    await nextTick();
    expect(replace).toHaveBeenLastCalledWith({ query: { status: '' } });
    route.query = { status: '', tab: 'petition' };
    await nextTick();
    expect(tab.value).toBe('petition');
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('links the subject: the petitioner page, the opinion item page, nothing when no person is named', () => {
    expect(subjectOf('petition', petition())).toEqual({ text: '张某', to: { name: 'petitionerDetail', params: { id: 'p1' } } });
    expect(subjectOf('petition', petition({ petitionerId: null, petitionerName: null }))).toBeNull();
    expect(subjectOf('opinion', opinion())).toEqual({ text: '网帖', to: { name: 'opinionDetail', params: { id: 'i1' } } });
  });

  it('offers 转为风险 only for pending warnings still raised', () => {
    expect(canTurnIntoRisk(petition())).toBe(true);
    expect(canTurnIntoRisk(petition({ active: false }))).toBe(false);
    expect(canTurnIntoRisk(petition({ status: 'confirmed', riskId: 'r1' }))).toBe(false);
    expect(canTurnIntoRisk(opinion())).toBe(true);
  });

  it('loads pending warnings of its kind and confirms through its own endpoint', async () => {
    vi.mocked(warningsApi.listPetitionWarnings).mockResolvedValue(paged([petition()]));
    vi.mocked(warningsApi.listOpinionWarnings).mockResolvedValue(paged([opinion()]));
    const petitions = useSourceWarningList('petition');
    await vi.waitFor(() => expect(petitions.list.rows.value).toHaveLength(1));
    expect(warningsApi.listPetitionWarnings).toHaveBeenCalledWith({ status: 'pending', level: undefined, courtId: undefined, page: 1, pageSize: 20 });

    petitions.openToRisk(petitions.list.rows.value[0]!);
    expect(petitions.toRiskVisible.value).toBe(true);
    expect(petitions.toRisk.value).toEqual({ id: 'pw1', title: '重复信访', level: 'orange', version: 2, courtId: COURT });
    const input = { version: 2, note: '', risk: { mode: 'join' as const, riskId: 'r1' } };
    await petitions.save('pw1', input);
    expect(petitionsApi.confirmPetitionWarning).toHaveBeenCalledWith('pw1', input);

    const opinions = useSourceWarningList('opinion');
    await vi.waitFor(() => expect(opinions.list.rows.value).toHaveLength(1));
    await opinions.save('ow1', input);
    expect(opinionApi.confirmOpinionWarning).toHaveBeenCalledWith('ow1', input);
  });
});
