import { FORWARDED_BY_REQUIRED, IdNumberField, LITIGATION_NEEDS_CASE, PetitionerInput, PetitionInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';
import type { PetitionForm } from './usePetitioners';

/** 新增信访人: the rules of the server's contract (身份证号 checked by GB 11643 when filled). */
export const petitionerRules: FormRules = {
  name: [zodRule(PetitionerInput.shape.name)],
  idNumber: [zodRule(IdNumberField, { required: false })],
};

/**
 * 登记来访 and 编辑信访件 (one set of rules for both); `form` is read at validation time, because a 涉诉
 * visit needs a linked case (诉访分离) and an 上级转交 one its organ — the server's cross-field rules.
 */
export function petitionRulesFor(form: () => Pick<PetitionForm, 'nature' | 'channel'>): FormRules {
  return {
    petitionerIds: [zodRule(PetitionInput.shape.petitionerIds, { trigger: 'change' })],
    receivedOn: [zodRule(PetitionInput.shape.receivedOn, { trigger: 'change' })],
    headcount: [zodRule(PetitionInput.shape.headcount, { trigger: 'change' })],
    forwardedBy: [
      zodRule(PetitionInput.shape.forwardedBy, { required: false }),
      { trigger: 'blur', validator: (_rule, value: string, callback) => callback(form().channel === 'upper_transfer' && !value?.trim() ? new Error(FORWARDED_BY_REQUIRED) : undefined) },
    ],
    caseIds: [{ trigger: 'change', validator: (_rule, value: string[], callback) => callback(form().nature === 'litigation' && value.length === 0 ? new Error(LITIGATION_NEEDS_CASE) : undefined) }],
    content: [zodRule(PetitionInput.shape.content)],
    demands: [zodRule(PetitionInput.shape.demands)],
  };
}
