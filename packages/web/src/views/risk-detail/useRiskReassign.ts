import { RiskAssignmentInput, type RiskView } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { reassignRisk } from '../../api/risks';
import { ApiError } from '../../api/http';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { zodRule } from '../../utils/form-rules';
import { alertStaleAndReload } from './useRiskAction';

/** The 调整责任人 form, opened on the risk's current owner, department and tags. */
export interface ReassignForm {
  ownerId: string | undefined;
  departmentId: string | undefined;
  tags: string[];
}

type Assignment = Pick<RiskView, 'ownerId' | 'departmentId' | 'tags'>;

export const reassignFormOf = (risk: Assignment): ReassignForm => ({
  ownerId: risk.ownerId ?? undefined,
  departmentId: risk.departmentId ?? undefined,
  tags: [...risk.tags],
});

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * What the form changes, and only that: the server keeps every field left out (docs/risk-api.md), and
 * an owner or department cannot be removed, only replaced. Null when nothing changed.
 */
export function reassignmentOf(risk: Assignment, form: ReassignForm): Omit<RiskAssignmentInput, 'version'> | null {
  const tags = [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))];
  const change = {
    ...(form.ownerId && form.ownerId !== risk.ownerId ? { ownerId: form.ownerId } : {}),
    ...(form.departmentId && form.departmentId !== risk.departmentId ? { departmentId: form.departmentId } : {}),
    ...(sameTags(tags, risk.tags) ? {} : { tags }),
  };
  return Object.keys(change).length > 0 ? change : null;
}

export const reassignRules: FormRules = {
  tags: [zodRule(RiskAssignmentInput.shape.tags, { required: false, trigger: 'change' })],
};

/**
 * 调整责任人 on the risk detail page (`PUT /risks/:id/assignment`), offered when the server says
 * `canReassign`. Sends the version last read; a 409 (changed meanwhile, or 已销号) asks to reload.
 */
export function useRiskReassign(reload: () => Promise<void>) {
  const dialog = useFormDialog<ReassignForm, RiskView, RiskView>({
    blank: () => reassignFormOf({ ownerId: null, departmentId: null, tags: [] }),
    save: (form, risk) => {
      if (!risk) throw new Error('no risk to reassign');
      const change = reassignmentOf(risk, form);
      if (!change) throw new ApiError(400, 'invalid_input', zh.riskReassign.unchanged);
      return reassignRisk(risk.id, { ...change, version: risk.version });
    },
    successMessage: zh.riskReassign.done,
    onSaved: reload,
    onConflict: () => alertStaleAndReload(reload),
  });

  const open = (risk: RiskView) => dialog.openEdit(risk, reassignFormOf(risk));

  return { dialog, open, rules: reassignRules };
}

export type RiskReassignState = ReturnType<typeof useRiskReassign>;
