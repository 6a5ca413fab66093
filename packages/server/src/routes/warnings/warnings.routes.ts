import { IdParams, paged, WarningListQuery, WarningTriageInput, WarningView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const warningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['预警'];
  app.route({
    method: 'GET',
    url: '/warnings',
    schema: { tags, summary: '预警列表', querystring: WarningListQuery, response: { 200: paged(WarningView) } },
    handler: (req) => app.services.warnings.list(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/warnings/:id/triage',
    schema: { tags, summary: '处理预警：确认、合并或排除（须填理由）', params: IdParams, body: WarningTriageInput, response: { 200: WarningView } },
    handler: (req) => app.services.warnings.triage(req.actor, req.params.id, req.body),
  });
};
