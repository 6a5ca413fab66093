import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { showError, showSuccess } from '../components/feedback';
import { useFormDialog } from './useFormDialog';

vi.mock('../components/feedback', () => ({ showError: vi.fn(), showSuccess: vi.fn() }));

interface Form {
  name: string;
  sort: number;
}
interface Row {
  id: string;
  version: number;
}

const blank = (): Form => ({ name: '', sort: 0 });

describe('useFormDialog', () => {
  it('opens blank for 新建 and pre-filled for 编辑, never sharing one form object', () => {
    const dialog = useFormDialog<Form, Row>({ blank, save: vi.fn() });
    dialog.openCreate({ sort: 5 });
    expect(dialog.form.value).toEqual({ name: '', sort: 5 });
    expect(dialog.target.value).toBeNull();
    const firstForm = dialog.form.value;

    dialog.openEdit({ id: 'r1', version: 3 }, { name: '立案庭' });
    expect(dialog.form.value).toEqual({ name: '立案庭', sort: 0 });
    expect(dialog.target.value).toEqual({ id: 'r1', version: 3 });
    expect(dialog.form.value).not.toBe(firstForm);
    expect(dialog.visible.value).toBe(true);
  });

  it('saves with the edited record, closes, toasts and runs onSaved', async () => {
    const save = vi.fn(async () => 'saved');
    const onSaved = vi.fn();
    const dialog = useFormDialog<Form, Row, string>({ blank, save, onSaved });
    dialog.openEdit({ id: 'r1', version: 3 }, { name: '新名称' });
    await dialog.submit();
    expect(save).toHaveBeenCalledWith({ name: '新名称', sort: 0 }, { id: 'r1', version: 3 });
    expect(dialog.visible.value).toBe(false);
    expect(showSuccess).toHaveBeenCalledWith('已保存');
    expect(onSaved).toHaveBeenCalledWith('saved', { id: 'r1', version: 3 });
    expect(dialog.saving.value).toBe(false);
  });

  it('keeps the dialog open and shows the server message when saving fails', async () => {
    const error = new ApiError(400, 'invalid_input', '部门编码已存在');
    const dialog = useFormDialog<Form, Row>({ blank, save: vi.fn().mockRejectedValue(error), onConflict: vi.fn() });
    dialog.openCreate();
    await dialog.submit();
    expect(showError).toHaveBeenCalledWith(error);
    expect(dialog.visible.value).toBe(true);
  });

  it('on a 409 shows the message, closes and reloads so the user sees the current version', async () => {
    const error = new ApiError(409, 'stale_version', '该部门已被他人修改，请刷新后重试');
    const onConflict = vi.fn();
    const dialog = useFormDialog<Form, Row>({ blank, save: vi.fn().mockRejectedValue(error), onConflict });
    dialog.openEdit({ id: 'r1', version: 1 }, {});
    await dialog.submit();
    expect(showError).toHaveBeenCalledWith(error);
    expect(onConflict).toHaveBeenCalledOnce();
    expect(dialog.visible.value).toBe(false);
  });

  it('ignores a second submit while the first is still saving', async () => {
    let finish!: () => void;
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const dialog = useFormDialog<Form, Row, void>({ blank, save });
    dialog.openCreate();
    const first = dialog.submit();
    await dialog.submit();
    finish();
    await first;
    expect(save).toHaveBeenCalledOnce();
  });
});
