import { IdNumberField, LITIGATION_NEEDS_CASE, PetitionerInput, PetitionInput, type PetitionNature } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

/** 新增信访人: the rules of the server's contract (身份证号 checked by GB 11643 when filled). */
export const petitionerRules: FormRules = {
  name: [zodRule(PetitionerInput.shape.name)],
  idNumber: [zodRule(IdNumberField, { required: false })],
};

/** 登记来访; `nature` reads the form, because a 涉诉 visit needs a linked case (诉访分离, the server's rule). */
export function petitionRulesFor(nature: () => PetitionNature): FormRules {
  return {
    petitionerIds: [zodRule(PetitionInput.shape.petitionerIds, { trigger: 'change' })],
    receivedOn: [zodRule(PetitionInput.shape.receivedOn, { trigger: 'change' })],
    caseIds: [{ trigger: 'change', validator: (_rule, value: string[], callback) => callback(nature() === 'litigation' && value.length === 0 ? new Error(LITIGATION_NEEDS_CASE) : undefined) }],
    content: [zodRule(PetitionInput.shape.content)],
    demands: [zodRule(PetitionInput.shape.demands)],
  };
}
