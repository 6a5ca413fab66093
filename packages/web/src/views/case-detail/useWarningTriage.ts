import type { WarningTriageInput, WarningView } from '@courtrisk/core';
import { computed } from 'vue';
import { triageWarning } from '../../api/warnings';
import { showSuccess, showSuccessWithLink } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { factorsFor, previewScore } from '../risks/risk-display';
import { confirmRules, dismissRules, mergeRules } from './rules';

export type TriageMode = 'confirm' | 'dismiss' | 'merge';

export interface TriageForm {
  reason: string;
  intoWarningId: string;
  /** 确认: register a new risk from the warning, or join it to an open one. */
  riskMode: 'new' | 'join';
  likelihood: number;
  impact: number;
  title: string;
  riskId: string | undefined;
  note: string;
}

const blankTriageForm = (): TriageForm => ({
  reason: '',
  intoWarningId: '',
  riskMode: 'new',
  likelihood: 3,
  impact: 3,
  title: '',
  riskId: undefined,
  note: '',
});

/** The 确认 body: the warning becomes a new risk scored likelihood × impact, or joins the chosen one. */
export function toConfirmInput(warning: Pick<WarningView, 'version'>, form: TriageForm): Extract<WarningTriageInput, { action: 'confirm' }> {
  const title = form.title.trim();
  return {
    action: 'confirm',
    version: warning.version,
    note: form.note.trim(),
    risk:
      form.riskMode === 'join'
        ? { mode: 'join', riskId: form.riskId ?? '' }
        : { mode: 'new', likelihood: form.likelihood, impact: form.impact, ...(title ? { title } : {}) },
  };
}

const MODE_RULES = { confirm: confirmRules, dismiss: dismissRules, merge: mergeRules };
const SUBMIT_TEXT = { confirm: zh.warningCard.confirm, dismiss: zh.warningCard.dismiss, merge: zh.warningCard.merge };
const DONE_TEXT = { confirm: zh.warningCard.confirmed, dismiss: zh.warningCard.dismissed, merge: zh.warningCard.merged };

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
 * 确认 / 排除 / 合并 of warnings (a case's, or the warning list's rows), each in a dialog: 确认 files the
 * warning into the risk register — as a new risk or joined to an open one (PRODUCT.md §5). Every
 * outcome (a 409 included: someone else triaged it first) reloads. `openRisk`, when given, puts a link
 * to the risk in the confirmation message.
 */
export function useWarningTriage(warnings: () => readonly WarningView[], reload: () => Promise<void>, openRisk?: (riskId: string) => void) {
  const dialog = useFormDialog<TriageForm, TriageTarget, WarningView>({
    blank: blankTriageForm,
    save: (form, target) => {
      const { warning, mode } = target!;
      if (mode === 'confirm') return triageWarning(warning.id, toConfirmInput(warning, form));
      return triageWarning(
        warning.id,
        mode === 'dismiss'
          ? { action: 'dismiss', version: warning.version, reason: form.reason }
          : { action: 'merge', version: warning.version, intoWarningId: form.intoWarningId },
      );
    },
    successMessage: false,
    onSaved: async (result, target) => {
      const riskId = target?.mode === 'confirm' ? result?.riskId : null;
      // Where the confirmed row leaves the list (预警列表 shows 待研判), the message is the way to the risk.
      if (riskId && openRisk) showSuccessWithLink(DONE_TEXT.confirm, zh.warningCard.openRisk, () => openRisk(riskId));
      else showSuccess(DONE_TEXT[target?.mode ?? 'dismiss']);
      await reload();
    },
    onConflict: reload,
  });

  const mode = computed(() => dialog.target.value?.mode ?? 'dismiss');
  const rules = computed(() => MODE_RULES[mode.value]);
  const submitText = computed(() => SUBMIT_TEXT[mode.value]);
  const title = computed(() => {
    const warning = dialog.target.value?.warning;
    if (!warning) return '';
    if (mode.value === 'confirm') return zh.warningCard.confirmFor(warning.title);
    return mode.value === 'merge' ? zh.warningCard.mergeTitle : zh.warningCard.dismissFor(warning.title);
  });
  /** The level the chosen factors give, as the user picks (the server scores on the court's matrix). */
  const preview = computed(() => previewScore(dialog.form.value.likelihood, dialog.form.value.impact));
  const targetOptions = computed(() => {
    const warning = dialog.target.value?.warning;
    return warning ? mergeTargets(warnings(), warning) : [];
  });

  const canMerge = (warning: WarningView) => mergeTargets(warnings(), warning).length > 0;

  /** Starts from the warning: its title, and factors that reproduce its score or level. */
  const confirm = (warning: WarningView) =>
    dialog.openEdit({ warning, mode: 'confirm' }, { riskMode: 'new', title: warning.title, ...factorsFor(warning.score, warning.level) });

  const openDismiss = (warning: WarningView) => dialog.openEdit({ warning, mode: 'dismiss' }, {});
  const openMerge = (warning: WarningView) => dialog.openEdit({ warning, mode: 'merge' }, {});

  const titleOf = (id: string | null) => warnings().find((warning) => warning.id === id)?.title ?? null;

  return { dialog, mode, rules, submitText, title, preview, targetOptions, canMerge, confirm, openDismiss, openMerge, titleOf };
}
