import {
  AssessmentView,
  IdParams,
  InstructionAcknowledgeInput,
  InstructionInput,
  InstructionView,
  paged,
  RiskActionInput,
  RiskAssignDownInput,
  RiskAssignmentInput,
  RiskCommentInput,
  RiskCreateInput,
  RiskLinkedWarning,
  RiskListQuery,
  RiskSummaryView,
  RiskTimelineEntryView,
  RiskView,
  TaskView,
} from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../xlsx-reply.js';

const items = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

/** 风险台账、生命周期、时间线、研判、批示 (docs/risk-api.md). */
export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['风险处置'];
  app.route({
    method: 'GET',
    url: '/risks',
    schema: { tags, summary: '风险台账（本院；lowerCourtsOnly=true&reportedUpward=true 为下级上报）', querystring: RiskListQuery, response: { 200: paged(RiskView) } },
    handler: (req) => app.services.risks.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/risks/export',
    schema: { tags, summary: '导出风险台账（XLSX，筛选条件同列表）', querystring: RiskListQuery },
    handler: async (req, reply) => sendXlsx(reply, '风险台账', await app.services.risks.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'POST',
    url: '/risks',
    schema: { tags, summary: '上报风险（本院）', body: RiskCreateInput, response: { 201: RiskView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.risks.create(req.actor, req.body)),
  });
  app.route({
    method: 'POST',
    url: '/risks/assign-down',
    schema: { tags, summary: '上级交办：在下级法院登记风险并附交办要求', body: RiskAssignDownInput, response: { 201: RiskView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.risks.assignDown(req.actor, req.body)),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id',
    schema: { tags, summary: '风险详情（含时限与可执行的操作）', params: IdParams, response: { 200: RiskView } },
    handler: (req) => app.services.risks.get(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/risks/:id/actions',
    schema: { tags, summary: '执行一个生命周期操作（研判、处置方案、化解、销号、上报…）', params: IdParams, body: RiskActionInput, response: { 200: RiskView } },
    handler: (req) => app.services.risks.act(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'PUT',
    url: '/risks/:id/assignment',
    schema: { tags, summary: '调整责任人、部门或标签（本院风险）', params: IdParams, body: RiskAssignmentInput, response: { 200: RiskView } },
    handler: (req) => app.services.risks.reassign(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/timeline',
    schema: { tags, summary: '风险时间线（从早到晚）', params: IdParams, response: { 200: items(RiskTimelineEntryView) } },
    handler: (req) => app.services.risks.timeline(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/warnings',
    schema: { tags, summary: '关联预警（案件、信访、舆情；按查看者的预警、信访、舆情权限与数据范围，最新在前）', params: IdParams, response: { 200: items(RiskLinkedWarning) } },
    handler: (req) => app.services.risks.linkedWarnings(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/assessments',
    schema: { tags, summary: '研判记录', params: IdParams, response: { 200: items(AssessmentView) } },
    handler: (req) => app.services.risks.assessments(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/risks/:id/comments',
    schema: { tags, summary: '评论（可 @ 提及人员）', params: IdParams, body: RiskCommentInput, response: { 200: RiskTimelineEntryView } },
    handler: (req) => app.services.risks.comment(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/tasks',
    schema: { tags, summary: '处置任务', params: IdParams, response: { 200: items(TaskView) } },
    handler: (req) => app.services.tasks.listForRisk(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/summary',
    schema: { tags, summary: '风险摘要（承办人无需“查看风险”权限即可查看其任务所属风险的标题、等级与期限）', params: IdParams, response: { 200: RiskSummaryView } },
    handler: (req) => app.services.tasks.riskSummary(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/risks/:id/instructions',
    schema: { tags, summary: '批示与交办', params: IdParams, response: { 200: items(InstructionView) } },
    handler: (req) => app.services.risks.instructions(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/risks/:id/instructions',
    schema: { tags, summary: '作出批示（本院领导或上级法院）', params: IdParams, body: InstructionInput, response: { 200: InstructionView } },
    handler: (req) => app.services.risks.instruct(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/instructions/:id/acknowledge',
    schema: { tags, summary: '签收批示（风险所在法院）', params: IdParams, body: InstructionAcknowledgeInput.default({}), response: { 200: InstructionView } },
    handler: (req) => app.services.risks.acknowledge(req.actor, req.params.id, req.body),
  });
};
