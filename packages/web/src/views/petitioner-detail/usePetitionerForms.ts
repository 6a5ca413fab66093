import type {
  ConfidentialRecordsView,
  ContactKind,
  CounsellingSessionInput,
  FollowUpVisitInput,
  KeyPersonInput,
  KeyPersonReviewRequest,
  KeyPersonView,
  LocalDate,
  PetitionerDetailView,
  PetitionerUpdateInput,
  PetitionOutcome,
  PetitionStepInput,
  PetitionStepKind,
  PetitionView,
  StabilizationPlanInput,
} from '@courtrisk/core';
import type { ShallowRef } from 'vue';
import { addCounsellingSession, addFollowUpVisit, addPetitionStep, createKeyPerson, createStabilizationPlan, reviewKeyPerson, updatePetitioner } from '../../api/petitions';
import { useFormDialog } from '../../composables/useFormDialog';
import { beijingToday } from '../petitioners/usePetitioners';

export interface PetitionerEditForm {
  name: string;
  /** Empty keeps the stored number: the form never holds the full one. */
  idNumber: string;
  contacts: { kind: ContactKind; value: string }[];
  address: string;
  remark: string;
  caseIds: string[];
  relatedPetitionerIds: string[];
}

export interface StepForm {
  kind: Exclude<PetitionStepKind, 'registered'>;
  on: string;
  days: number | undefined;
  until: string;
  note: string;
  /** Empty leaves the petition's 处理结果 as it is. */
  outcome: PetitionOutcome | '';
}

export interface PlanForm {
  leaderName: string;
  staff: string[];
  /** One measure per line. */
  measures: string;
  startedOn: string;
  reviewOn: string;
}

export interface KeyPersonForm {
  listedOn: string;
  reason: string;
  reviewCadenceDays: number;
}

export interface ReviewForm {
  reviewedOn: string;
  decision: 'keep' | 'delist';
  opinion: string;
}

export interface CounsellingForm {
  heldOn: string;
  counsellor: string;
  form: CounsellingSessionInput['form'];
  emotionalState: CounsellingSessionInput['emotionalState'];
  notes: string;
  nextOn: string;
}

export interface FollowUpForm {
  visitedOn: string;
  visitors: string[];
  method: FollowUpVisitInput['method'];
  attitude: FollowUpVisitInput['attitude'];
  findings: string;
  nextOn: string;
}

const date = (text: string) => text as LocalDate;
/** `{ key: value }` when the trimmed text is not empty, else nothing (optional fields are left out). */
const optional = <K extends string>(key: K, text: string) => (text.trim() ? ({ [key]: text.trim() } as Record<K, string>) : {});

/** The edit form of a petitioner: manual links only (the group comes from petitions), no full ID number. */
export function petitionerEditValues(person: PetitionerDetailView): PetitionerEditForm {
  return {
    name: person.name,
    idNumber: '',
    contacts: person.contacts.map((c) => ({ ...c })),
    address: person.address ?? '',
    remark: person.remark ?? '',
    caseIds: person.linkedCaseIds,
    relatedPetitionerIds: person.relatedPetitioners.filter((p) => p.source === 'manual').map((p) => p.id),
  };
}

/** PUT /petitioners/:id body: trimmed, empty contacts dropped, an empty ID number left out (kept on the server). */
export function toPetitionerUpdate(form: PetitionerEditForm, version: number): PetitionerUpdateInput {
  return {
    name: form.name.trim(),
    ...optional('idNumber', form.idNumber),
    contacts: form.contacts.map((c) => ({ kind: c.kind, value: c.value.trim() })).filter((c) => c.value !== ''),
    ...optional('address', form.address),
    ...optional('remark', form.remark),
    caseIds: form.caseIds,
    relatedPetitionerIds: form.relatedPetitionerIds,
    version,
  };
}

/** POST /petitions/:id/steps body: 延长天数 only for an extension, optional dates and outcome left out when empty. */
export function toStepInput(form: StepForm): PetitionStepInput {
  return {
    kind: form.kind,
    on: date(form.on),
    ...(form.kind === 'extended' && form.days !== undefined ? { days: form.days } : {}),
    ...(form.until ? { until: date(form.until) } : {}),
    ...optional('note', form.note),
    ...(form.outcome ? { outcome: form.outcome } : {}),
  };
}

/** POST /stabilization-plans body: one measure per non-empty line. */
export function toPlanInput(petitionerId: string, form: PlanForm): StabilizationPlanInput {
  return {
    petitionerId,
    leaderName: form.leaderName.trim(),
    staff: form.staff.map((name) => name.trim()).filter((name) => name !== ''),
    measures: splitLines(form.measures),
    agencyIds: [],
    startedOn: date(form.startedOn),
    reviewOn: date(form.reviewOn),
  };
}

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The write dialogs of a petitioner's page (issue 6): edit the profile, record a handling step on a
 * petition, a 稳控 plan, the 重点人员 listing and its reviews, and the confidential counselling and
 * follow-up records. Each reloads what it changed; the server checks the permissions again.
 */
export function usePetitionerForms(deps: {
  person: Readonly<ShallowRef<PetitionerDetailView | undefined>>;
  reload: () => Promise<void>;
  showConfidential: (records: ConfidentialRecordsView) => void;
}) {
  const personId = () => deps.person.value!.id;

  const edit = useFormDialog<PetitionerEditForm, PetitionerDetailView>({
    blank: () => ({ name: '', idNumber: '', contacts: [], address: '', remark: '', caseIds: [], relatedPetitionerIds: [] }),
    save: (form, person) => updatePetitioner(person!.id, toPetitionerUpdate(form, person!.version)),
    onSaved: deps.reload,
    onConflict: deps.reload,
  });

  const step = useFormDialog<StepForm, PetitionView>({
    blank: () => ({ kind: 'accepted', on: beijingToday(), days: undefined, until: '', note: '', outcome: '' }),
    save: (form, petition) => addPetitionStep(petition!.id, toStepInput(form)),
    onSaved: deps.reload,
  });

  const plan = useFormDialog<PlanForm>({
    blank: () => ({ leaderName: '', staff: [], measures: '', startedOn: beijingToday(), reviewOn: '' }),
    save: (form) => createStabilizationPlan(toPlanInput(personId(), form)),
    onSaved: deps.reload,
  });

  const keyPerson = useFormDialog<KeyPersonForm>({
    blank: () => ({ listedOn: beijingToday(), reason: '', reviewCadenceDays: 30 }),
    save: (form) => createKeyPerson({ petitionerId: personId(), listedOn: date(form.listedOn), reason: form.reason.trim(), reviewCadenceDays: form.reviewCadenceDays } satisfies KeyPersonInput),
    onSaved: deps.reload,
  });

  const review = useFormDialog<ReviewForm, KeyPersonView>({
    blank: () => ({ reviewedOn: beijingToday(), decision: 'keep', opinion: '' }),
    save: (form, record) => reviewKeyPerson(record!.id, { reviewedOn: date(form.reviewedOn), decision: form.decision, opinion: form.opinion.trim(), version: record!.version } satisfies KeyPersonReviewRequest),
    onSaved: deps.reload,
    onConflict: deps.reload,
  });

  const counselling = useFormDialog<CounsellingForm, unknown, ConfidentialRecordsView>({
    blank: () => ({ heldOn: beijingToday(), counsellor: '', form: 'in_person', emotionalState: 'stable', notes: '', nextOn: '' }),
    save: (form) =>
      addCounsellingSession({
        petitionerId: personId(),
        heldOn: date(form.heldOn),
        counsellor: form.counsellor.trim(),
        form: form.form,
        emotionalState: form.emotionalState,
        notes: form.notes.trim(),
        ...(form.nextOn ? { nextOn: date(form.nextOn) } : {}),
      }),
    onSaved: deps.showConfidential,
  });

  const followUp = useFormDialog<FollowUpForm, unknown, ConfidentialRecordsView>({
    blank: () => ({ visitedOn: beijingToday(), visitors: [], method: 'phone', attitude: 'stable', findings: '', nextOn: '' }),
    save: (form) =>
      addFollowUpVisit({
        petitionerId: personId(),
        visitedOn: date(form.visitedOn),
        visitors: form.visitors.map((name) => name.trim()).filter((name) => name !== ''),
        method: form.method,
        attitude: form.attitude,
        findings: form.findings.trim(),
        ...(form.nextOn ? { nextOn: date(form.nextOn) } : {}),
      }),
    onSaved: deps.showConfidential,
  });

  return {
    edit,
    openEdit: () => edit.openEdit(deps.person.value!, petitionerEditValues(deps.person.value!)),
    step,
    openStep: (petition: PetitionView) => step.openEdit(petition, {}),
    plan,
    keyPerson,
    review,
    openReview: (record: KeyPersonView) => review.openEdit(record, {}),
    counselling,
    followUp,
  };
}
