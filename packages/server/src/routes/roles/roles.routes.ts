import { IdParams, OkBody, RoleCreateInput, RoleListQuery, RoleUpdateInput, RoleView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['角色'];
  app.route({
    method: 'GET',
    url: '/roles',
    schema: { tags, summary: '角色列表', querystring: RoleListQuery, response: { 200: z.array(RoleView) } },
    handler: (req) => app.services.roles.list(req.actor, req.query.courtId),
  });
  app.route({
    method: 'POST',
    url: '/roles',
    schema: { tags, summary: '新建角色', body: RoleCreateInput, response: { 200: RoleView } },
    handler: (req) => app.services.roles.create(req.actor, req.body),
  });
  app.route({
    method: 'PATCH',
    url: '/roles/:id',
    schema: { tags, summary: '修改角色（权限、数据范围）', params: IdParams, body: RoleUpdateInput, response: { 200: RoleView } },
    handler: (req) => app.services.roles.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE',
    url: '/roles/:id',
    schema: { tags, summary: '删除角色', params: IdParams, response: { 200: OkBody } },
    handler: async (req) => {
      await app.services.roles.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  });
};
