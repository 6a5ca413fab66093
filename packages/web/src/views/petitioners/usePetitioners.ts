import { PETITION_CHANNELS, PETITION_OUTCOMES, PETITION_VENUE_LEVELS, petitionChannelLabel, petitionFlagKindLabel, petitionNatureLabel, petitionOutcomeLabel, petitionVenueLevelLabel, type LocalDate, type PetitionChannel, type PetitionInput, type PetitionMonthlyView, type PetitionNature, type PetitionOutcome, type PetitionUpdateInput, type PetitionVenueLevel, type PetitionView } from '@courtrisk/core';
import { computed, onMounted, shallowRef } from 'vue';
import { createPetition, createPetitioner, getPetitionMonthly, listPetitioners, petitionersExportUrl, type PetitionerFilters } from '../../api/petitions';
import { showError } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { usePagedList } from '../../composables/usePagedList';
import { labelOptions } from '../../utils/options';
import { buildPetitionMonthlyOption } from './petition-monthly-chart';
import { usePetitionerSearch } from './usePetitionerSearch';

export const flagOptions = labelOptions(petitionFlagKindLabel);
export const channelOptions = PETITION_CHANNELS.map((value) => ({ value, label: petitionChannelLabel[value] }));
export const venueOptions = PETITION_VENUE_LEVELS.map((value) => ({ value, label: petitionVenueLevelLabel[value] }));
export const natureOptions = labelOptions(petitionNatureLabel);
export const outcomeOptions = PETITION_OUTCOMES.map((value) => ({ value, label: petitionOutcomeLabel[value] }));

/** Tag colours of the flags, the same as the chart's. */
export const flagTagType: Record<string, 'warning' | 'danger' | 'primary'> = { repeat: 'warning', levelSkipping: 'primary', collective: 'danger', extremeSpeech: 'danger' };

export interface PetitionForm {
  petitionerIds: string[];
  channel: PetitionChannel;
  receivedOn: string;
  headcount: number;
  venueLevel: PetitionVenueLevel;
  forwardedBy: string;
  nature: PetitionNature;
  caseIds: string[];
  content: string;
  demands: string;
  outcome: PetitionOutcome;
}

export interface PetitionerForm {
  name: string;
  idNumber: string;
  mobile: string;
  address: string;
}

const blankFilters = (): PetitionerFilters => ({ keyword: '', idNumber: '', flag: undefined, keyPerson: undefined });

/** Today in Beijing as YYYY-MM-DD (the default 收到日期). */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const blankPetitionForm = (): PetitionForm => ({
  petitionerIds: [],
  channel: 'visit',
  receivedOn: beijingToday(),
  headcount: 1,
  venueLevel: 'intermediate',
  forwardedBy: '',
  nature: 'non_litigation',
  caseIds: [],
  content: '',
  demands: '',
  outcome: 'pending',
});

/** The body of 登记来访: trimmed, empty optional fields left out; 到访人数 at least the registered people. */
export function toPetitionInput(form: PetitionForm): PetitionInput {
  return {
    channel: form.channel,
    receivedOn: form.receivedOn as LocalDate,
    petitionerIds: form.petitionerIds,
    headcount: Math.max(form.headcount, form.petitionerIds.length),
    venueLevel: form.venueLevel,
    ...(form.forwardedBy.trim() ? { forwardedBy: form.forwardedBy.trim() } : {}),
    nature: form.nature,
    caseIds: form.caseIds,
    content: form.content.trim(),
    demands: form.demands.trim(),
    outcome: form.outcome,
  };
}

/** 编辑信访件 starts from the record as stored: its people and cases, an empty 转交机关 as ''. */
export function petitionFormValues(petition: PetitionView): PetitionForm {
  return {
    petitionerIds: petition.petitioners.map((p) => p.id),
    channel: petition.channel,
    receivedOn: petition.receivedOn,
    headcount: petition.headcount,
    venueLevel: petition.venueLevel,
    forwardedBy: petition.forwardedBy ?? '',
    nature: petition.nature,
    caseIds: petition.cases.map((c) => c.id),
    content: petition.content,
    demands: petition.demands,
    outcome: petition.outcome,
  };
}

/** PUT /petitions/:id body: the same as 登记来访's, with the version the form was filled from. */
export function toPetitionUpdate(form: PetitionForm, version: number): PetitionUpdateInput {
  return { ...toPetitionInput(form), version };
}

/**
 * 信访人 list (issue 6): filters, masked numbers, flags as tags, XLSX export, the monthly chart, and
 * the two registration dialogs (a new petitioner; a visit by registered petitioners).
 */
export function usePetitioners() {
  const list = usePagedList(listPetitioners, blankFilters);
  const exportUrl = computed(() => petitionersExportUrl(list.query()));
  const monthly = shallowRef<PetitionMonthlyView>();
  const chartOption = computed(() => (monthly.value ? buildPetitionMonthlyOption(monthly.value) : undefined));
  const { people, searching, searchPeople } = usePetitionerSearch();

  async function loadMonthly() {
    try {
      monthly.value = await getPetitionMonthly(12);
    } catch (error) {
      showError(error);
    }
  }

  const visit = useFormDialog<PetitionForm>({
    blank: blankPetitionForm,
    save: (form) => createPetition(toPetitionInput(form)),
    onSaved: async () => {
      await Promise.all([list.load(), loadMonthly()]);
    },
  });

  const person = useFormDialog<PetitionerForm>({
    blank: () => ({ name: '', idNumber: '', mobile: '', address: '' }),
    save: (form) =>
      createPetitioner({
        name: form.name.trim(),
        ...(form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}),
        contacts: form.mobile.trim() ? [{ kind: 'mobile', value: form.mobile.trim() }] : [],
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        caseIds: [],
        relatedPetitionerIds: [],
      }),
    onSaved: () => list.load(),
  });

  function openVisit() {
    void searchPeople('');
    visit.openCreate();
  }

  onMounted(() => Promise.all([list.load(), loadMonthly()]));
  return { list, exportUrl, chartOption, visit, person, openVisit, people, searching, searchPeople };
}
