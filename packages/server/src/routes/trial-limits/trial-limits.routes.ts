import { IdParams, ImportUploadQuery, ProcessEventBatchInput, ProcessEventImportResult, TrialLimitEventInput, TrialLimitSettingsInput, TrialLimitSettingsView, TrialLimitSweepResult, TrialLimitView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_EVENT_FILE_BYTES } from '../../services/trial-event-import.service.js';
import { sendXlsx } from '../xlsx-reply.js';

export const trialLimitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审限'];
  app.route({
    method: 'GET',
    url: '/cases/:id/trial-limit',
    schema: { tags, summary: '案件审限（届满日、已用/剩余天数、预警档次、计算依据、审限事项）', params: IdParams, response: { 200: TrialLimitView } },
    handler: (req) => app.services.trialLimits.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/cases/:id/events',
    schema: { tags, summary: '登记审限事项（延长、扣除、中止、恢复、重新计算、结案），重新计算审限并更新预警', params: IdParams, body: TrialLimitEventInput, response: { 200: TrialLimitView } },
    handler: (req) => app.services.trialLimits.addEvent(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/courts/:id/trial-limit-settings',
    schema: { tags, summary: '法院审限设置（节假日顺延、预警档次、长期未结分档）', params: IdParams, response: { 200: TrialLimitSettingsView } },
    handler: (req) => app.services.trialLimitSettings.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/courts/:id/trial-limit-settings',
    schema: { tags, summary: '修改法院审限设置（带版本号；默认设置的版本号为 0）', params: IdParams, body: TrialLimitSettingsInput, response: { 200: TrialLimitSettingsView } },
    handler: (req) => app.services.trialLimitSettings.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/courts/:id/trial-limit-sweep',
    schema: { tags, summary: '立即按当前设置重新评估本院全部未结案件的审限预警', params: IdParams, response: { 200: TrialLimitSweepResult } },
    handler: (req) => app.services.trialLimitSweep.sweepCourt(req.actor, req.params.id),
  });
  // Event files arrive as the raw body and are small: read whole, up to the service's limit.
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/x-ndjson'],
    { parseAs: 'buffer', bodyLimit: MAX_EVENT_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.route({
    method: 'POST',
    url: '/trial-limits/events/batch',
    schema: { tags, summary: '按案号批量登记审限事项（幂等：同一案件的同一事项只登记一次）', body: ProcessEventBatchInput, response: { 200: ProcessEventImportResult } },
    handler: (req) => app.services.trialEventImports.batch(req.actor, req.body),
  });
  app.route({
    method: 'POST',
    url: '/trial-limits/event-imports',
    bodyLimit: MAX_EVENT_FILE_BYTES,
    schema: { tags, summary: '导入审限事项文件（CSV/XLSX/JSONL，请求体为文件内容，上限 10 MB）', querystring: ImportUploadQuery, response: { 200: ProcessEventImportResult } },
    handler: (req) => app.services.trialEventImports.importFile(req.actor, req.query, req.body as Buffer),
  });
  app.route({
    method: 'GET',
    url: '/trial-limits/event-imports/template.xlsx',
    schema: { tags, summary: '下载审限事项导入模板（XLSX）' },
    handler: async (req, reply) => sendXlsx(reply, '审限事项导入模板', await app.services.trialEventImports.template(req.actor)),
  });
  app.route({
    method: 'GET',
    url: '/trial-limits/event-imports/:id/errors.xlsx',
    schema: { tags, summary: '下载审限事项导入的错误报告（XLSX）', params: IdParams },
    handler: async (req, reply) => sendXlsx(reply, '审限事项导入错误报告', await app.services.trialEventImports.errorReport(req.actor, req.params.id)),
  });
};
