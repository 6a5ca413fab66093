import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import * as risksApi from '../../api/risks';
import * as tasksApi from '../../api/tasks';
import { useAuthStore } from '../../stores/auth';
import { useRiskSummary } from '../risk-summary/useRiskSummary';
import { riskLinkOf, useMyTasks } from './useMyTasks';

vi.mock('../../api/tasks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/tasks')>()),
  listTasks: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 20 })),
}));
vi.mock('../../api/risks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/risks')>()),
  getRiskSummary: vi.fn(),
}));
vi.mock('../../components/feedback', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../components/feedback')>()),
  showError: vi.fn(),
}));
const listTasks = vi.mocked(tasksApi.listTasks);
const getRiskSummary = vi.mocked(risksApi.getRiskSummary);

beforeEach(() => {
  setActivePinia(createPinia());
  listTasks.mockClear();
  getRiskSummary.mockReset();
});

describe('我的任务', () => {
  it('lists only my tasks (mine=true, which needs no 查看风险), the earliest due first', async () => {
    const page = useMyTasks();
    await vi.waitFor(() => expect(listTasks).toHaveBeenCalledWith(expect.objectContaining({ mine: 'true', order: 'asc', page: 1 })));
    page.list.filters.overdue = 'true';
    await page.list.search();
    expect(listTasks).toHaveBeenLastCalledWith(expect.objectContaining({ mine: 'true', overdue: 'true' }));
    await page.list.resetFilters();
    expect(listTasks).toHaveBeenLastCalledWith(expect.objectContaining({ mine: 'true', overdue: undefined }));
  });

  it('links a task to its risk’s file for risk readers, else to the summary an assignee may see', () => {
    expect(riskLinkOf({ riskId: 'r1' }, true)).toEqual({ name: 'riskDetail', params: { id: 'r1' } });
    expect(riskLinkOf({ riskId: 'r1' }, false)).toEqual({ name: 'riskSummary', params: { id: 'r1' } });
    const auth = useAuthStore();
    vi.spyOn(auth, 'can').mockImplementation((permission) => permission !== 'risk.read');
    const page = useMyTasks();
    expect(page.riskLink({ riskId: 'r2' } as never)).toEqual({ name: 'riskSummary', params: { id: 'r2' } });
  });
});

describe('风险摘要', () => {
  it('shows the summary of a risk behind my tasks', async () => {
    getRiskSummary.mockResolvedValue({ id: 'r1', domain: 'financial', subtype: '非法集资', title: '某理财公司兑付困难' } as never);
    const page = useRiskSummary(() => 'r1');
    await vi.waitFor(() => expect(page.summary.value?.title).toBe('某理财公司兑付困难'));
    expect(page.domainText.value).toBe('金融 · 非法集资');
    expect(page.missing.value).toBe(false);
  });

  it('says "not found" for a risk none of whose tasks is mine (404)', async () => {
    getRiskSummary.mockRejectedValue(new ApiError(404, 'not_found', '未找到风险事项'));
    const page = useRiskSummary(() => 'r9');
    await vi.waitFor(() => expect(page.missing.value).toBe(true));
    expect(page.summary.value).toBeNull();
  });
});
