import { buildTree, collectDescendantIds, type DepartmentView } from '@courtrisk/core';
import { computed } from 'vue';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from '../../api/departments';
import { runRowAction } from '../../components/feedback';
import { useCourtScopedList } from '../../composables/useCourtScopedList';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';

interface DepartmentForm {
  parentId: string | null;
  code: string;
  name: string;
  sort: number;
}

export function useDepartments() {
  const { courtId, rows, loading, reload } = useCourtScopedList(listDepartments);
  const tree = computed(() => buildTree(rows.value));

  const dialog = useFormDialog<DepartmentForm, DepartmentView>({
    blank: () => ({ parentId: null, code: '', name: '', sort: 0 }),
    save: (form, department) => {
      const values = { ...form, parentId: form.parentId || null };
      return department
        ? updateDepartment(department.id, { ...values, version: department.version })
        : createDepartment({ ...values, courtId: courtId.value });
    },
    onSaved: reload,
    onConflict: reload,
  });

  /** Possible parents: everything except the department being edited and its own subtree. */
  const parentOptions = computed(() => {
    const editing = dialog.target.value;
    const excluded = editing ? collectDescendantIds(rows.value, editing.id) : new Set<string>();
    return buildTree(rows.value.filter((department) => !excluded.has(department.id)));
  });

  function openEdit(department: DepartmentView): void {
    dialog.openEdit(department, {
      parentId: department.parentId,
      code: department.code,
      name: department.name,
      sort: department.sort,
    });
  }

  const toggleEnabled = (department: DepartmentView) =>
    runRowAction({
      confirm: zh.common.confirmToggle(!department.enabled, department.name),
      run: () => updateDepartment(department.id, { enabled: !department.enabled, version: department.version }),
      success: zh.common.toggled(!department.enabled),
      reload,
    });

  const remove = (department: DepartmentView) =>
    runRowAction({
      confirm: zh.departments.deleteHint(department.name),
      confirmText: zh.common.delete,
      run: () => deleteDepartment(department.id),
      success: zh.common.deleted,
      reload,
    });

  return { courtId, tree, loading, dialog, parentOptions, openEdit, toggleEnabled, remove };
}
