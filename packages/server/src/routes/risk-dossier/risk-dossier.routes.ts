import { IdParams } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const riskDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    method: 'GET',
    url: '/risks/:id/dossier.pdf',
    schema: { tags: ['风险事项'], summary: '导出风险事项卷宗（PDF，含时间线，可打印）', params: IdParams },
    handler: async (req, reply) => {
      const { fileName, pdf } = await app.services.riskDossier.render(req.actor, req.params.id);
      // Inline, so the browser opens its PDF viewer to print; the Chinese name is RFC 6266 filename*.
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="dossier.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
};
