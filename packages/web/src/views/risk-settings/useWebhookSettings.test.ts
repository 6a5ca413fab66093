import type { Paged, WebhookDeliveryView, WebhookView } from '@courtrisk/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import * as api from '../../api/webhook';
import { useWebhookSettings, webhookInput } from './useWebhookSettings';

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessage: Object.assign(vi.fn(), { warning: vi.fn(), error: vi.fn(), success: vi.fn() }),
}));
vi.mock('../../api/webhook', () => ({ getWebhook: vi.fn(), saveWebhook: vi.fn(), testWebhook: vi.fn(), listWebhookDeliveries: vi.fn() }));

const saved: WebhookView = {
  courtId: 'c1',
  url: 'https://oa.example.gov.cn/hook',
  enabled: true,
  kinds: ['escalation'],
  hasSecret: true,
  updatedAt: '2025-03-01T00:00:00.000Z',
  version: 2,
};
const noDeliveries: Paged<WebhookDeliveryView> = { items: [], total: 0, page: 1, pageSize: 20 };

async function loaded() {
  const webhook = effectScope().run(() => useWebhookSettings(ref('c1')))!;
  await vi.waitFor(() => expect(webhook.current.value).not.toBeNull());
  return webhook;
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.getWebhook).mockResolvedValue(saved);
  vi.mocked(api.listWebhookDeliveries).mockResolvedValue(noDeliveries);
});

describe('webhookInput', () => {
  it('leaves a blank secret out so the stored one is kept, and trims the address', () => {
    const form = { url: ' https://a.example/x ', secret: '', enabled: true, kinds: ['mention' as const] };
    expect(webhookInput(form, 2)).toEqual({ url: 'https://a.example/x', enabled: true, kinds: ['mention'], version: 2 });
    expect(webhookInput({ ...form, secret: 'a-new-secret-0123' }, 2)).toMatchObject({ secret: 'a-new-secret-0123' });
  });
});

describe('useWebhookSettings', () => {
  it('loads the setting and its delivery log, never showing the secret', async () => {
    const webhook = await loaded();
    expect(webhook.form.value).toEqual({ url: saved.url, secret: '', enabled: true, kinds: ['escalation'] });
    expect(webhook.dirty.value).toBe(false);
    await vi.waitFor(() => expect(api.listWebhookDeliveries).toHaveBeenCalledWith('c1', { status: undefined, page: 1, pageSize: 20 }));
  });

  it('refuses to enable pushing with no kinds, at the field, without calling the server', async () => {
    const webhook = await loaded();
    webhook.form.value.kinds = [];
    await webhook.save();
    expect(webhook.errors.value.kinds).toBe('启用推送时至少选择一种推送类型');
    expect(api.saveWebhook).not.toHaveBeenCalled();
  });

  it('saves a new secret with the version and clears the secret field afterwards', async () => {
    const webhook = await loaded();
    webhook.form.value.secret = 'a-new-secret-0123';
    expect(webhook.dirty.value).toBe(true);
    vi.mocked(api.saveWebhook).mockResolvedValue({ ...saved, version: 3 });
    await webhook.save();
    expect(api.saveWebhook).toHaveBeenCalledWith('c1', { url: saved.url, secret: 'a-new-secret-0123', enabled: true, kinds: ['escalation'], version: 2 });
    expect(webhook.form.value.secret).toBe('');
    expect(webhook.current.value?.version).toBe(3);
  });

  it('shows the test answer and reloads the log', async () => {
    const webhook = await loaded();
    vi.mocked(api.testWebhook).mockResolvedValue({ delivered: false, status: 500, error: '对方返回 500' });
    const before = vi.mocked(api.listWebhookDeliveries).mock.calls.length;
    await webhook.sendTest();
    expect(webhook.testResult.value).toEqual({ delivered: false, status: 500, error: '对方返回 500' });
    expect(vi.mocked(api.listWebhookDeliveries).mock.calls.length).toBe(before + 1);
  });
});
