import {
  FOUR_CATEGORIES,
  FourCategoryConfirmInput,
  SUPERVISION_ACTIONS,
  SupervisionInput,
  supervisionActionLabel,
  type CaseFourCategoryView,
  type FourCategoryCode,
  type FourCategoryItemCode,
  type FourCategoryLabelView,
  type FourCategoryProposalView,
} from '@courtrisk/core';
import { ElMessageBox } from 'element-plus';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { addSupervision, confirmFourCategory, getCaseFourCategories, rejectFourCategory, revokeFourCategory } from '../../api/four-categories';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';

export const categoryOptions = FOUR_CATEGORIES.map((c) => ({ value: c.code, label: `${c.ordinal}${c.label}` }));
export const supervisionActionOptions = SUPERVISION_ACTIONS.map((value) => ({ value, label: supervisionActionLabel[value] }));
export const itemsOf = (category: FourCategoryCode) => FOUR_CATEGORIES.find((c) => c.code === category)?.items ?? [];

/** A proposal's signals as the label's reason, which the person then edits. */
export const reasonFromProposal = (proposal: Pick<FourCategoryProposalView, 'reasons'>) => `系统建议：${proposal.reasons.join('；')}`;

/** The 四类案件 panel of a case: labels, proposals, supervision records and the forms that change them. */
export function useFourCategories(caseId: () => string) {
  const view = shallowRef<CaseFourCategoryView | null>(null);
  const busy = ref(false);
  const labelForm = reactive({ open: false, category: 'majorComplexSensitive' as FourCategoryCode, itemCodes: [] as FourCategoryItemCode[], reason: '', error: '' });
  const supervisionForm = reactive({ open: false, action: 'briefing' as (typeof SUPERVISION_ACTIONS)[number], actedAt: new Date().toISOString(), content: '', error: '' });

  async function load(): Promise<void> {
    try {
      view.value = await getCaseFourCategories(caseId());
    } catch (error) {
      view.value = null;
      showError(error);
    }
  }

  async function run(work: () => Promise<CaseFourCategoryView>, message: string): Promise<boolean> {
    busy.value = true;
    try {
      view.value = await work();
      showSuccess(message);
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  function openLabel(proposal?: FourCategoryProposalView): void {
    labelForm.category = proposal?.category ?? 'majorComplexSensitive';
    labelForm.itemCodes = [...(proposal?.itemCodes ?? [])];
    labelForm.reason = proposal ? reasonFromProposal(proposal) : '';
    labelForm.error = '';
    labelForm.open = true;
  }

  async function submitLabel(): Promise<void> {
    const parsed = FourCategoryConfirmInput.safeParse({ category: labelForm.category, itemCodes: labelForm.itemCodes, reason: labelForm.reason });
    labelForm.error = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
    if (!parsed.success) return;
    if (await run(() => confirmFourCategory(caseId(), parsed.data), zh.fourCategories.labelled)) labelForm.open = false;
  }

  async function askReason(title: string): Promise<string | null> {
    try {
      const { value } = await ElMessageBox.prompt(zh.fourCategories.reasonPrompt, title, {
        inputType: 'textarea',
        inputValidator: (text: string) => (text.trim() ? true : zh.fourCategories.reasonRequired),
        confirmButtonText: zh.common.confirm,
        cancelButtonText: zh.common.cancel,
      });
      return value.trim();
    } catch {
      return null;
    }
  }

  async function reject(proposal: FourCategoryProposalView): Promise<void> {
    const reason = await askReason(zh.fourCategories.rejectTitle(proposal.categoryLabel));
    if (reason) await run(() => rejectFourCategory(caseId(), { category: proposal.category, reason }), zh.fourCategories.rejected);
  }

  async function revoke(label: FourCategoryLabelView): Promise<void> {
    const reason = await askReason(zh.fourCategories.revokeTitle(label.categoryLabel));
    if (reason) await run(() => revokeFourCategory(label.id, { reason, version: label.version }), zh.fourCategories.revoked);
  }

  function openSupervision(): void {
    Object.assign(supervisionForm, { open: true, action: 'briefing', actedAt: new Date().toISOString(), content: '', error: '' });
  }

  async function submitSupervision(): Promise<void> {
    const parsed = SupervisionInput.safeParse({ action: supervisionForm.action, actedAt: supervisionForm.actedAt, content: supervisionForm.content });
    supervisionForm.error = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
    if (!parsed.success) return;
    if (await run(() => addSupervision(caseId(), parsed.data), zh.fourCategories.supervisionSaved)) supervisionForm.open = false;
  }

  const confirmed = computed(() => view.value?.labels.filter((l) => l.status === 'confirmed') ?? []);
  const history = computed(() => view.value?.labels.filter((l) => l.status !== 'confirmed') ?? []);
  // Sub-items chosen for another category make no sense: clear them when the category changes.
  watch(
    () => labelForm.category,
    (category) => (labelForm.itemCodes = labelForm.itemCodes.filter((code) => itemsOf(category).some((i) => i.code === code))),
  );
  watch(caseId, load, { immediate: true });
  return { view, busy, confirmed, history, labelForm, supervisionForm, openLabel, submitLabel, reject, revoke, openSupervision, submitSupervision };
}
