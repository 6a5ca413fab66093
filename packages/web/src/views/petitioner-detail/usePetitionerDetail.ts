import type { ConfidentialRecordsView, PetitionerDetailView, PetitionerTimelineEntry, PetitionView } from '@courtrisk/core';
import { ref, shallowRef } from 'vue';
import { getConfidentialRecords, getPetition, getPetitioner, getPetitionerTimeline, listPetitions, revealIdNumber } from '../../api/petitions';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';

/** Tag type of a clock status (超期 red, 临期 orange, met green). */
export function clockTagType(status: string): 'danger' | 'warning' | 'success' | 'info' {
  if (status === 'overdue' || status === 'met_late') return 'danger';
  if (status === 'due_soon') return 'warning';
  if (status === 'met') return 'success';
  return 'info';
}

/**
 * One petitioner's file: profile, petitions with their clocks, warnings, timeline, 稳控; the full ID
 * number and the confidential records are fetched only on an explicit click (each audited by the server).
 */
export function usePetitionerDetail(id: () => string) {
  const person = shallowRef<PetitionerDetailView>();
  const petitions = shallowRef<PetitionView[]>([]);
  const timeline = shallowRef<PetitionerTimelineEntry[]>([]);
  const confidential = shallowRef<ConfidentialRecordsView>();
  const fullIdNumber = ref<string>();
  const loading = ref(false);

  async function load() {
    loading.value = true;
    fullIdNumber.value = undefined;
    confidential.value = undefined;
    try {
      const [detail, list, events] = await Promise.all([getPetitioner(id()), listPetitions({ petitionerId: id(), pageSize: 100, order: 'desc' }), getPetitionerTimeline(id())]);
      person.value = detail;
      timeline.value = events.items;
      petitions.value = await Promise.all(list.items.map((item) => getPetition(item.id)));
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function reveal() {
    try {
      fullIdNumber.value = (await revealIdNumber(id())).idNumber;
      showSuccess(zh.petitions.revealed);
    } catch (error) {
      showError(error);
    }
  }

  async function loadConfidential() {
    if (confidential.value) return;
    try {
      confidential.value = await getConfidentialRecords(id());
    } catch (error) {
      showError(error);
    }
  }

  return { person, petitions, timeline, confidential, fullIdNumber, loading, load, reveal, loadConfidential };
}
