import { WebhookInput, type NotificationKind, type WebhookDeliveryListQuery, type WebhookTestResult, type WebhookView } from '@courtrisk/core';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { ApiError } from '../../api/http';
import { getWebhook, listWebhookDeliveries, saveWebhook, testWebhook } from '../../api/webhook';
import { showError, showSuccess } from '../../components/feedback';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { fieldErrorsOfApiError, fieldErrorsOfIssues, type FieldErrors } from '../../utils/field-errors';

interface WebhookForm {
  url: string;
  /** A new secret; blank keeps the stored one (the server never sends it back). */
  secret: string;
  enabled: boolean;
  kinds: NotificationKind[];
}

const blankForm = (): WebhookForm => ({ url: '', secret: '', enabled: false, kinds: [] });

/** The body to send: a blank secret is left out so the stored one stays. */
export function webhookInput(form: WebhookForm, version: number): WebhookInput {
  const { secret, ...rest } = form;
  return { ...rest, url: rest.url.trim(), ...(secret ? { secret } : {}), version };
}

/** 消息推送 of one court: where notifications are POSTed, the write-only secret, a test send and the delivery log. */
export function useWebhookSettings(courtId: Ref<string | undefined>) {
  const current = ref<WebhookView | null>(null);
  const form = ref<WebhookForm>(blankForm());
  const loading = ref(false);
  const saving = ref(false);
  const testing = ref(false);
  const testResult = shallowRef<WebhookTestResult | null>(null);
  const errors = ref<FieldErrors>({});

  const dirty = computed(() => {
    const saved = current.value;
    if (!saved) return false;
    const { url, enabled, kinds, secret } = form.value;
    return secret !== '' || url.trim() !== saved.url || enabled !== saved.enabled || [...kinds].sort().join() !== [...saved.kinds].sort().join();
  });

  const deliveries = usePagedList(
    (query: Partial<WebhookDeliveryListQuery> & { page: number; pageSize: number }) => listWebhookDeliveries(courtId.value ?? '', query),
    (): Pick<Partial<WebhookDeliveryListQuery>, 'status'> => ({ status: undefined }),
  );

  function fill(view: WebhookView): void {
    current.value = view;
    form.value = { url: view.url, secret: '', enabled: view.enabled, kinds: [...view.kinds] };
    errors.value = {};
  }

  async function load(): Promise<void> {
    if (!courtId.value) return;
    loading.value = true;
    testResult.value = null;
    try {
      fill(await getWebhook(courtId.value));
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
    await deliveries.search();
  }

  async function save(): Promise<void> {
    if (!courtId.value || saving.value) return;
    const checked = WebhookInput.safeParse(webhookInput(form.value, current.value?.version ?? 0));
    if (!checked.success) {
      errors.value = fieldErrorsOfIssues(checked.error.issues);
      return;
    }
    saving.value = true;
    try {
      fill(await saveWebhook(courtId.value, checked.data));
      showSuccess(zh.common.saved);
    } catch (error) {
      showError(error);
      errors.value = fieldErrorsOfApiError(error);
      if (error instanceof ApiError && error.status === 409) await load();
    } finally {
      saving.value = false;
    }
  }

  /** Sends a test message to the saved address, then shows the answer and the new log line. */
  async function sendTest(): Promise<void> {
    if (!courtId.value || testing.value) return;
    testing.value = true;
    try {
      testResult.value = await testWebhook(courtId.value);
      await deliveries.search();
    } catch (error) {
      showError(error);
    } finally {
      testing.value = false;
    }
  }

  watch(form, () => (errors.value = {}), { deep: true, flush: 'sync' });
  watch(courtId, load, { immediate: true });

  return { current, form, loading, saving, testing, testResult, errors, dirty, deliveries, load, save, sendTest };
}
