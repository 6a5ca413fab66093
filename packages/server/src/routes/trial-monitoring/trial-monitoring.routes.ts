import { IdParams, TrialCalendarQuery, TrialCalendarView, TrialLimitView, TrialLobbyQuery, TrialLobbyView, TrialMonitorList, TrialMonitorQuery, TrialProcedureOverrideInput } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const trialMonitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审限监控'];
  app.route({
    method: 'GET',
    url: '/trial-limits/monitor',
    schema: { tags, summary: '审限监控列表（未结案件按剩余天数排序；我的审限、部门、全院视图）', querystring: TrialMonitorQuery, response: { 200: TrialMonitorList } },
    handler: (req) => app.services.trialMonitoring.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/trial-limits/monitor/export.xlsx',
    schema: { tags, summary: '导出审限监控列表（XLSX，筛选同列表）', querystring: TrialMonitorQuery },
    handler: async (req, reply) => sendXlsx(reply, '审限监控', await app.services.trialMonitoring.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'GET',
    url: '/trial-limits/calendar',
    schema: { tags, summary: '审限届满日历（指定期间内届满的未结案件，按日汇总）', querystring: TrialCalendarQuery, response: { 200: TrialCalendarView } },
    handler: (req) => app.services.trialMonitoring.calendar(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/trial-limits/lobby',
    schema: { tags, summary: '大屏：审限已用超过三分之二（本院提示比例）的未结案件', querystring: TrialLobbyQuery, response: { 200: TrialLobbyView } },
    handler: (req) => app.services.trialMonitoring.lobby(req.actor, req.query),
  });
  app.route({
    method: 'PUT',
    url: '/cases/:id/trial-limit/procedure',
    schema: { tags, summary: '人工指定案件的审限适用程序（procedure 为 null 时恢复自动判断）', params: IdParams, body: TrialProcedureOverrideInput, response: { 200: TrialLimitView } },
    handler: (req) => app.services.trialMonitoring.setProcedure(req.actor, req.params.id, req.body),
  });
};
