import { CountView, IdParams, NotificationListQuery, NotificationView, paged } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['通知'];
  app.route({
    method: 'GET',
    url: '/notifications',
    schema: { tags, summary: '我的通知（最新在前）', querystring: NotificationListQuery, response: { 200: paged(NotificationView) } },
    handler: (req) => app.services.notifications.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/notifications/unread-count',
    schema: { tags, summary: '未读通知数', response: { 200: CountView } },
    handler: (req) => app.services.notifications.unreadCount(req.actor),
  });
  app.route({
    method: 'POST',
    url: '/notifications/read-all',
    schema: { tags, summary: '全部标为已读', response: { 200: CountView } },
    handler: (req) => app.services.notifications.markAllRead(req.actor),
  });
  app.route({
    method: 'POST',
    url: '/notifications/:id/read',
    schema: { tags, summary: '标为已读', params: IdParams, response: { 200: NotificationView } },
    handler: (req) => app.services.notifications.markRead(req.actor, req.params.id),
  });
};
