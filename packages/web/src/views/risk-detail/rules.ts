import { AssessmentInput, AssessmentParticipant, DisposalTaskInput, LevelChangeInput, RISK_ACTION_PAYLOADS, type RiskActionName } from '@courtrisk/core';
import type { FormItemRule, FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';
import { assigneeOf, participantOf, type ActionForm } from './useRiskAction';

const P = RISK_ACTION_PAYLOADS;

/** A rule over the whole form (rows of a table), reporting the first problem `check` finds. */
function formRule(form: () => ActionForm, check: (form: ActionForm) => string | null): FormItemRule {
  return {
    required: true,
    trigger: 'change',
    validator: (_rule, _value, callback: (error?: Error) => void) => {
      const problem = check(form());
      callback(problem ? new Error(problem) : undefined);
    },
  };
}

/** 参加人员: at least one, each named; agency people name their agency; a 联席会议 needs an agency. */
export function participantsProblem(form: ActionForm): string | null {
  if (form.participants.length === 0) return zh.riskActions.participantsRequired;
  for (const [index, participant] of form.participants.entries()) {
    if (participant.kind === 'agency' && !participant.agencyId) return zh.riskActions.rowProblem(index + 1, zh.riskActions.participantAgencyRequired);
    const parsed = AssessmentParticipant.safeParse(participantOf(participant));
    if (!parsed.success) return zh.riskActions.rowProblem(index + 1, parsed.error.issues[0]?.message ?? zh.errors.unexpected);
  }
  if (form.form === 'joint_meeting' && !form.participants.some((participant) => participant.kind === 'agency')) return zh.riskActions.jointNeedsAgency;
  return null;
}

/** 处置任务: each row needs its assignee, due date and description, named by row number. */
export function tasksProblem(form: ActionForm): string | null {
  if (form.tasks.length === 0) return zh.riskActions.tasksRequired;
  for (const [index, task] of form.tasks.entries()) {
    if (!task.targetId) return zh.riskActions.rowProblem(index + 1, zh.riskActions.assigneeRequired[task.kind]);
    const parsed = DisposalTaskInput.safeParse({ assignee: assigneeOf(task), dueOn: task.dueOn, description: task.description });
    if (!parsed.success) return zh.riskActions.rowProblem(index + 1, parsed.error.issues[0]?.message ?? zh.errors.unexpected);
  }
  return null;
}

/**
 * Element Plus rules of one action's form, from the same payload schemas the server and the state
 * machine use; rows (participants, tasks) are checked as a whole and named by row number.
 */
export function actionRules(action: RiskActionName, form: () => ActionForm, approvalRequired: boolean): FormRules {
  switch (action) {
    case 'startAssessment':
      return { note: [zodRule(P.startAssessment.shape.note, { required: false })] };
    case 'recordAssessment':
      return {
        heldOn: [zodRule(AssessmentInput.shape.heldOn, { trigger: 'change' })],
        form: [requiredChoice(zh.riskActions.formRequired)],
        participants: [formRule(form, participantsProblem)],
        conclusion: [zodRule(AssessmentInput.shape.conclusion)],
        levelReason: [zodRule(LevelChangeInput.shape.reason)],
      };
    case 'submitPlan':
      return { summary: [zodRule(P.submitPlan.shape.summary)], tasks: [formRule(form, tasksProblem)] };
    case 'recordReview':
      return { finding: [zodRule(P.recordReview.shape.finding)], nextReviewOn: [zodRule(P.recordReview.shape.nextReviewOn, { trigger: 'change' })] };
    case 'monitor':
      return { reason: [zodRule(P.monitor.shape.reason)], nextReviewOn: [zodRule(P.monitor.shape.nextReviewOn, { trigger: 'change' })] };
    case 'resumeFromMonitoring':
      return { reason: [zodRule(P.resumeFromMonitoring.shape.reason)] };
    case 'reopen':
      return { reason: [zodRule(P.reopen.shape.reason)] };
    case 'resolve':
      return {
        resolutionSummary: [zodRule(P.resolve.shape.resolutionSummary)],
        residualLevel: [requiredChoice(zh.riskActions.residualRequired)],
      };
    case 'approveClosure':
      return { opinion: [zodRule(P.approveClosure.shape.opinion)] };
    case 'close':
      return {
        ...(approvalRequired ? { approvalId: [requiredChoice(zh.riskActions.approvalRequired)] } : {}),
        note: [zodRule(P.close.shape.note, { required: false })],
      };
    case 'reportToLeader':
      return { note: [zodRule(P.reportToLeader.shape.note, { required: false })] };
    case 'reportUpward':
      return { note: [zodRule(P.reportUpward.shape.note)] };
  }
}
