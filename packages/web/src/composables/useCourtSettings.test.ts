import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { z } from 'zod';
import { ApiError } from '../api/http';
import { useAuthStore } from '../stores/auth';
import { useCourtSettings } from './useCourtSettings';

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessage: Object.assign(vi.fn(), { warning: vi.fn(), error: vi.fn(), success: vi.fn() }),
}));

const Input = z.object({ days: z.number().int().min(1, { message: '天数至少为 1' }), version: z.number() });
type View = { days: number; version: number; updatedBy: string };

function setUp(put: (courtId: string, input: z.infer<typeof Input>) => Promise<View>) {
  const get = vi.fn(async (): Promise<View> => ({ days: 15, version: 3, updatedBy: '管理员' }));
  const settings = effectScope().run(() =>
    useCourtSettings<View, { days: number }, z.infer<typeof Input>>({
      blank: { days: 0 },
      toForm: (view) => ({ days: view.days }),
      parse: (value) => Input.safeParse(value),
      get,
      put: vi.fn(put),
      savedMessage: '已保存',
    }),
  )!;
  return { settings, get };
}

beforeEach(() => {
  setActivePinia(createPinia());
  useAuthStore().setSession({ account: { courtId: 'court-1' } } as Parameters<ReturnType<typeof useAuthStore>['setSession']>[0]);
});

describe('useCourtSettings', () => {
  it('loads the user’s court, saves with the loaded version and takes the answer', async () => {
    const put = vi.fn(async (_court: string, input: { days: number; version: number }) => ({ days: input.days, version: input.version + 1, updatedBy: '张三' }));
    const { settings, get } = setUp(put);
    await vi.waitFor(() => expect(settings.view.value?.version).toBe(3));
    expect(get).toHaveBeenCalledWith('court-1');
    settings.form.days = 20;
    await settings.save();
    expect(put).toHaveBeenCalledWith('court-1', { days: 20, version: 3 });
    expect(settings.view.value).toMatchObject({ version: 4, updatedBy: '张三' });
  });

  it('names a problem under its field before asking the server, and the server’s 400 fields after', async () => {
    const put = vi.fn(async (): Promise<View> => {
      throw new ApiError(400, 'invalid_input', '输入有误', null, [{ path: 'days', message: '超出本院上限' }]);
    });
    const { settings } = setUp(put);
    await vi.waitFor(() => expect(settings.view.value).not.toBeNull());
    settings.form.days = 0;
    await settings.save();
    expect(put).not.toHaveBeenCalled();
    expect(settings.errors.value).toEqual({ days: '天数至少为 1' });
    settings.form.days = 400;
    await settings.save();
    expect(settings.errors.value).toEqual({ days: '超出本院上限' });
  });
});
