import { WorkbenchQuery, WorkbenchView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    method: 'GET',
    url: '/workbench',
    schema: { tags: ['工作台'], summary: '工作台：我的任务与时限、待研判预警、超时督办、态势热力图与趋势、下级法院', querystring: WorkbenchQuery, response: { 200: WorkbenchView } },
    handler: (req) => app.services.workbench.get(req.actor, req.query),
  });
};
