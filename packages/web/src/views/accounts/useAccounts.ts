import { accountStatusLabel, buildTree, type AccountView } from '@courtrisk/core';
import { computed, ref } from 'vue';
import {
  accountExportUrl,
  createAccount,
  listAccounts,
  resetAccountPassword,
  unlockAccount,
  updateAccount,
  type AccountFilters,
  type InitialPasswordResult,
} from '../../api/accounts';
import { listDepartments } from '../../api/departments';
import { listRoles } from '../../api/roles';
import { runRowAction, showError } from '../../components/feedback';
import { useCourtOptions } from '../../composables/useCourtOptions';
import { useFormDialog } from '../../composables/useFormDialog';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { useCourtStore } from '../../stores/courts';

interface AccountForm {
  courtId: string;
  departmentId: string | null;
  username: string;
  displayName: string;
  phone: string;
  roleIds: string[];
}

const blankFilters = (): AccountFilters => ({
  courtId: undefined,
  departmentId: undefined,
  status: undefined,
  keyword: '',
});

export function useAccounts() {
  const auth = useAuthStore();
  void useCourtStore().load().catch(showError);

  const list = usePagedList(listAccounts, blankFilters);
  const exportUrl = computed(() => accountExportUrl({ ...list.filters, page: undefined, pageSize: undefined }));
  const filterDepartments = useCourtOptions(() => list.filters.courtId, listDepartments);
  const filterDepartmentTree = computed(() => buildTree(filterDepartments.value));

  /** The initial password just issued, shown once in its own dialog. */
  const issuedPassword = ref<InitialPasswordResult | null>(null);

  const dialog = useFormDialog<AccountForm, AccountView, InitialPasswordResult | AccountView>({
    blank: () => ({ courtId: '', departmentId: null, username: '', displayName: '', phone: '', roleIds: [] }),
    save: (form, account) => {
      const common = { departmentId: form.departmentId || null, displayName: form.displayName, phone: form.phone || null };
      return account
        ? updateAccount(account.id, { ...common, roleIds: form.roleIds, version: account.version })
        : createAccount({ ...common, courtId: form.courtId, username: form.username, roleIds: form.roleIds });
    },
    onSaved: async (result) => {
      if ('initialPassword' in result) issuedPassword.value = result;
      await list.load();
    },
    onConflict: list.load,
  });

  const formCourtId = () => dialog.form.value.courtId;
  const formDepartments = useCourtOptions(formCourtId, listDepartments);
  /** Departments to assign: a tree, with disabled ones shown but not selectable. */
  const formDepartmentTree = computed(() => buildTree(formDepartments.value));
  const formRoles = useCourtOptions(formCourtId, listRoles);

  function onFilterCourtChange(): void {
    list.filters.departmentId = undefined;
  }

  /** Departments and roles belong to one court: a new court clears the old choices. */
  function onFormCourtChange(): void {
    dialog.form.value.departmentId = null;
    dialog.form.value.roleIds = [];
  }

  /** New accounts start in the court being filtered on, else the administrator's own. */
  function openCreate(): void {
    dialog.openCreate({ courtId: list.filters.courtId ?? auth.account?.courtId ?? '' });
  }

  function openEdit(account: AccountView): void {
    dialog.openEdit(account, {
      courtId: account.courtId,
      departmentId: account.departmentId,
      username: account.username,
      displayName: account.displayName,
      phone: account.phone ?? '',
      roleIds: account.roles.map((role) => role.id),
    });
  }

  const toggleStatus = (account: AccountView) => {
    const enable = account.status === 'disabled';
    return runRowAction({
      confirm: zh.common.confirmToggle(enable, `${account.displayName}（${account.username}）`),
      run: () => updateAccount(account.id, { status: enable ? 'active' : 'disabled', version: account.version }),
      success: zh.common.toggled(enable),
      reload: list.load,
    });
  };

  async function resetPassword(account: AccountView): Promise<void> {
    const result = await runRowAction({
      confirm: zh.accounts.confirmReset(`${account.displayName}（${account.username}）`),
      confirmText: zh.accounts.resetPassword,
      run: () => resetAccountPassword(account.id),
      reload: list.load,
    });
    if (result) issuedPassword.value = result;
  }

  const unlock = (account: AccountView) =>
    runRowAction({ run: () => unlockAccount(account.id), success: zh.accounts.unlocked, reload: list.load });

  const statusLabel = (status: AccountView['status']) => accountStatusLabel[status];

  void list.load();

  return {
    list,
    exportUrl,
    filterDepartmentTree,
    issuedPassword,
    dialog,
    formDepartmentTree,
    formRoles,
    onFilterCourtChange,
    onFormCourtChange,
    openCreate,
    openEdit,
    toggleStatus,
    resetPassword,
    unlock,
    statusLabel,
  };
}
