import type { RiskView } from '@courtrisk/core';
import { ElMessageBox } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import * as risksApi from '../../api/risks';
import { reassignFormOf, reassignmentOf, useRiskReassign } from './useRiskReassign';

vi.mock('../../api/risks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/risks')>()),
  reassignRisk: vi.fn(),
}));
vi.mock('../../components/feedback', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../components/feedback')>()),
  showError: vi.fn(),
  showSuccess: vi.fn(),
}));
const reassignRisk = vi.mocked(risksApi.reassignRisk);
const alert = vi.spyOn(ElMessageBox, 'alert').mockResolvedValue('confirm' as never);

const OWNER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const CHIEF = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const DEPT = '3f2b1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
const risk = { id: 'r1', version: 4, ownerId: OWNER, ownerName: '风险办专员', departmentId: DEPT, tags: ['欠薪'] } as unknown as RiskView;

beforeEach(() => {
  setActivePinia(createPinia());
  reassignRisk.mockReset();
  alert.mockClear();
});

describe('调整责任人', () => {
  it('sends only what changed, trimmed and without duplicate tags', () => {
    const form = reassignFormOf(risk);
    expect(form).toEqual({ ownerId: OWNER, departmentId: DEPT, tags: ['欠薪'] });
    expect(reassignmentOf(risk, form)).toBeNull();
    expect(reassignmentOf(risk, { ...form, ownerId: CHIEF })).toEqual({ ownerId: CHIEF });
    expect(reassignmentOf(risk, { ...form, tags: ['欠薪', ' 涉众 ', '涉众', ''] })).toEqual({ tags: ['欠薪', '涉众'] });
    expect(reassignmentOf(risk, { ...form, tags: [] })).toEqual({ tags: [] });
    // An owner or department cannot be removed, only replaced: an emptied picker changes nothing.
    expect(reassignmentOf(risk, { ...form, ownerId: undefined, departmentId: undefined })).toBeNull();
  });

  it('opens on the current assignment and saves the change with the version last read, then reloads', async () => {
    const reload = vi.fn(async () => undefined);
    const state = useRiskReassign(reload);
    reassignRisk.mockResolvedValue(risk);
    state.open(risk);
    expect(state.dialog.form.value).toEqual({ ownerId: OWNER, departmentId: DEPT, tags: ['欠薪'] });
    state.dialog.form.value.ownerId = CHIEF;
    await state.dialog.submit();
    expect(reassignRisk).toHaveBeenCalledWith('r1', { ownerId: CHIEF, version: 4 });
    expect(reload).toHaveBeenCalledOnce();
    expect(state.dialog.visible.value).toBe(false);
  });

  it('keeps the dialog open when nothing changed', async () => {
    const state = useRiskReassign(vi.fn());
    state.open(risk);
    await state.dialog.submit();
    expect(reassignRisk).not.toHaveBeenCalled();
    expect(state.dialog.visible.value).toBe(true);
  });

  it('asks to reload when the risk changed meanwhile or was closed (409)', async () => {
    const reload = vi.fn(async () => undefined);
    const state = useRiskReassign(reload);
    reassignRisk.mockRejectedValue(new ApiError(409, 'stale_version', '数据已被他人修改'));
    state.open(risk);
    state.dialog.form.value.tags = [];
    await state.dialog.submit();
    expect(alert).toHaveBeenCalledWith(expect.stringContaining('请重新加载'), '风险已更新', expect.objectContaining({ confirmButtonText: '重新加载' }));
    expect(reload).toHaveBeenCalledOnce();
  });
});
