import {
  BackgroundJobView,
  BacktestInput,
  DryRunInput,
  DryRunResult,
  IdParams,
  RuleCourtQuery,
  RulePackDetailView,
  RulePackEnableInput,
  RulePackParams,
  RulePackSaveInput,
  RulePackSaveResult,
  RulePackView,
} from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['筛查规则'];
  app.route({
    method: 'GET',
    url: '/rules/packs',
    schema: { tags, summary: '规则包与规则（含命中与研判统计）', querystring: RuleCourtQuery, response: { 200: z.array(RulePackView) } },
    handler: (req) => app.services.ruleAdmin.listPacks(req.actor, req.query.courtId),
  });
  app.route({
    method: 'GET',
    url: '/rules/packs/:pack',
    schema: { tags, summary: '规则包 YAML 与版本历史', params: RulePackParams, querystring: RuleCourtQuery, response: { 200: RulePackDetailView } },
    handler: (req) => app.services.ruleAdmin.getPack(req.actor, req.params.pack, req.query),
  });
  app.route({
    method: 'PUT',
    url: '/rules/packs/:pack',
    schema: { tags, summary: '保存规则包新版本（校验、审计、后台重新筛查）', params: RulePackParams, body: RulePackSaveInput, response: { 200: RulePackSaveResult } },
    handler: (req) => app.services.ruleAdmin.savePack(req.actor, req.params.pack, req.body),
  });
  app.route({
    method: 'POST',
    url: '/rules/packs/:pack/enabled',
    schema: { tags, summary: '启用或停用规则包', params: RulePackParams, body: RulePackEnableInput, response: { 200: RulePackSaveResult } },
    handler: (req) => app.services.ruleAdmin.setEnabled(req.actor, req.params.pack, req.body),
  });
  app.route({
    method: 'POST',
    url: '/rules/dry-run',
    schema: { tags, summary: '试运行：用已保存或编辑中的规则筛查粘贴的文本', body: DryRunInput, response: { 200: DryRunResult } },
    handler: (req) => app.services.ruleAdmin.dryRun(req.actor, req.body),
  });
  app.route({
    method: 'POST',
    url: '/rules/backtest',
    schema: { tags, summary: '回测：对已存案件统计各规则命中（不写预警）', body: BacktestInput, response: { 200: BackgroundJobView } },
    handler: (req) => app.services.ruleAdmin.backtest(req.actor, req.body),
  });
  app.route({
    method: 'GET',
    url: '/jobs/:id',
    schema: { tags, summary: '后台任务进度', params: IdParams, response: { 200: BackgroundJobView } },
    handler: (req) => app.services.ruleAdmin.getJob(req.actor, req.params.id),
  });
};
