import type { Paged, WebhookDeliveryListQuery, WebhookDeliveryView, WebhookInput, WebhookTestResult, WebhookView } from '@courtrisk/core';
import { http } from './http';

/** 本院消息推送设置（不返回签名密钥，只返回是否已设置）。 */
export const getWebhook = (courtId: string) => http.get<WebhookView>(`/courts/${courtId}/webhook`);

/** 保存消息推送设置；不填密钥则保留原密钥。 */
export const saveWebhook = (courtId: string, input: WebhookInput) => http.put<WebhookView>(`/courts/${courtId}/webhook`, input);

/** 向推送地址发送一条测试消息。 */
export const testWebhook = (courtId: string) => http.post<WebhookTestResult>(`/courts/${courtId}/webhook/test`);

/** 推送记录（分页，可按状态筛选）。 */
export const listWebhookDeliveries = (courtId: string, query: Partial<WebhookDeliveryListQuery>) =>
  http.get<Paged<WebhookDeliveryView>>(`/courts/${courtId}/webhook/deliveries`, query);
