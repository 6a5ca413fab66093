import { IdParams, RiskSettingsInput, RiskSettingsView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const riskSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['风险设置'];
  app.route({
    method: 'GET',
    url: '/courts/:id/risk-settings',
    schema: { tags, summary: '法院的风险矩阵与时限设置（未设置时为默认值）', params: IdParams, response: { 200: RiskSettingsView } },
    handler: (req) => app.services.riskSettings.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/courts/:id/risk-settings',
    schema: { tags, summary: '修改风险矩阵与时限设置', params: IdParams, body: RiskSettingsInput, response: { 200: RiskSettingsView } },
    handler: (req) => app.services.riskSettings.update(req.actor, req.params.id, req.body),
  });
};
