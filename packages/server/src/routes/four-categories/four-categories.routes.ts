import { CaseFourCategoryView, FourCategoryConfirmInput, FourCategoryList, FourCategoryListQuery, FourCategoryRejectInput, FourCategoryRevokeInput, IdParams, SupervisionInput } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const fourCategoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['四类案件'];
  app.route({
    method: 'GET',
    url: '/four-categories',
    schema: { tags, summary: '四类案件列表与按法院、部门、类别的统计', querystring: FourCategoryListQuery, response: { 200: FourCategoryList } },
    handler: (req) => app.services.fourCategories.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/four-categories/export.xlsx',
    schema: { tags, summary: '导出四类案件列表（XLSX，筛选同列表）', querystring: FourCategoryListQuery },
    handler: async (req, reply) => sendXlsx(reply, '四类案件', await app.services.fourCategories.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'GET',
    url: '/cases/:id/four-categories',
    schema: { tags, summary: '案件的四类案件标注、系统建议与监督记录', params: IdParams, response: { 200: CaseFourCategoryView } },
    handler: (req) => app.services.fourCategories.forCase(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/cases/:id/four-categories',
    schema: { tags, summary: '标注四类案件（确认系统建议或人工标注）', params: IdParams, body: FourCategoryConfirmInput, response: { 200: CaseFourCategoryView } },
    handler: (req) => app.services.fourCategories.confirm(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/cases/:id/four-categories/reject',
    schema: { tags, summary: '驳回系统建议（记录理由，不再建议该类别）', params: IdParams, body: FourCategoryRejectInput, response: { 200: CaseFourCategoryView } },
    handler: (req) => app.services.fourCategories.reject(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/four-categories/labels/:id/revoke',
    schema: { tags, summary: '撤销四类案件标注（保留记录与理由）', params: IdParams, body: FourCategoryRevokeInput, response: { 200: CaseFourCategoryView } },
    handler: (req) => app.services.fourCategories.revoke(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/cases/:id/supervisions',
    schema: { tags, summary: '登记院庭长监督记录（监督方式、时间、内容）', params: IdParams, body: SupervisionInput, response: { 200: CaseFourCategoryView } },
    handler: (req) => app.services.fourCategories.addSupervision(req.actor, req.params.id, req.body),
  });
};
