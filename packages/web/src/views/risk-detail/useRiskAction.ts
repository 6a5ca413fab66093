import {
  RISK_ACTION_PAYLOADS,
  riskActionLabel,
  type AssessmentForm,
  type AssigneeKind,
  type RiskActionName,
  type RiskActionPayload,
  type RiskApproval,
  type RiskLevel,
  type RiskView,
} from '@courtrisk/core';
import { ElMessageBox } from 'element-plus';
import { computed } from 'vue';
import { applyRiskAction } from '../../api/risks';
import { ApiError } from '../../api/http';
import { showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { previewScore, todayInChina } from '../risks/risk-display';

/** One attendee row of the assessment form: court staff (optionally a picked account) or an agency's person. */
export interface ParticipantDraft {
  kind: 'staff' | 'agency';
  name: string;
  accountId?: string;
  agencyId?: string;
}

/** One task row of the plan form; `targetId` is the department, account or agency picked for `kind`. */
export interface TaskDraft {
  kind: AssigneeKind;
  targetId: string | undefined;
  dueOn: string;
  description: string;
}

/** Every field any action form can show; each action reads only its own (see `toActionPayload`). */
export interface ActionForm {
  note: string;
  reason: string;
  opinion: string;
  finding: string;
  nextReviewOn: string;
  resolutionSummary: string;
  residualLevel: RiskLevel | undefined;
  approvalId: string | undefined;
  summary: string;
  tasks: TaskDraft[];
  heldOn: string;
  form: AssessmentForm;
  participants: ParticipantDraft[];
  conclusion: string;
  changeLevel: boolean;
  likelihood: number;
  impact: number;
  levelReason: string;
}

export const blankTask = (): TaskDraft => ({ kind: 'department', targetId: undefined, dueOn: '', description: '' });

export const blankActionForm = (): ActionForm => ({
  note: '',
  reason: '',
  opinion: '',
  finding: '',
  nextReviewOn: '',
  resolutionSummary: '',
  residualLevel: undefined,
  approvalId: undefined,
  summary: '',
  tasks: [blankTask()],
  heldOn: '',
  form: 'consultation',
  participants: [],
  conclusion: '',
  changeLevel: false,
  likelihood: 3,
  impact: 3,
  levelReason: '',
});

const optional = <Key extends string>(key: Key, text: string) => (text.trim() ? ({ [key]: text.trim() } as Record<Key, string>) : {});

export function assigneeOf(task: TaskDraft) {
  const id = task.targetId ?? '';
  if (task.kind === 'department') return { kind: 'department' as const, departmentId: id };
  if (task.kind === 'person') return { kind: 'person' as const, accountId: id };
  return { kind: 'agency' as const, agencyId: id };
}

export function participantOf(participant: ParticipantDraft) {
  const name = participant.name.trim();
  if (participant.kind === 'agency') return { kind: 'agency' as const, agencyId: participant.agencyId ?? '', name };
  return { kind: 'staff' as const, name, ...(participant.accountId ? { accountId: participant.accountId } : {}) };
}

/**
 * The payload of one lifecycle action from the form: only that action's fields, trimmed, optional
 * text left out when empty — exactly what `RISK_ACTION_PAYLOADS[action]` (and so the server) accepts.
 */
export function toActionPayload(action: RiskActionName, form: ActionForm): RiskActionPayload {
  switch (action) {
    case 'startAssessment':
      return { action, ...optional('note', form.note) };
    case 'recordAssessment':
      return {
        action,
        assessment: {
          heldOn: form.heldOn,
          form: form.form,
          participants: form.participants.map(participantOf),
          conclusion: form.conclusion.trim(),
          ...(form.changeLevel ? { levelChange: { likelihood: form.likelihood, impact: form.impact, reason: form.levelReason.trim() } } : {}),
        },
      };
    case 'submitPlan':
      return {
        action,
        summary: form.summary.trim(),
        tasks: form.tasks.map((task) => ({ assignee: assigneeOf(task), dueOn: task.dueOn, description: task.description.trim() })),
      };
    case 'recordReview':
      return { action, finding: form.finding.trim(), nextReviewOn: form.nextReviewOn };
    case 'monitor':
      return { action, reason: form.reason.trim(), nextReviewOn: form.nextReviewOn };
    case 'resumeFromMonitoring':
    case 'reopen':
      return { action, reason: form.reason.trim() };
    case 'resolve':
      return { action, resolutionSummary: form.resolutionSummary.trim(), residualLevel: form.residualLevel as RiskLevel };
    case 'approveClosure':
      return { action, opinion: form.opinion.trim() };
    case 'close':
      return { action, ...(form.approvalId ? { approvalId: form.approvalId } : {}), ...optional('note', form.note) };
    case 'reportToLeader':
      return { action, ...optional('note', form.note) };
    case 'reportUpward':
      return { action, note: form.note.trim() };
  }
}

/** The first problems the server would name, joined; null when the payload is acceptable. */
export function payloadProblem(payload: RiskActionPayload): string | null {
  const result = RISK_ACTION_PAYLOADS[payload.action].safeParse(payload);
  if (result.success) return null;
  return [...new Set(result.error.issues.map((issue) => issue.message))].slice(0, 3).join('；');
}

/** 红/橙 need a leader's 审批销号 of the current resolution before 销号 (risk-lifecycle.md decision 1). */
export function closureApprovals(risk: Pick<RiskView, 'level' | 'resolution' | 'approvals'>): { required: boolean; usable: RiskApproval[] } {
  const required = risk.level === 'red' || risk.level === 'orange';
  const usable = risk.resolution ? risk.approvals.filter((approval) => approval.resolutionAt === risk.resolution!.at) : [];
  return { required, usable: [...usable].sort((a, b) => b.at.localeCompare(a.at)) };
}

/** What the form starts with for `action` on `risk`: today's date, the risk's score, the approval to cite… */
export function actionPreset(action: RiskActionName, risk: RiskView, me: { id: string; displayName: string } | null, today: string): Partial<ActionForm> {
  switch (action) {
    case 'recordAssessment':
      return {
        heldOn: today,
        participants: me ? [{ kind: 'staff', name: me.displayName, accountId: me.id }] : [],
        likelihood: risk.score.likelihood,
        impact: risk.score.impact,
      };
    case 'close':
      return { approvalId: closureApprovals(risk).usable[0]?.id };
    default:
      return {};
  }
}

/** After a 409 on the risk (changed by someone else meanwhile): say so, then reload before trying again. */
export async function alertStaleAndReload(reload: () => Promise<void>): Promise<void> {
  await ElMessageBox.alert(zh.riskActions.stale, zh.riskActions.staleTitle, { confirmButtonText: zh.riskActions.reload, type: 'warning' }).catch(() => undefined);
  await reload();
}

/**
 * The lifecycle action dialog of the risk detail page. Which actions exist comes from the server
 * (`availableActions`); the form sends exactly that action's payload with the version last read.
 * A 409 means the risk changed meanwhile: the user is asked to reload before trying again.
 */
export function useRiskAction(risk: () => RiskView | null, reload: () => Promise<void>) {
  const auth = useAuthStore();

  const dialog = useFormDialog<ActionForm, RiskActionName, RiskView>({
    blank: blankActionForm,
    save: async (form, action) => {
      const current = risk();
      if (!current || !action) throw new Error('no risk or action to apply');
      const payload = toActionPayload(action, form);
      const problem = payloadProblem(payload);
      if (problem) throw new ApiError(400, 'invalid_input', problem);
      return applyRiskAction(current.id, { ...payload, version: current.version });
    },
    successMessage: false,
    onSaved: async (_result, action) => {
      if (action) showSuccess(zh.riskActions.done(riskActionLabel[action]));
      await reload();
    },
    onConflict: () => alertStaleAndReload(reload),
  });

  function open(action: RiskActionName): void {
    const current = risk();
    if (!current) return;
    const me = auth.account ? { id: auth.account.id, displayName: auth.account.displayName } : null;
    dialog.openEdit(action, actionPreset(action, current, me, todayInChina()));
  }

  const action = computed(() => dialog.target.value);
  const title = computed(() => (action.value ? riskActionLabel[action.value] : ''));
  /** The level the chosen likelihood × impact gives, on the criteria the risk was scored under. */
  const newScore = computed(() => {
    const current = risk();
    return previewScore(dialog.form.value.likelihood, dialog.form.value.impact, current?.score.criteria);
  });

  return { dialog, open, action, title, newScore };
}

export type RiskActionState = ReturnType<typeof useRiskAction>;
