import multipart from '@fastify/multipart';
import { Id, IdParams, paged, TaskActionInput, TaskFileView, TaskListQuery, TaskView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TASK_FILE_MAX_BYTES } from '../../services/task.service.js';

const FileParams = z.strictObject({ id: Id, fileId: Id });

/** 处置任务：列表、接收/反馈/办结/退回、附件 (docs/risk-api.md). */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['风险处置'];
  // Files stream to disk; the service checks the size flag itself, so busboy only marks truncation.
  await app.register(multipart, { limits: { fileSize: TASK_FILE_MAX_BYTES, files: 1, fields: 5 }, throwFileSizeLimit: false });
  app.route({
    method: 'GET',
    url: '/tasks',
    schema: { tags, summary: '处置任务列表（mine=true 为分派给我或本部门的任务）', querystring: TaskListQuery, response: { 200: paged(TaskView) } },
    handler: (req) => app.services.tasks.list(req.actor, req.query),
  });
  app.route({
    method: 'POST',
    url: '/tasks/:id/actions',
    schema: { tags, summary: '接收、反馈、办结或退回任务', params: IdParams, body: TaskActionInput, response: { 200: TaskView } },
    handler: (req) => app.services.tasks.act(req.actor, req.params.id, req.body),
  });
  app.route({
    method: 'POST',
    url: '/tasks/:id/files',
    schema: { tags, summary: '上传任务附件（multipart，单个文件 ≤ 20 MB；PDF、Word、Excel、JPG、PNG、TXT）', params: IdParams, response: { 200: TaskFileView } },
    handler: (req) =>
      app.services.tasks.uploadFile(req.actor, req.params.id, async () => {
        if (!req.isMultipart()) return undefined;
        const part = await req.file();
        return part && { fileName: part.filename, stream: part.file };
      }),
  });
  app.route({
    method: 'GET',
    url: '/tasks/:id/files/:fileId',
    schema: { tags, summary: '下载任务附件', params: FileParams },
    handler: async (req, reply) => {
      const { file, stream } = await app.services.tasks.openFile(req.actor, req.params.id, req.params.fileId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(stream);
    },
  });
};
