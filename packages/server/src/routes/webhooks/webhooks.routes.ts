import { IdParams, paged, WebhookDeliveryListQuery, WebhookDeliveryView, WebhookInput, WebhookTestResult, WebhookView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['消息推送'];
  app.route({
    method: 'GET',
    url: '/courts/:id/webhook',
    schema: { tags, summary: '法院的消息推送设置（不返回签名密钥）', params: IdParams, response: { 200: WebhookView } },
    handler: (req) => app.services.webhooks.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/courts/:id/webhook',
    schema: { tags, summary: '修改消息推送设置', params: IdParams, body: WebhookInput, response: { 200: WebhookView } },
    handler: (req) => app.services.webhooks.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/courts/:id/webhook/test',
    schema: { tags, summary: '发送一条测试推送', params: IdParams, response: { 200: WebhookTestResult } },
    handler: (req) => app.services.webhooks.test(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/courts/:id/webhook/deliveries',
    schema: { tags, summary: '推送记录（含每次尝试）', params: IdParams, querystring: WebhookDeliveryListQuery, response: { 200: paged(WebhookDeliveryView) } },
    handler: (req) => app.services.webhooks.deliveries(req.actor, req.params.id, req.query),
  });
};
