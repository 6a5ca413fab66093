import { IdParams, ImportJobView, ImportUploadQuery, RowProblemView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { sendXlsx } from '../xlsx-reply.js';

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['导入'];
  // The file arrives as the raw request body and streams to disk; the service enforces its own size limit.
  for (const type of ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/x-ndjson']) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
  app.route({
    method: 'POST',
    url: '/imports/cases',
    schema: { tags, summary: '上传案件文件（CSV/XLSX/JSONL，请求体为文件内容）并开始导入', querystring: ImportUploadQuery, response: { 200: ImportJobView } },
    handler: (req) => app.services.imports.upload(req.actor, req.query, req.body as Readable),
  });
  app.route({
    method: 'GET',
    url: '/imports',
    schema: { tags, summary: '最近的导入任务', response: { 200: z.array(ImportJobView) } },
    handler: (req) => app.services.imports.listRecent(req.actor),
  });
  app.route({
    method: 'GET',
    url: '/imports/template.xlsx',
    schema: { tags, summary: '下载案件导入模板（XLSX）' },
    handler: async (req, reply) => sendXlsx(reply, '案件导入模板', await app.services.imports.template(req.actor)),
  });
  app.route({
    method: 'GET',
    url: '/imports/:id',
    schema: { tags, summary: '导入任务进度', params: IdParams, response: { 200: ImportJobView } },
    handler: (req) => app.services.imports.get(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/imports/:id/errors',
    schema: { tags, summary: '导入错误（前 500 条）', params: IdParams, response: { 200: z.array(RowProblemView) } },
    handler: (req) => app.services.imports.listErrors(req.actor, req.params.id, 500),
  });
  app.route({
    method: 'GET',
    url: '/imports/:id/errors.xlsx',
    schema: { tags, summary: '下载错误报告（XLSX）', params: IdParams },
    handler: async (req, reply) => sendXlsx(reply, '导入错误报告', await app.services.imports.errorReport(req.actor, req.params.id)),
  });
};
