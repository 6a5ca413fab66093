import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldLabel, type RuleProblemView } from '@courtrisk/core';
import { RulesInvalidError } from '../services/rules.service.js';
import { AppError } from '../errors.js';

interface ErrorReply {
  status: number;
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  /** Rule-pack problems at their line and column, for the rules editor. */
  problems?: RuleProblemView[];
}

/** Framework errors that are the client's fault, in words court staff can act on. */
const FRAMEWORK_ERRORS: Record<string, Omit<ErrorReply, 'fields'>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: '提交的内容过大（上限 1 MB）' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_input', message: '请求体不能为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_input', message: '请求体不是有效的 JSON' },
};

/** "姓名：" for a known field, nothing for an unknown one (no English names in front of staff). */
function labelOf(path: string): string {
  const label = fieldLabel[path.split('.')[0] ?? ''];
  return label ? `${label}：` : '';
}

function toReply(error: FastifyError): ErrorReply | undefined {
  if (error instanceof RulesInvalidError) {
    return { status: 400, code: error.code, message: error.message, problems: error.problems };
  }
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (v.params as { keys?: string[] }).keys;
      // Unknown fields are reported on their own names, so the client sees which one to drop.
      return { path: keys ? keys.join(',') : path || error.validationContext || '', message: v.message ?? '格式不正确' };
    });
    const first = fields[0];
    return {
      status: 400,
      code: 'invalid_input',
      message: first ? `${labelOf(first.path)}${first.message}` : '提交的内容格式不正确',
      fields,
    };
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return known;
  if (error.statusCode === 400 && error instanceof SyntaxError) return FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY;
  if (error.statusCode === 429) return { status: 429, code: 'rate_limited', message: '请求过于频繁，请稍后再试' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
    return { status: error.statusCode, code: 'bad_request', message: '请求无法处理' };
  }
  return undefined;
}

/** One error body for every failure: `{ code, message (Chinese), requestId, fields? }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toReply(error);
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员', requestId: request.id });
    }
    const { status, ...body } = known;
    return reply.status(status).send({ ...body, requestId: request.id });
  });
}
