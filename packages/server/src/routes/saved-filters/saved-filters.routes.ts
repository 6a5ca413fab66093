import { IdParams, SavedFilterInput, SavedFilterListQuery, SavedFilterView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const savedFilterRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['常用筛选'];
  app.route({
    method: 'GET',
    url: '/saved-filters',
    schema: { tags, summary: '我在某页面保存的常用筛选', querystring: SavedFilterListQuery, response: { 200: z.object({ items: z.array(SavedFilterView) }) } },
    handler: (req) => app.services.savedFilters.list(req.actor, req.query.page),
  });
  app.route({
    method: 'POST',
    url: '/saved-filters',
    schema: { tags, summary: '保存常用筛选', body: SavedFilterInput, response: { 201: SavedFilterView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.savedFilters.create(req.actor, req.body)),
  });
  app.route({
    method: 'DELETE',
    url: '/saved-filters/:id',
    schema: { tags, summary: '删除我的常用筛选', params: IdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await app.services.savedFilters.remove(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  });
};
