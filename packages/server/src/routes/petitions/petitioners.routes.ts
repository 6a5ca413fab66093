import {
  ConfidentialRecordsView,
  CounsellingSessionInput,
  FollowUpVisitInput,
  IdParams,
  KeyPersonInput,
  KeyPersonListQuery,
  KeyPersonReviewRequest,
  KeyPersonView,
  paged,
  PetitionerDetailView,
  PetitionerInput,
  PetitionerListQuery,
  PetitionerSummaryView,
  PetitionerTimelineEntry,
  PetitionerUpdateInput,
  PetitionWarningListItem,
  PetitionWarningView,
  SourceWarningListQuery,
  RevealedIdNumberView,
  StabilizationPlanInput,
  StabilizationPlanView,
  WarningToRiskInput,
} from '@courtrisk/core';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

/** 信访人, 稳控, 重点人员 and the confidential records (issue 6, docs/petitions.md). */
export const petitionerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['涉诉信访'];
  app.route({
    method: 'GET',
    url: '/petition-warnings',
    schema: { tags, summary: '信访预警列表（预警列表 · 信访预警；默认仅现行预警，最新在前）', querystring: SourceWarningListQuery, response: { 200: paged(PetitionWarningListItem) } },
    handler: (req) => app.services.warningRisk.listPetitionWarnings(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/petition-warnings/:id/confirm',
    schema: { tags, summary: '信访预警转为风险（新建或并入风险事项）', params: IdParams, body: WarningToRiskInput, response: { 200: PetitionWarningView } },
    handler: (req) => app.services.warningRisk.confirmPetitionWarning(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/petitioners',
    schema: { tags, summary: '信访人列表（身份证号脱敏；idNumber 按完整号码精确查找）', querystring: PetitionerListQuery, response: { 200: paged(PetitionerSummaryView) } },
    handler: (req) => app.services.petitioners.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/petitioners/export.xlsx',
    schema: { tags, summary: '导出信访人（XLSX，身份证号脱敏）', querystring: PetitionerListQuery },
    handler: async (req, reply) => sendXlsx(reply, '信访人', await app.services.petitioners.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'POST',
    url: '/petitioners',
    schema: { tags, summary: '登记信访人（身份证号 SM4 加密存储）', body: PetitionerInput, response: { 201: PetitionerDetailView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.petitioners.create(req.actor, req.body)),
  });
  app.route({
    method: 'GET',
    url: '/petitioners/:id',
    schema: { tags, summary: '信访人详情（历史、标记、预警、稳控方案）', params: IdParams, response: { 200: PetitionerDetailView } },
    handler: (req) => app.services.petitioners.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/petitioners/:id',
    schema: { tags, summary: '修改信访人（不填身份证号则保留原号码）', params: IdParams, body: PetitionerUpdateInput, response: { 200: PetitionerDetailView } },
    handler: (req) => app.services.petitioners.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/petitioners/:id/reveal-id',
    schema: { tags, summary: '查看完整身份证号（需“查看保密记录”权限，逐次审计）', params: IdParams, response: { 200: RevealedIdNumberView } },
    handler: (req) => app.services.petitioners.revealId(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/petitioners/:id/timeline',
    schema: { tags, summary: '信访人时间线（信访、办理、预警、稳控、重点人员）', params: IdParams, response: { 200: z.object({ items: z.array(PetitionerTimelineEntry) }) } },
    handler: (req) => app.services.petitioners.timeline(req.actor, req.params.id),
  });
  app.route({
    method: 'GET',
    url: '/petitioners/:id/confidential',
    schema: { tags, summary: '心理疏导与回访记录（保密，逐次审计）', params: IdParams, response: { 200: ConfidentialRecordsView } },
    handler: (req) => app.services.petitioners.confidential(req.actor, req.params.id),
  });
  app.route({
    method: 'POST',
    url: '/counselling-sessions',
    schema: { tags, summary: '登记心理疏导记录（保密，加密存储）', body: CounsellingSessionInput, response: { 201: ConfidentialRecordsView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.petitioners.addCounselling(req.actor, req.body)),
  });
  app.route({
    method: 'POST',
    url: '/follow-up-visits',
    schema: { tags, summary: '登记回访记录（保密，加密存储）', body: FollowUpVisitInput, response: { 201: ConfidentialRecordsView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.petitioners.addFollowUp(req.actor, req.body)),
  });
  app.route({
    method: 'POST',
    url: '/stabilization-plans',
    schema: { tags, summary: '制定稳控方案', body: StabilizationPlanInput, response: { 201: z.object({ items: z.array(StabilizationPlanView) }) } },
    handler: async (req, reply) => reply.status(201).send({ items: await app.services.petitioners.addPlan(req.actor, req.body) }),
  });
  app.route({
    method: 'GET',
    url: '/key-persons',
    schema: { tags, summary: '重点人员名单（按下次复评日期排序）', querystring: KeyPersonListQuery, response: { 200: paged(KeyPersonView) } },
    handler: (req) => app.services.petitioners.listKeyPeople(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/key-persons',
    schema: { tags, summary: '列为重点人员', body: KeyPersonInput, response: { 201: KeyPersonView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.petitioners.addKeyPerson(req.actor, req.body)),
  });
  app.route({
    method: 'POST',
    url: '/key-persons/:id/reviews',
    schema: { tags, summary: '重点人员复评（继续列管 / 撤销列管）', params: IdParams, body: KeyPersonReviewRequest, response: { 200: KeyPersonView } },
    handler: (req) => app.services.petitioners.reviewKeyPerson(req.actor, req.params.id, req.body),
  });
};
