import {
  IdParams,
  ImportUploadQuery,
  OpinionBatchInput,
  OpinionIntakeResult,
  OpinionItemDetailView,
  OpinionItemInput,
  OpinionItemView,
  OpinionListQuery,
  OpinionMatchDecisionInput,
  OpinionMetricsInput,
  OpinionResponseInput,
  OpinionTrendQuery,
  OpinionTrendView,
  OpinionWarningListItem,
  OpinionWarningView,
  paged,
  SourceWarningListQuery,
  WarningToRiskInput,
} from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_OPINION_FILE_BYTES } from '../../services/opinion-import.service.js';
import { sendXlsx } from '../xlsx-reply.js';

/** How a single item arrived: `hand` from the web form (登记舆情), `api` otherwise. */
const CreateQuery = z.object({ via: z.enum(['api', 'hand'], { error: '登记方式应为 api 或 hand' }).default('api') });

/** 舆情 (issue 6; docs/api.md “舆情”). */
export const opinionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['舆情'];
  app.route({
    method: 'GET',
    url: '/opinion/items',
    schema: { tags, summary: '舆情列表（来源、情感、热度、发布日期、是否关联案件、是否有预警）', querystring: OpinionListQuery, response: { 200: paged(OpinionItemView) } },
    handler: (req) => app.services.opinion.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/opinion/items/export.xlsx',
    schema: { tags, summary: '导出舆情（XLSX，筛选条件同列表）', querystring: OpinionListQuery },
    handler: async (req, reply) => sendXlsx(reply, '舆情', await app.services.opinion.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'POST',
    url: '/opinion/items',
    schema: {
      tags,
      summary: '登记一条舆情（201）；本院已有同一来源同一链接或相同内容的条目时，追加传播指标（200）',
      querystring: CreateQuery,
      body: OpinionItemInput,
      response: { 200: OpinionItemDetailView, 201: OpinionItemDetailView },
    },
    handler: async (req, reply) => {
      const { created, item } = await app.services.opinion.create(req.actor, req.body, req.query.via);
      return reply.status(created ? 201 : 200).send(item);
    },
  });
  app.route({
    method: 'POST',
    url: '/opinion/items/batch',
    schema: { tags, summary: '批量登记舆情（每条单独校验；已登记的条目追加传播指标）', body: OpinionBatchInput, response: { 200: OpinionIntakeResult } },
    handler: (req) => app.services.opinion.batch(req.actor, req.body),
  });
  app.route({
    method: 'GET',
    url: '/opinion-warnings',
    schema: { tags, summary: '舆情预警列表（预警列表 · 舆情预警；最新在前）', querystring: SourceWarningListQuery, response: { 200: paged(OpinionWarningListItem) } },
    handler: (req) => app.services.warningRisk.listOpinionWarnings(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/opinion-warnings/:id/confirm',
    schema: { tags, summary: '舆情预警转为风险（新建或并入风险事项）', params: IdParams, body: WarningToRiskInput, response: { 200: OpinionWarningView } },
    handler: (req) => app.services.warningRisk.confirmOpinionWarning(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/opinion/items/:id',
    schema: { tags, summary: '舆情详情（正文、情感解释、传播指标、关联案件、预警、回应）', params: IdParams, response: { 200: OpinionItemDetailView } },
    handler: (req) => app.services.opinion.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/opinion/items/:id/snapshots',
    schema: { tags, summary: '追加一次传播指标（同一采集时间再次提交时覆盖）', params: IdParams, body: OpinionMetricsInput, response: { 200: OpinionItemDetailView } },
    handler: (req) => app.services.opinion.addSnapshot(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/opinion/items/:id/matches',
    schema: { tags, summary: '确认或排除关联案件（排除须说明理由）', params: IdParams, body: OpinionMatchDecisionInput, response: { 200: OpinionItemDetailView } },
    handler: (req) => app.services.opinion.decideMatch(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/opinion/items/:id/responses',
    schema: { tags, summary: '登记回应（时间、渠道、回应部门或人员、内容）', params: IdParams, body: OpinionResponseInput, response: { 201: OpinionItemDetailView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.opinion.respond(req.actor, req.params.id, req.body)),
  });
  app.route({
    method: 'GET',
    url: '/opinion/heat-trend',
    schema: { tags, summary: '热度走势：按日（北京时间）汇总，及热度最高的条目', querystring: OpinionTrendQuery, response: { 200: OpinionTrendView } },
    handler: (req) => app.services.opinion.trend(req.actor, req.query),
  });

  // Opinion files arrive as the raw body and are small: read whole, up to the service's limit.
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/x-ndjson'],
    { parseAs: 'buffer', bodyLimit: MAX_OPINION_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.route({
    method: 'POST',
    url: '/opinion/imports',
    bodyLimit: MAX_OPINION_FILE_BYTES,
    schema: { tags, summary: '导入舆情文件（CSV/XLSX/JSONL，请求体为文件内容，上限 10 MB）', querystring: ImportUploadQuery.pick({ fileName: true }), response: { 200: OpinionIntakeResult } },
    handler: (req) => app.services.opinionImports.importFile(req.actor, req.query.fileName, req.body as Buffer),
  });
  app.route({
    method: 'GET',
    url: '/opinion/imports/template.xlsx',
    schema: { tags, summary: '下载舆情导入模板（XLSX）' },
    handler: async (req, reply) => sendXlsx(reply, '舆情导入模板', await app.services.opinionImports.template(req.actor)),
  });
  app.route({
    method: 'GET',
    url: '/opinion/imports/:id/errors.xlsx',
    schema: { tags, summary: '下载舆情导入的错误报告（XLSX）', params: IdParams },
    handler: async (req, reply) => sendXlsx(reply, '舆情导入错误报告', await app.services.opinionImports.errorReport(req.actor, req.params.id)),
  });
};
