import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { isReachable, type Database } from './db/database.js';
import { AppError } from './errors.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { accountRoutes } from './routes/accounts/accounts.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { courtRoutes } from './routes/courts/courts.routes.js';
import { departmentRoutes } from './routes/departments/departments.routes.js';
import { dictionaryRoutes } from './routes/dictionaries/dictionaries.routes.js';
import { logRoutes } from './routes/logs/logs.routes.js';
import { roleRoutes } from './routes/roles/roles.routes.js';
import { caseRoutes } from './routes/cases/cases.routes.js';
import { trialLimitRoutes } from './routes/trial-limits/trial-limits.routes.js';
import { trialMonitoringRoutes } from './routes/trial-monitoring/trial-monitoring.routes.js';
import { longPendingRoutes } from './routes/long-pending/long-pending.routes.js';
import { fourCategoryRoutes } from './routes/four-categories/four-categories.routes.js';
import { importRoutes } from './routes/imports/imports.routes.js';
import { warningRoutes } from './routes/warnings/warnings.routes.js';
import { ruleRoutes } from './routes/rules/rules.routes.js';
import { watchListRoutes } from './routes/watch-lists/watch-lists.routes.js';
import { notificationRoutes } from './routes/notifications/notifications.routes.js';
import { riskSettingsRoutes } from './routes/risk-settings/risk-settings.routes.js';
import { webhookRoutes } from './routes/webhooks/webhooks.routes.js';
import { savedFilterRoutes } from './routes/saved-filters/saved-filters.routes.js';
import { workbenchRoutes } from './routes/workbench/workbench.routes.js';
import { riskDossierRoutes } from './routes/risk-dossier/risk-dossier.routes.js';
import { riskRoutes } from './routes/risks/risks.routes.js';
import { taskRoutes } from './routes/tasks/tasks.routes.js';
import { agencyRoutes } from './routes/agencies/agencies.routes.js';
import { petitionRoutes } from './routes/petitions/petitions.routes.js';
import { petitionerRoutes } from './routes/petitions/petitioners.routes.js';
import { opinionRoutes } from './routes/opinion/opinion.routes.js';
import type { Services } from './services/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const APP_VERSION = '0.1.0';

// Validation messages in Chinese for every zod schema (court staff read them).
z.config(z.locales.zhCN());

const BODY_LIMIT = 1024 * 1024;

/**
 * Plugin order follows fastify/demo: external plugins (cookies, security headers, rate limits,
 * OpenAPI), then the app's own (errors, auth), then routes, then the static web app.
 */
export async function buildApp(config: Config, services: Services, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);

  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimit.perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => new AppError('rate_limited', 429, '请求过于频繁，请稍后再试'),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'CourtRisk 法院重大风险防范化解平台 API', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cr_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerErrorHandler(app);

  // Swagger UI ships inline scripts: it gets its own CSP; everything else gets helmet's strict one.
  await app.register(async (docs) => {
    await docs.register(helmet, { contentSecurityPolicy: false });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  await app.register(async (site) => {
    await site.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    registerAuth(site, services);

    site.route({
      method: 'GET',
      url: '/api/health',
      config: { public: true },
      schema: {
        tags: ['系统'],
        summary: '健康检查（含数据库连通性）',
        response: { 200: HealthBody, 503: HealthBody },
      },
      handler: async (_req, reply) => {
        const db = await isReachable(database.db);
        return reply.status(db ? 200 : 503).send({ status: db ? 'ok' : 'degraded', db, dialect: database.dialect, version: APP_VERSION });
      },
    });
    await site.register(
      async (api) => {
        await api.register(authRoutes(config));
        await api.register(courtRoutes);
        await api.register(departmentRoutes);
        await api.register(accountRoutes);
        await api.register(roleRoutes);
        await api.register(dictionaryRoutes);
        await api.register(logRoutes);
        await api.register(caseRoutes);
        await api.register(trialLimitRoutes);
        await api.register(trialMonitoringRoutes);
        await api.register(longPendingRoutes);
        await api.register(fourCategoryRoutes);
        await api.register(importRoutes);
        await api.register(warningRoutes);
        await api.register(ruleRoutes);
        await api.register(watchListRoutes);
        await api.register(notificationRoutes);
        await api.register(riskSettingsRoutes);
        await api.register(webhookRoutes);
        await api.register(savedFilterRoutes);
        await api.register(workbenchRoutes);
        await api.register(riskDossierRoutes);
        await api.register(riskRoutes);
        await api.register(taskRoutes);
        await api.register(agencyRoutes);
        await api.register(petitionRoutes);
        await api.register(petitionerRoutes);
        await api.register(opinionRoutes);
      },
      { prefix: '/api/v1' },
    );
    await registerWebApp(site, config.webDist);
  });
  return app;
}

const HealthBody = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.boolean(),
  dialect: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

/** Serves the built Vue app; unknown non-API paths get index.html so client routes survive reloads. */
async function registerWebApp(app: FastifyInstance, webDist: string) {
  const indexFile = path.join(webDist, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ code: 'not_found', message: '接口不存在', requestId: request.id });
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请运行 npm run build --workspace @courtrisk/web（npm start 会自动构建）');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
