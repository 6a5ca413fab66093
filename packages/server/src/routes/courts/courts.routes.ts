import { CourtCreateInput, CourtUpdateInput, CourtView, IdParams } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const courtRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['法院'];
  app.route({
    method: 'GET',
    url: '/courts',
    schema: { tags, summary: '可见的法院（平铺，前端组树）', response: { 200: z.array(CourtView) } },
    handler: (req) => app.services.courts.list(req.actor),
  });
  app.route({
    method: 'GET',
    url: '/courts/:id',
    schema: { tags, summary: '法院详情', params: IdParams, response: { 200: CourtView } },
    handler: (req) => app.services.courts.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/courts',
    schema: { tags, summary: '新建下级法院', body: CourtCreateInput, response: { 200: CourtView } },
    handler: (req) => app.services.courts.create(req.actor, req.body),
  });
  app.route({
    method: 'PATCH',
    url: '/courts/:id',
    schema: { tags, summary: '修改法院', params: IdParams, body: CourtUpdateInput, response: { 200: CourtView } },
    handler: (req) => app.services.courts.update(req.actor, req.params.id, req.body),
  });
};
