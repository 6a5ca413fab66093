import type { RiskView } from '@courtrisk/core';
import { ElMessageBox } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import * as risksApi from '../../api/risks';
import { useRiskAction } from './useRiskAction';

vi.mock('../../api/risks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/risks')>()),
  applyRiskAction: vi.fn(),
}));
vi.mock('../../components/feedback', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../components/feedback')>()),
  showError: vi.fn(),
  showSuccess: vi.fn(),
}));
const applyRiskAction = vi.mocked(risksApi.applyRiskAction);
const alert = vi.spyOn(ElMessageBox, 'alert').mockResolvedValue('confirm' as never);

const risk = { id: 'r1', version: 7, level: 'yellow', score: { likelihood: 2, impact: 4, criteria: { matrixVersion: 1, bands: { red: 20, orange: 12, yellow: 6 } } } } as unknown as RiskView;

beforeEach(() => {
  setActivePinia(createPinia());
  applyRiskAction.mockReset();
  alert.mockClear();
});

describe('useRiskAction', () => {
  it('sends the action’s payload with the version last read, then reloads the risk', async () => {
    const reload = vi.fn(async () => undefined);
    const state = useRiskAction(() => risk, reload);
    applyRiskAction.mockResolvedValue(risk);
    state.open('reportUpward');
    expect(state.title.value).toBe('上报上级法院');
    state.dialog.form.value.note = ' 涉众人数持续增加 ';
    await state.dialog.submit();
    expect(applyRiskAction).toHaveBeenCalledWith('r1', { action: 'reportUpward', note: '涉众人数持续增加', version: 7 });
    expect(reload).toHaveBeenCalledOnce();
    expect(state.dialog.visible.value).toBe(false);
  });

  it('does not send a payload the server would refuse', async () => {
    const state = useRiskAction(() => risk, vi.fn());
    state.open('resolve');
    state.dialog.form.value.resolutionSummary = '已化解';
    await state.dialog.submit();
    expect(applyRiskAction).not.toHaveBeenCalled();
    expect(state.dialog.visible.value).toBe(true);
  });

  it('asks to reload when someone else changed the risk meanwhile (409)', async () => {
    const reload = vi.fn(async () => undefined);
    const state = useRiskAction(() => risk, reload);
    applyRiskAction.mockRejectedValue(new ApiError(409, 'stale_version', '数据已被他人修改'));
    state.open('startAssessment');
    await state.dialog.submit();
    expect(alert).toHaveBeenCalledWith(expect.stringContaining('请重新加载'), '风险已更新', expect.objectContaining({ confirmButtonText: '重新加载' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('shows the new level of a re-scoring on the risk’s own criteria', () => {
    const state = useRiskAction(() => risk, vi.fn());
    state.open('recordAssessment');
    expect(state.newScore.value).toMatchObject({ score: 8, level: 'yellow' });
    state.dialog.form.value.likelihood = 4;
    state.dialog.form.value.impact = 5;
    expect(state.newScore.value).toMatchObject({ score: 20, level: 'red' });
  });
});
