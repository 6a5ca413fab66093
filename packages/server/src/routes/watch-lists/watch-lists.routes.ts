import {
  IdParams,
  paged,
  WatchListAddInput,
  WatchListAddResult,
  WatchListChangeResult,
  WatchListDeleteResult,
  WatchListEntryQuery,
  WatchListEntryUpdateInput,
  WatchListEntryView,
  WatchListFileResult,
  WATCH_LIST_FILE_MAX_BYTES,
  WatchListNameParams,
  WatchListQuery,
  WatchListRemoveInput,
  WatchListView,
} from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** 关注名单 (docs/screening.md): the lists that rules' `watchList` conditions read. */
export const watchListRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['关注名单'];
  app.route({
    method: 'GET',
    url: '/watch-lists',
    schema: { tags, summary: '关注名单（含条目数与引用它的规则；规则引用但尚无条目的名单也列出）', querystring: WatchListQuery, response: { 200: z.array(WatchListView) } },
    handler: (req) => app.services.watchLists.listLists(req.actor, req.query),
  });
  app.route({
    method: 'DELETE',
    url: '/watch-lists/:name',
    schema: {
      tags,
      summary: '删除一个关注名单及其全部名称（有启用的规则引用时 409；停用的规则引用时可删，并在结果中列出这些规则）',
      params: WatchListNameParams,
      querystring: WatchListQuery,
      response: { 200: WatchListDeleteResult },
    },
    handler: (req) => app.services.watchLists.deleteList(req.actor, req.params.name, req.query),
  });
  app.route({
    method: 'GET',
    url: '/watch-list-entries',
    schema: { tags, summary: '一个关注名单的条目（分页，按名称或备注搜索）', querystring: WatchListEntryQuery, response: { 200: paged(WatchListEntryView) } },
    handler: (req) => app.services.watchLists.listEntries(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/watch-list-entries',
    schema: {
      tags,
      summary: '向关注名单添加一个或多个名称（已在名单中的跳过；规则在用时后台重新筛查）',
      body: WatchListAddInput,
      response: { 201: WatchListAddResult },
    },
    handler: async (req, reply) => reply.status(201).send(await app.services.watchLists.add(req.actor, req.body)),
  });
  // A names workbook arrives as the raw body, read whole (it is small) and answered with its names:
  // the page shows them in the paste box for review, and adding is a separate request.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: WATCH_LIST_FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.route({
    method: 'POST',
    url: '/watch-list-entries/read-xlsx',
    bodyLimit: WATCH_LIST_FILE_MAX_BYTES,
    schema: {
      tags,
      summary: '读取名单 Excel 文件（XLSX，请求体为文件内容，上限 1 MB）：返回第一个工作表 A 列的名称与 B 列的备注，不写入名单',
      response: { 200: WatchListFileResult },
    },
    // No body (or a JSON one) reads as an empty file, which the service refuses in words.
    handler: (req) => app.services.watchLists.readFile(req.actor, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
  });
  app.route({
    method: 'PATCH',
    url: '/watch-list-entries/:id',
    schema: { tags, summary: '修改条目备注', params: IdParams, body: WatchListEntryUpdateInput, response: { 200: WatchListEntryView } },
    handler: (req) => app.services.watchLists.updateNote(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE',
    url: '/watch-list-entries/:id',
    schema: { tags, summary: '移除一个条目（规则在用时后台重新筛查）', params: IdParams, response: { 200: WatchListChangeResult } },
    handler: (req) => app.services.watchLists.remove(req.actor, [req.params.id]),
  });
  app.route({
    method: 'POST',
    url: '/watch-list-entries/remove',
    schema: { tags, summary: '批量移除条目（同一法院；规则在用时后台重新筛查）', body: WatchListRemoveInput, response: { 200: WatchListChangeResult } },
    handler: (req) => app.services.watchLists.remove(req.actor, req.body.ids),
  });
};
