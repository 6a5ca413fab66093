import { IdParams, LongPendingList, LongPendingNoteInput, LongPendingNoteView, LongPendingQuery, LongPendingSnapshotInput, LongPendingSnapshotQuery, LongPendingSnapshotView } from '@courtrisk/core';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../xlsx-reply.js';

export const longPendingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['长期未结'];
  app.route({
    method: 'GET',
    url: '/long-pending',
    schema: { tags, summary: '长期未结台账（超过本院分档月数的未结案件，立案最早的在前）', querystring: LongPendingQuery, response: { 200: LongPendingList } },
    handler: (req) => app.services.longPending.list(req.actor, req.query),
  });
  app.route({
    method: 'GET',
    url: '/long-pending/export.xlsx',
    schema: { tags, summary: '导出长期未结台账（XLSX，筛选同列表）', querystring: LongPendingQuery },
    handler: async (req, reply) => sendXlsx(reply, '长期未结台账', await app.services.longPending.exportXlsx(req.actor, req.query)),
  });
  app.route({
    method: 'PUT',
    url: '/long-pending/cases/:id/note',
    schema: { tags, summary: '填写或修改案件的未结原因与责任人（带版本号；首次为 0）', params: IdParams, body: LongPendingNoteInput, response: { 200: LongPendingNoteView } },
    handler: (req) => app.services.longPending.saveNote(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'GET',
    url: '/long-pending/snapshots',
    schema: { tags, summary: '长期未结周快照（趋势图；默认近半年）', querystring: LongPendingSnapshotQuery, response: { 200: z.array(LongPendingSnapshotView) } },
    handler: (req) => app.services.longPending.snapshots(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/long-pending/snapshots',
    schema: { tags, summary: '立即生成本周长期未结快照（同一周再次生成会覆盖）', body: LongPendingSnapshotInput, response: { 200: LongPendingSnapshotView } },
    handler: (req) => app.services.longPending.takeSnapshot(req.actor, req.body),
  });
};
