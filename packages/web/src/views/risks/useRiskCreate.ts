import { riskLevelLabel, RiskAssignDownInput, type RiskCreateInput, type RiskDomain, type RiskView } from '@courtrisk/core';
import type { z } from 'zod';
import { computed, shallowRef } from 'vue';
import { assignRiskDown, createRisk } from '../../api/risks';
import { showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { previewScore } from './risk-display';
import { assignDownRules, riskCreateRules } from './rules';

export type RiskCreateMode = 'report' | 'assignDown';

/** A case already linked when the dialog opens (from a case page), shown by its 案号. */
export interface LinkedCase {
  id: string;
  caseNumber: string;
}

export interface RiskCreateForm {
  /** 上级交办 only: the lower court the risk is registered in. */
  courtId: string | undefined;
  domain: RiskDomain | undefined;
  subtype: string;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  caseIds: string[];
  ownerId: string | undefined;
  departmentId: string | undefined;
  tags: string[];
  /** 上级交办 only: the instruction sent down with it, and the date a reply is due (optional). */
  instruction: string;
  replyBy: string;
}

export const blankRiskForm = (): RiskCreateForm => ({
  courtId: undefined,
  domain: undefined,
  subtype: '',
  title: '',
  description: '',
  likelihood: 3,
  impact: 3,
  caseIds: [],
  ownerId: undefined,
  departmentId: undefined,
  tags: [],
  instruction: '',
  replyBy: '',
});

/** The body of `POST /risks`: empty optional pickers are left out (the server defaults owner to the reporter). */
export function toRiskCreateInput(form: RiskCreateForm): RiskCreateInput {
  if (!form.domain) throw new Error('domain is checked by the form rules');
  return {
    domain: form.domain,
    subtype: form.subtype.trim(),
    title: form.title.trim(),
    description: form.description.trim(),
    likelihood: form.likelihood,
    impact: form.impact,
    caseIds: [...new Set(form.caseIds)],
    tags: [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))],
    ...(form.ownerId ? { ownerId: form.ownerId } : {}),
    ...(form.departmentId ? { departmentId: form.departmentId } : {}),
  };
}

/** The body of `POST /risks/assign-down`: the same risk fields, the lower court and the instruction. */
export function toAssignDownInput(form: RiskCreateForm): z.input<typeof RiskAssignDownInput> {
  if (!form.courtId) throw new Error('courtId is checked by the form rules');
  return {
    ...toRiskCreateInput(form),
    courtId: form.courtId,
    instruction: form.instruction.trim(),
    ...(form.replyBy ? { replyBy: form.replyBy } : {}),
  };
}

/**
 * 上报风险 (from the register or a case page) and 上级交办 (an upper court registers a risk in a lower
 * court): one form, with the level the chosen likelihood × impact gives shown as the user picks.
 */
export function useRiskCreate(mode: RiskCreateMode, onCreated: (risk: RiskView) => unknown) {
  const dialog = useFormDialog<RiskCreateForm, never, RiskView>({
    blank: blankRiskForm,
    save: (form) => (mode === 'assignDown' ? assignRiskDown(toAssignDownInput(form)) : createRisk(toRiskCreateInput(form))),
    successMessage: false,
    onSaved: async (risk) => {
      showSuccess(mode === 'assignDown' ? zh.riskForm.assigned(risk.courtName) : zh.riskForm.reported(riskLevelLabel[risk.level]));
      await onCreated(risk);
    },
  });

  /** Cases linked on opening keep their 案号 for the picker's labels. */
  const linkedCases = shallowRef<LinkedCase[]>([]);

  function open(preset: { cases?: LinkedCase[] } = {}): void {
    linkedCases.value = preset.cases ?? [];
    dialog.openCreate({ caseIds: linkedCases.value.map((linked) => linked.id) });
  }

  const preview = computed(() => previewScore(dialog.form.value.likelihood, dialog.form.value.impact));
  const rules = mode === 'assignDown' ? assignDownRules : riskCreateRules;
  const title = mode === 'assignDown' ? zh.riskForm.assignDownTitle : zh.riskForm.reportTitle;

  /** A new domain offers other subtypes: the old one no longer fits. */
  function onDomainChange(): void {
    dialog.form.value.subtype = '';
  }

  /** Owner and department belong to the chosen court. */
  function onCourtChange(): void {
    dialog.form.value.ownerId = undefined;
    dialog.form.value.departmentId = undefined;
  }

  return { mode, dialog, open, linkedCases, preview, rules, title, onDomainChange, onCourtChange };
}

export type RiskCreateState = ReturnType<typeof useRiskCreate>;
