import type { PetitionView } from '@courtrisk/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import { updatePetition } from '../../api/petitions';
import { showError, showSuccess } from '../../components/feedback';
import { usePetitionEdit } from './usePetitionEdit';

vi.mock('../../api/petitions', () => ({ updatePetition: vi.fn(), listPetitioners: vi.fn() }));
vi.mock('../../components/feedback', () => ({ showError: vi.fn(), showSuccess: vi.fn() }));

const petition = {
  id: 'pt1',
  channel: 'visit',
  receivedOn: '2026-02-20',
  headcount: 1,
  venueLevel: 'intermediate',
  forwardedBy: null,
  nature: 'non_litigation',
  content: '反映执行款未到账',
  demands: '尽快发放',
  outcome: 'pending',
  petitioners: [{ id: 'a', name: '甲' }],
  cases: [],
  version: 4,
} as unknown as PetitionView;

describe('usePetitionEdit', () => {
  beforeEach(() => vi.clearAllMocks());

  it('opens pre-filled and saves with the version it was read at, then reloads with the saved record', async () => {
    const saved = { ...petition, headcount: 6, version: 5 };
    vi.mocked(updatePetition).mockResolvedValue(saved);
    const onChanged = vi.fn();
    const { dialog, open } = usePetitionEdit(onChanged);
    open(petition);
    expect(dialog.visible.value).toBe(true);
    expect(dialog.form.value).toMatchObject({ petitionerIds: ['a'], forwardedBy: '', headcount: 1 });
    dialog.form.value.headcount = 6;
    await dialog.submit();
    expect(updatePetition).toHaveBeenCalledWith('pt1', expect.objectContaining({ headcount: 6, version: 4, content: '反映执行款未到账' }));
    expect(showSuccess).toHaveBeenCalled();
    expect(onChanged).toHaveBeenCalledWith(saved);
    expect(dialog.visible.value).toBe(false);
  });

  it('answers a 409 with a Chinese message saying the record was reloaded, closes and reloads', async () => {
    vi.mocked(updatePetition).mockRejectedValue(new ApiError(409, 'stale_version', '该信访件已被他人修改，请刷新后重试'));
    const onChanged = vi.fn();
    const { dialog, open } = usePetitionEdit(onChanged);
    open(petition);
    await dialog.submit();
    const shown = vi.mocked(showError).mock.calls[0]![0] as ApiError;
    expect(shown).toBeInstanceOf(ApiError);
    expect(shown.status).toBe(409);
    expect(shown.message).toBe('该信访件刚被他人修改，已重新加载最新内容，请核对后重新编辑。');
    expect(onChanged).toHaveBeenCalledWith();
    expect(dialog.visible.value).toBe(false);
  });

  it('keeps the dialog open on a refusal (400) and shows the server’s words', async () => {
    vi.mocked(updatePetition).mockRejectedValue(new ApiError(400, 'invalid_input', '收到日期不能晚于今天'));
    const onChanged = vi.fn();
    const { dialog, open } = usePetitionEdit(onChanged);
    open(petition);
    await dialog.submit();
    expect((vi.mocked(showError).mock.calls[0]![0] as ApiError).message).toBe('收到日期不能晚于今天');
    expect(onChanged).not.toHaveBeenCalled();
    expect(dialog.visible.value).toBe(true);
  });
});
