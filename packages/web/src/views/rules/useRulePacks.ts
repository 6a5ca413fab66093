import { RISK_DOMAINS, riskDomainLabel, type RulePackView } from '@courtrisk/core';
import { ref, shallowRef, watch } from 'vue';
import { listRulePacks, setRulePackEnabled, type RulePackSaveResult } from '../../api/rules';
import { showError, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { useCourtStore } from '../../stores/courts';

/** Packs in the order of PRODUCT.md §2 (政治安全, 社会稳定, 金融, 网络安全, 内部管理), others last. */
export function sortPacks(packs: readonly RulePackView[]): RulePackView[] {
  const rank = (pack: RulePackView) => (pack.domain ? RISK_DOMAINS.indexOf(pack.domain) : RISK_DOMAINS.length);
  return [...packs].sort((a, b) => rank(a) - rank(b) || a.pack.localeCompare(b.pack));
}

/**
 * 筛查规则: the packs of one court (the user's own at first), each with its rules and their hit
 * and triage figures; enabling or disabling a pack asks for a comment and makes a new version.
 */
export function useRulePacks() {
  const auth = useAuthStore();
  void useCourtStore().load().catch(showError);

  const courtId = ref(auth.account?.courtId ?? '');
  const packs = shallowRef<RulePackView[]>([]);
  const loading = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await listRulePacks(courtId.value || undefined);
      if (ticket === latest) packs.value = sortPacks(result);
    } catch (error) {
      if (ticket === latest) showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  const toggle = useFormDialog<{ comment: string }, RulePackView, RulePackSaveResult>({
    blank: () => ({ comment: '' }),
    save: (form, pack) => setRulePackEnabled(pack!.pack, { courtId: courtId.value || undefined, enabled: !pack!.enabled, comment: form.comment }),
    successMessage: false,
    onSaved: async (result) => {
      showSuccess(zh.rules.toggled(result.pack.enabled));
      await load();
    },
    onConflict: load,
  });

  /** The switch itself never flips: the dialog asks first, and the reloaded list shows the outcome. */
  function requestToggle(pack: RulePackView): false {
    toggle.openEdit(pack, {});
    return false;
  }

  const domainText = (pack: RulePackView) => (pack.domain ? riskDomainLabel[pack.domain] : zh.common.none);

  watch(courtId, load, { immediate: true });

  return { auth, courtId, packs, loading, load, toggle, requestToggle, domainText };
}
