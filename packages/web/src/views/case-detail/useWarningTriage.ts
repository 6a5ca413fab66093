import type { WarningView } from '@courtrisk/core';
import { computed } from 'vue';
import { triageWarning } from '../../api/warnings';
import { runRowAction, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { dismissRules, mergeRules } from './rules';

export type TriageMode = 'dismiss' | 'merge';

interface TriageForm {
  reason: string;
  intoWarningId: string;
}

interface TriageTarget {
  warning: WarningView;
  mode: TriageMode;
}

/**
 * The warnings of the same case another one may be merged into: not itself, and not one that
 * was itself merged away or dismissed.
 */
export function mergeTargets(warnings: readonly WarningView[], warning: WarningView): WarningView[] {
  return warnings.filter((other) => other.id !== warning.id && (other.status === 'pending' || other.status === 'confirmed'));
}

/**
 * 确认 / 排除 / 合并 of a case's warnings: 确认 asks once, 排除 and 合并 open a dialog. Every
 * outcome (a 409 included: someone else triaged it first) reloads the case.
 */
export function useWarningTriage(warnings: () => readonly WarningView[], reload: () => Promise<void>) {
  const dialog = useFormDialog<TriageForm, TriageTarget, WarningView>({
    blank: () => ({ reason: '', intoWarningId: '' }),
    save: (form, target) => {
      const { warning, mode } = target!;
      return triageWarning(
        warning.id,
        mode === 'dismiss'
          ? { action: 'dismiss', version: warning.version, reason: form.reason }
          : { action: 'merge', version: warning.version, intoWarningId: form.intoWarningId },
      );
    },
    successMessage: false,
    onSaved: async (_result, target) => {
      showSuccess(target?.mode === 'merge' ? zh.warningCard.merged : zh.warningCard.dismissed);
      await reload();
    },
    onConflict: reload,
  });

  const mode = computed(() => dialog.target.value?.mode ?? 'dismiss');
  const rules = computed(() => (mode.value === 'merge' ? mergeRules : dismissRules));
  const title = computed(() => {
    const warning = dialog.target.value?.warning;
    if (!warning) return '';
    return mode.value === 'merge' ? zh.warningCard.mergeTitle : zh.warningCard.dismissFor(warning.title);
  });
  const targetOptions = computed(() => {
    const warning = dialog.target.value?.warning;
    return warning ? mergeTargets(warnings(), warning) : [];
  });

  const canMerge = (warning: WarningView) => mergeTargets(warnings(), warning).length > 0;

  function confirm(warning: WarningView) {
    return runRowAction({
      confirm: zh.warningCard.confirmQuestion(warning.title),
      confirmText: zh.warningCard.confirm,
      run: () => triageWarning(warning.id, { action: 'confirm', version: warning.version, note: '' }),
      success: zh.warningCard.confirmed,
      reload,
    });
  }

  const openDismiss = (warning: WarningView) => dialog.openEdit({ warning, mode: 'dismiss' }, {});
  const openMerge = (warning: WarningView) => dialog.openEdit({ warning, mode: 'merge' }, {});

  const titleOf = (id: string | null) => warnings().find((warning) => warning.id === id)?.title ?? null;

  return { dialog, mode, rules, title, targetOptions, canMerge, confirm, openDismiss, openMerge, titleOf };
}
