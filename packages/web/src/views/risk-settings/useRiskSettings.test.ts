import { DEFAULT_RISK_CLOCK_SETTINGS, DEFAULT_RISK_MATRIX, type RiskSettingsView } from '@courtrisk/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { ApiError } from '../../api/http';
import * as api from '../../api/risk-settings';
import { useRiskSettings } from './useRiskSettings';

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessage: Object.assign(vi.fn(), { warning: vi.fn(), error: vi.fn(), success: vi.fn() }),
}));
vi.mock('../../api/risk-settings', () => ({ getRiskSettings: vi.fn(), saveRiskSettings: vi.fn() }));

const view = (overrides: Partial<RiskSettingsView> = {}): RiskSettingsView => ({
  courtId: 'c1',
  matrix: structuredClone(DEFAULT_RISK_MATRIX),
  clocks: structuredClone(DEFAULT_RISK_CLOCK_SETTINGS),
  isDefault: true,
  updatedAt: null,
  version: 3,
  ...overrides,
});

async function loaded() {
  const settings = effectScope().run(() => useRiskSettings(ref('c1')))!;
  await vi.waitFor(() => expect(settings.current.value).not.toBeNull());
  return settings;
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.getRiskSettings).mockResolvedValue(view());
});

describe('useRiskSettings', () => {
  it('loads the court’s settings, clean until something changes', async () => {
    const settings = await loaded();
    expect(api.getRiskSettings).toHaveBeenCalledWith('c1');
    expect(settings.dirty.value).toBe(false);
    settings.form.value.matrix.bands.red = 16;
    expect(settings.dirty.value).toBe(true);
    expect(settings.grid.value[1]!.find((cell) => cell.score === 16)?.level).toBe('red');
  });

  it('shows the core rule at the field and refuses to send an invalid matrix', async () => {
    const settings = await loaded();
    settings.form.value.matrix.bands.orange = 22;
    expect(settings.errors.value['matrix.bands.red']).toBe('一级（红）起点分须大于二级（橙）起点分（22）');
    await settings.save();
    expect(api.saveRiskSettings).not.toHaveBeenCalled();
  });

  it('flags a more severe level given a longer clock than a less severe one', async () => {
    const settings = await loaded();
    settings.form.value.clocks.limits.red.firstAssessment = { amount: 5, unit: 'day' };
    expect(settings.errors.value['clocks.limits.red.firstAssessment']).toContain('不能长于二级（橙）');
  });

  it('saves with the version it loaded and takes the server’s answer', async () => {
    const settings = await loaded();
    settings.form.value.matrix.bands.red = 16;
    vi.mocked(api.saveRiskSettings).mockResolvedValue(view({ matrix: { version: 2, bands: { red: 16, orange: 12, yellow: 6 } }, isDefault: false, version: 4 }));
    await settings.save();
    expect(vi.mocked(api.saveRiskSettings).mock.calls[0]![1]).toMatchObject({ version: 3, matrix: { bands: { red: 16 } } });
    expect(settings.current.value?.version).toBe(4);
    expect(settings.dirty.value).toBe(false);
  });

  it('puts the server’s field messages on the fields, and clears them on the next edit', async () => {
    const settings = await loaded();
    settings.form.value.matrix.bands.red = 16;
    vi.mocked(api.saveRiskSettings).mockRejectedValue(
      new ApiError(400, 'invalid_input', '设置有误', null, [{ path: 'clocks.escalation.red.courtLeader', message: '时长不能超过一年' }]),
    );
    await settings.save();
    expect(settings.errors.value['clocks.escalation.red.courtLeader']).toBe('时长不能超过一年');
    settings.form.value.matrix.bands.red = 17;
    await nextTick();
    expect(settings.errors.value['clocks.escalation.red.courtLeader']).toBeUndefined();
  });

  it('restores the defaults in the form without saving, keeping the matrix revision', async () => {
    vi.mocked(api.getRiskSettings).mockResolvedValue(view({ matrix: { version: 5, bands: { red: 16, orange: 9, yellow: 4 } }, isDefault: false }));
    const settings = await loaded();
    settings.restoreDefaults();
    expect(settings.form.value.matrix).toEqual({ version: 5, bands: DEFAULT_RISK_MATRIX.bands });
    expect(settings.dirty.value).toBe(true);
    expect(api.saveRiskSettings).not.toHaveBeenCalled();
  });
});
