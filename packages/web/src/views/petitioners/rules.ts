import { IdNumberField, PetitionerInput, PetitionInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

/** 新增信访人: the rules of the server's contract (身份证号 checked by GB 11643 when filled). */
export const petitionerRules: FormRules = {
  name: [zodRule(PetitionerInput.shape.name)],
  idNumber: [zodRule(IdNumberField, { required: false })],
};

/** 登记来访. */
export const petitionRules: FormRules = {
  petitionerIds: [zodRule(PetitionInput.shape.petitionerIds, { trigger: 'change' })],
  receivedOn: [zodRule(PetitionInput.shape.receivedOn, { trigger: 'change' })],
  content: [zodRule(PetitionInput.shape.content)],
  demands: [zodRule(PetitionInput.shape.demands)],
};
