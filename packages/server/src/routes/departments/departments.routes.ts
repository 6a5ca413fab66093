import { DepartmentCreateInput, DepartmentListQuery, DepartmentUpdateInput, DepartmentView, IdParams, OkBody } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['部门'];
  app.route({
    method: 'GET',
    url: '/departments',
    schema: { tags, summary: '部门列表', querystring: DepartmentListQuery, response: { 200: z.array(DepartmentView) } },
    handler: (req) => app.services.departments.list(req.actor, req.query.courtId),
  });
  app.route({
    method: 'POST',
    url: '/departments',
    schema: { tags, summary: '新建部门', body: DepartmentCreateInput, response: { 200: DepartmentView } },
    handler: (req) => app.services.departments.create(req.actor, req.body),
  });
  app.route({
    method: 'PATCH',
    url: '/departments/:id',
    schema: { tags, summary: '修改部门', params: IdParams, body: DepartmentUpdateInput, response: { 200: DepartmentView } },
    handler: (req) => app.services.departments.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE',
    url: '/departments/:id',
    schema: { tags, summary: '删除部门', params: IdParams, response: { 200: OkBody } },
    handler: async (req) => {
      await app.services.departments.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  });
};
