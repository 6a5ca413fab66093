import { DATA_SCOPES, dataScopeLabel, type DataScope, type Permission, type RoleView } from '@courtrisk/core';
import { createRole, deleteRole, listRoles, updateRole } from '../../api/roles';
import { runRowAction } from '../../components/feedback';
import { useCourtScopedList } from '../../composables/useCourtScopedList';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';

interface RoleForm {
  name: string;
  code: string;
  scope: DataScope;
  permissions: Permission[];
  remark: string;
}

export const scopeOptions = DATA_SCOPES.map((scope) => ({ value: scope, label: dataScopeLabel[scope] }));

export function useRoles() {
  const { courtId, rows, loading, reload } = useCourtScopedList(listRoles);

  const dialog = useFormDialog<RoleForm, RoleView>({
    blank: () => ({ name: '', code: '', scope: 'self', permissions: [], remark: '' }),
    save: ({ code, ...values }, role) =>
      role ? updateRole(role.id, { ...values, version: role.version }) : createRole({ ...values, code, courtId: courtId.value }),
    onSaved: reload,
    onConflict: reload,
  });

  function openEdit(role: RoleView): void {
    dialog.openEdit(role, {
      name: role.name,
      code: role.code,
      scope: role.scope,
      permissions: role.permissions as Permission[],
      remark: role.remark,
    });
  }

  const remove = (role: RoleView) =>
    runRowAction({
      confirm: zh.common.confirmDelete(role.name),
      confirmText: zh.common.delete,
      run: () => deleteRole(role.id),
      success: zh.common.deleted,
      reload,
    });

  const scopeLabel = (scope: DataScope) => dataScopeLabel[scope];

  return { courtId, rows, loading, dialog, openEdit, remove, scopeLabel };
}
