import { agencyKindLabel, type AgencyHandoversView, type AgencyInput, type AgencyKind, type AgencyView } from '@courtrisk/core';
import { ref, shallowRef } from 'vue';
import { createAgency, deleteAgency, getAgencyHandovers, listAgencies, updateAgency, type AgencyFilters } from '../../api/agencies';
import { runRowAction, showError } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { labelOptions } from '../../utils/options';
import { agencyRules } from './rules';

export interface ContactDraft {
  name: string;
  phone: string;
  title: string;
}

export interface AgencyForm {
  name: string;
  kind: AgencyKind | undefined;
  contacts: ContactDraft[];
  note: string;
}

export const kindOptions = labelOptions(agencyKindLabel);

const blankFilters = (): AgencyFilters => ({ keyword: '', kind: undefined });
export const blankContact = (): ContactDraft => ({ name: '', phone: '', title: '' });
export const isBlankContact = (contact: ContactDraft) => !contact.name.trim() && !contact.phone.trim() && !contact.title.trim();
const blankForm = (): AgencyForm => ({ name: '', kind: undefined, contacts: [blankContact()], note: '' });

/** The body of create/update: trimmed, empty contact rows and empty optional fields left out. */
export function toAgencyInput(form: AgencyForm): AgencyInput {
  if (!form.kind) throw new Error('kind is checked by the form rules');
  const contacts = form.contacts
    .filter((contact) => !isBlankContact(contact))
    .map((contact) => ({
      name: contact.name.trim(),
      ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
      ...(contact.title.trim() ? { title: contact.title.trim() } : {}),
    }));
  return { name: form.name.trim(), kind: form.kind, contacts, ...(form.note.trim() ? { note: form.note.trim() } : {}) };
}

/**
 * 协同单位: the outside bodies the court shares risk work with. Everyone who sees risks can look them
 * up and see what was handed over to each (tasks and what came back, assessments attended);
 * `agency.manage` adds, edits and deletes.
 */
export function useAgencies() {
  const list = usePagedList(listAgencies, blankFilters);

  const dialog = useFormDialog<AgencyForm, AgencyView, AgencyView>({
    blank: blankForm,
    save: (form, agency) => (agency ? updateAgency(agency.id, { ...toAgencyInput(form), version: agency.version }) : createAgency(toAgencyInput(form))),
    onSaved: () => list.load(),
    onConflict: list.load,
  });
  const rules = agencyRules(() => dialog.form.value);

  function openEdit(agency: AgencyView): void {
    dialog.openEdit(agency, {
      name: agency.name,
      kind: agency.kind,
      contacts: agency.contacts.length ? agency.contacts.map((c) => ({ name: c.name, phone: c.phone ?? '', title: c.title ?? '' })) : [blankContact()],
      note: agency.note ?? '',
    });
  }

  const remove = (agency: AgencyView) =>
    runRowAction({ confirm: zh.agencies.confirmDelete(agency.name, agency.openTaskCount), run: () => deleteAgency(agency.id), success: zh.common.deleted, reload: list.load });

  /** 协作记录 drawer: the agency and what was handed over to it. */
  const drawerAgency = shallowRef<AgencyView | null>(null);
  const handovers = shallowRef<AgencyHandoversView | null>(null);
  const handoversLoading = ref(false);

  async function openHandovers(agency: AgencyView): Promise<void> {
    drawerAgency.value = agency;
    handovers.value = null;
    handoversLoading.value = true;
    try {
      const result = await getAgencyHandovers(agency.id);
      if (drawerAgency.value?.id === agency.id) handovers.value = result;
    } catch (error) {
      showError(error);
    } finally {
      handoversLoading.value = false;
    }
  }

  const contactsText = (agency: AgencyView) =>
    agency.contacts.map((c) => [c.name, c.title, c.phone].filter(Boolean).join(' ')).join('；') || zh.common.none;

  void list.load();

  return { list, dialog, rules, openEdit, remove, drawerAgency, handovers, handoversLoading, openHandovers, contactsText };
}
