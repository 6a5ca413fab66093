import { AccountCreateInput, AccountListQuery, AccountUpdateInput, AccountView, IdParams, InitialPasswordView, paged } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['账号'];
  app.route({
    method: 'GET',
    url: '/accounts',
    schema: { tags, summary: '账号列表', querystring: AccountListQuery, response: { 200: paged(AccountView) } },
    handler: (req) => app.services.accounts.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/accounts/export.xlsx',
    schema: { tags, summary: '导出账号（XLSX）', querystring: AccountListQuery },
    handler: async (req, reply) => sendXlsx(reply, '账号', await app.services.accounts.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'GET',
    url: '/accounts/:id',
    schema: { tags, summary: '账号详情', params: IdParams, response: { 200: AccountView } },
    handler: (req) => app.services.accounts.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/accounts',
    schema: { tags, summary: '新建账号（返回一次性初始密码）', body: AccountCreateInput, response: { 200: InitialPasswordView } },
    handler: (req) => app.services.accounts.create(req.actor, req.body),
  });
  app.route({
    method: 'PATCH',
    url: '/accounts/:id',
    schema: { tags, summary: '修改账号（部门、角色、状态）', params: IdParams, body: AccountUpdateInput, response: { 200: AccountView } },
    handler: (req) => app.services.accounts.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/accounts/:id/reset-password',
    schema: { tags, summary: '重置密码（返回一次性初始密码）', params: IdParams, response: { 200: InitialPasswordView } },
    handler: (req) => app.services.accounts.resetPassword(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/accounts/:id/unlock',
    schema: { tags, summary: '解除登录锁定', params: IdParams, response: { 200: AccountView } },
    handler: (req) => app.services.accounts.unlock(req.actor, req.params.id),
  });
};
