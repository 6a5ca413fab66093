import { IdParams, paged, PetitionInput, PetitionSettingsInput, PetitionSettingsView, PetitionListQuery, PetitionMonthlyQuery, PetitionMonthlyView, PetitionStepInput, PetitionSummaryView, PetitionUpdateInput, PetitionView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

/** 信访件 (issue 6, docs/petitions.md). */
export const petitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['涉诉信访'];
  app.route({
    method: 'GET',
    url: '/courts/:id/petition-settings',
    schema: { tags, summary: '法院信访舆情设置（重复访、集体访阈值，信访办理期限，舆情热度与陡增阈值）', params: IdParams, response: { 200: PetitionSettingsView } },
    handler: (req) => app.services.petitionSettings.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/courts/:id/petition-settings',
    schema: { tags, summary: '修改法院信访舆情设置（带版本号；默认设置的版本号为 0）', params: IdParams, body: PetitionSettingsInput, response: { 200: PetitionSettingsView } },
    handler: (req) => app.services.petitionSettings.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/petitions',
    schema: { tags, summary: '信访件列表（本院，或 courtId 指定的辖区法院）', querystring: PetitionListQuery, response: { 200: paged(PetitionSummaryView) } },
    handler: (req) => app.services.petitions.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/petitions/export.xlsx',
    schema: { tags, summary: '导出信访件（XLSX，与列表同样的筛选）', querystring: PetitionListQuery },
    handler: async (req, reply) => sendXlsx(reply, '信访件', await app.services.petitions.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'GET',
    url: '/petitions/monthly',
    schema: { tags, summary: '每月信访件数（按标记）', querystring: PetitionMonthlyQuery, response: { 200: PetitionMonthlyView } },
    handler: (req) => app.services.petitions.monthly(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/petitions',
    schema: { tags, summary: '登记信访件（计算重复访、越级访、集体访、极端言行标记并预警）', body: PetitionInput, response: { 201: PetitionView } },
    handler: async (req, reply) => reply.status(201).send(await app.services.petitions.create(req.actor, req.body)),
  });
  app.route({
    method: 'GET',
    url: '/petitions/:id',
    schema: { tags, summary: '信访件详情（办理环节、期限、标记）', params: IdParams, response: { 200: PetitionView } },
    handler: (req) => app.services.petitions.get(req.actor, req.params.id),
  });
  app.route({
    method: 'PUT',
    url: '/petitions/:id',
    schema: { tags, summary: '修改信访件（重新计算标记）', params: IdParams, body: PetitionUpdateInput, response: { 200: PetitionView } },
    handler: (req) => app.services.petitions.update(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/petitions/:id/steps',
    schema: { tags, summary: '登记办理环节（受理、延长、答复、复查、复核…）', params: IdParams, body: PetitionStepInput, response: { 200: PetitionView } },
    handler: (req) => app.services.petitions.addStep(req.actor, req.params.id, req.body),
  });
};
