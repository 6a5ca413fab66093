import { AgencyHandoversView, AgencyInput, AgencyListQuery, AgencyUpdateInput, AgencyView, IdParams, paged } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 协同单位 (docs/risk-api.md). */
export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['协同单位'];
  app.route({
    method: 'GET',
    url: '/agencies',
    schema: { tags, summary: '协同单位列表（本院，或 courtId 指定的辖区法院）', querystring: AgencyListQuery, response: { 200: paged(AgencyView) } },
    handler: (req) => app.services.agencies.list(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/agencies',
    schema: { tags, summary: '新增协同单位（本院）', body: AgencyInput, response: { 201: AgencyView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.agencies.create(req.actor, req.body)),
  });
  app.route({
    method: 'PUT',
    url: '/agencies/:id',
    schema: { tags, summary: '修改协同单位', params: IdParams, body: AgencyUpdateInput, response: { 200: AgencyView } },
    handler: (req) => app.services.agencies.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE',
    url: '/agencies/:id',
    schema: { tags, summary: '删除协同单位（有未办结任务时不能删除）', params: IdParams },
    handler: async (req, reply) => {
      await app.services.agencies.remove(req.actor, req.params.id);
      return reply.status(204).send();
    },
  });
  app.route({
    method: 'GET',
    url: '/agencies/:id/handovers',
    schema: { tags, summary: '交办情况：交给该单位的任务与其参加的研判', params: IdParams, response: { 200: AgencyHandoversView } },
    handler: (req) => app.services.agencies.handovers(req.actor, req.params.id),
  });
};
