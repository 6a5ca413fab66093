import { CaseBatchInput, CaseBatchResult, CaseDetailView, CaseListQuery, CaseSummaryView, IdParams, paged } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['案件'];
  app.route({
    method: 'GET',
    url: '/cases',
    schema: { tags, summary: '案件列表（法院、类型、案由、日期、风险类别与等级、有无预警）', querystring: CaseListQuery, response: { 200: paged(CaseSummaryView) } },
    handler: (req) => app.services.cases.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/cases/export.xlsx',
    schema: { tags, summary: '导出案件（XLSX）', querystring: CaseListQuery },
    handler: async (req, reply) => sendXlsx(reply, '案件', await app.services.cases.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'GET',
    url: '/cases/:id',
    schema: { tags, summary: '案件详情（当事人、事实、预警及证据）', params: IdParams, response: { 200: CaseDetailView } },
    handler: (req) => app.services.cases.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/cases/batch',
    schema: { tags, summary: '批量新增或更新案件（按法院 + 案号，幂等）', body: CaseBatchInput, response: { 200: CaseBatchResult } },
    handler: (req) => app.services.cases.upsertBatch(req.actor, req.body),
  });
};
