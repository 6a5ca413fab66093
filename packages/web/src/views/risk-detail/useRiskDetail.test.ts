import type { RiskLinkedWarning, RiskView } from '@courtrisk/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as risksApi from '../../api/risks';
import { showError } from '../../components/feedback';
import { useRiskDetail } from './useRiskDetail';

vi.mock('../../components/feedback', () => ({ showError: vi.fn() }));
vi.mock('../../api/risks', () => ({
  getRisk: vi.fn(),
  getRiskTimeline: vi.fn(),
  listAssessments: vi.fn(),
  listRiskTasks: vi.fn(),
  listInstructions: vi.fn(),
  listRiskWarnings: vi.fn(),
  riskDossierUrl: (id: string) => `/api/v1/risks/${id}/dossier.pdf`,
}));
const api = vi.mocked(risksApi);

const COURT = '11111111-1111-4111-8111-111111111111';
const linked: RiskLinkedWarning[] = [
  { source: 'opinion', id: 'ow1', title: '负面舆情热度较高', level: 'orange', domain: 'social_stability', courtId: COURT, createdAt: '2026-03-03T02:00:00.000Z', itemId: 'i1', itemTitle: '网帖', subtype: '社会广泛关注', summary: '热度 80' },
  { source: 'case', id: 'w1', title: '非法集资风险', level: 'red', domain: 'financial', courtId: COURT, createdAt: '2026-03-02T02:00:00.000Z', caseId: 'c1', caseNumber: '(2025)示01民初7号', subtype: '非法集资', summary: null },
];

beforeEach(() => {
  vi.mocked(showError).mockClear();
  api.getRisk.mockResolvedValue({ id: 'r1', domain: 'financial', subtype: '非法集资', clocks: [] } as unknown as RiskView);
  for (const list of [api.getRiskTimeline, api.listAssessments, api.listRiskTasks, api.listInstructions]) list.mockResolvedValue({ items: [] } as never);
});

describe('useRiskDetail · 关联预警', () => {
  it('loads the linked warnings of every source the server lets the account read', async () => {
    api.listRiskWarnings.mockResolvedValue({ items: linked });
    const page = useRiskDetail(() => 'r1');
    await vi.waitFor(() => expect(page.loading.value).toBe(false));
    expect(api.listRiskWarnings).toHaveBeenCalledWith('r1');
    expect(page.warnings.value.map((w) => `${w.source}:${w.id}`)).toEqual(['opinion:ow1', 'case:w1']);
    expect(showError).not.toHaveBeenCalled();
  });

  it('still shows the risk when the linked warnings fail to load, with one message', async () => {
    api.listRiskWarnings.mockRejectedValue(new Error('网络错误'));
    const page = useRiskDetail(() => 'r1');
    await vi.waitFor(() => expect(page.loading.value).toBe(false));
    expect(page.risk.value?.id).toBe('r1');
    expect(page.warnings.value).toEqual([]);
    expect(showError).toHaveBeenCalledTimes(1);
  });
});
