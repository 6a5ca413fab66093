import { IdParams, TrialLimitEventInput, TrialLimitView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const trialLimitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审限'];
  app.route({
    method: 'GET',
    url: '/cases/:id/trial-limit',
    schema: { tags, summary: '案件审限（届满日、已用/剩余天数、预警档次、计算依据、审限事项）', params: IdParams, response: { 200: TrialLimitView } },
    handler: (req) => app.services.trialLimits.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/cases/:id/events',
    schema: { tags, summary: '登记审限事项（延长、扣除、中止、恢复、重新计算、结案），重新计算审限并更新预警', params: IdParams, body: TrialLimitEventInput, response: { 200: TrialLimitView } },
    handler: (req) => app.services.trialLimits.addEvent(req.actor, req.params.id, req.body),
  });
};
