import { DictionaryCreateInput, DictionaryItemView, DictionaryListQuery, DictionaryUpdateInput, IdParams, OkBody } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['字典'];
  app.route({
    method: 'GET',
    url: '/dictionaries',
    schema: { tags, summary: '字典项', querystring: DictionaryListQuery, response: { 200: z.array(DictionaryItemView) } },
    handler: (req) => app.services.dictionaries.list(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/dictionaries',
    schema: { tags, summary: '新增字典项', body: DictionaryCreateInput, response: { 200: DictionaryItemView } },
    handler: (req) => app.services.dictionaries.create(req.actor, req.body),
  });
  app.route({
    method: 'PATCH',
    url: '/dictionaries/:id',
    schema: { tags, summary: '修改字典项', params: IdParams, body: DictionaryUpdateInput, response: { 200: DictionaryItemView } },
    handler: (req) => app.services.dictionaries.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE',
    url: '/dictionaries/:id',
    schema: { tags, summary: '删除字典项', params: IdParams, response: { 200: OkBody } },
    handler: async (req) => {
      await app.services.dictionaries.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  });
};
