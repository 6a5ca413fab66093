import { z } from 'zod';
import { COURT_LEVELS } from '../courts/court.js';
import { Id, nameField, Version } from './common.js';

/** 法院代码: the short code used in 案号, e.g. 京0105 (digits may follow a province abbreviation). */
export const CourtCode = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5]?[0-9A-Za-z]{1,8}$/, { message: '法院代码格式不正确（如 京0105）' });

export const CourtView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.enum(COURT_LEVELS),
  sort: z.number().int(),
  version: z.number().int(),
});
export type CourtView = z.infer<typeof CourtView>;

export const CourtCreateInput = z.strictObject({
  parentId: Id,
  code: CourtCode,
  name: nameField('法院名称'),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type CourtCreateInput = z.infer<typeof CourtCreateInput>;

export const CourtUpdateInput = z.strictObject({
  code: CourtCode.optional(),
  name: nameField('法院名称').optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  version: Version,
});
export type CourtUpdateInput = z.infer<typeof CourtUpdateInput>;
