import { CounsellingSessionInput, FollowUpVisitInput, IdNumberField, KeyPersonInput, KeyPersonReviewInput, PetitionerInput, PetitionStepInput, StabilizationPlanInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { requiredChoice, zodRule } from '../../utils/form-rules';
import { splitLines } from './usePetitionerForms';

const change = { trigger: 'change' } as const;
const optional = { required: false } as const;

/** The rules of the server's contracts (core/contracts/petition.ts), field by field. */
export const editRules: FormRules = {
  name: [zodRule(PetitionerInput.shape.name)],
  idNumber: [zodRule(IdNumberField, optional)],
  address: [zodRule(PetitionerInput.shape.address, optional)],
  remark: [zodRule(PetitionerInput.shape.remark, optional)],
};

const step = PetitionStepInput.shape;
export const stepRules: FormRules = {
  kind: [zodRule(step.kind, change)],
  on: [zodRule(step.on, change)],
  days: [zodRule(step.days.unwrap(), change)],
  note: [zodRule(step.note, optional)],
};

const plan = StabilizationPlanInput.shape;
export const planRules: FormRules = {
  leaderName: [zodRule(plan.leaderName)],
  staff: [zodRule(plan.staff, change)],
  measures: [{ required: true, trigger: 'blur', validator: (_rule, value: string, callback) => {
    const result = plan.measures.safeParse(splitLines(value));
    callback(result.success ? undefined : new Error(result.error.issues[0]!.message));
  } }],
  startedOn: [zodRule(plan.startedOn, change)],
  reviewOn: [zodRule(plan.reviewOn, change)],
};

export const keyPersonRules: FormRules = {
  listedOn: [zodRule(KeyPersonInput.shape.listedOn, change)],
  reason: [zodRule(KeyPersonInput.shape.reason)],
};

export const reviewRules: FormRules = {
  reviewedOn: [zodRule(KeyPersonReviewInput.shape.reviewedOn, change)],
  decision: [requiredChoice('请选择复评结论')],
  opinion: [zodRule(KeyPersonReviewInput.shape.opinion)],
};

export const counsellingRules: FormRules = {
  heldOn: [zodRule(CounsellingSessionInput.shape.heldOn, change)],
  counsellor: [zodRule(CounsellingSessionInput.shape.counsellor)],
  notes: [zodRule(CounsellingSessionInput.shape.notes)],
};

export const followUpRules: FormRules = {
  visitedOn: [zodRule(FollowUpVisitInput.shape.visitedOn, change)],
  visitors: [zodRule(FollowUpVisitInput.shape.visitors, change)],
  findings: [zodRule(FollowUpVisitInput.shape.findings)],
};
