import { AuditEntryView, AuditListQuery, AuditVerifyResult, LoginLogListQuery, LoginLogView, paged } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    method: 'GET',
    url: '/audit-logs',
    schema: { tags: ['审计'], summary: '审计日志', querystring: AuditListQuery, response: { 200: paged(AuditEntryView) } },
    handler: (req) => app.services.logs.listAudit(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/audit-logs/export.xlsx',
    schema: { tags: ['审计'], summary: '导出审计日志（XLSX）', querystring: AuditListQuery },
    handler: async (req, reply) => sendXlsx(reply, '审计日志', await app.services.logs.exportAudit(req.actor, req.query)),
  });
  app.route({
    method: 'POST',
    url: '/audit-logs/verify',
    schema: { tags: ['审计'], summary: '校验审计日志哈希链（SM3）', response: { 200: AuditVerifyResult } },
    handler: (req) => app.services.logs.verifyAudit(req.actor),
  });
  app.route({
    method: 'GET',
    url: '/login-logs',
    schema: { tags: ['审计'], summary: '登录日志', querystring: LoginLogListQuery, response: { 200: paged(LoginLogView) } },
    handler: (req) => app.services.logs.listLoginLogs(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/login-logs/export.xlsx',
    schema: { tags: ['审计'], summary: '导出登录日志（XLSX）', querystring: LoginLogListQuery },
    handler: async (req, reply) => sendXlsx(reply, '登录日志', await app.services.logs.exportLoginLogs(req.actor, req.query)),
  });
};
