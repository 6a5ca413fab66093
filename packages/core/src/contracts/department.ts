import { z } from 'zod';
import { Id, nameField, Version } from './common.js';

export const DepartmentCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '部门编码只能包含字母、数字、下划线和连字符，最长 32 位' });

export const DepartmentView = z.object({
  id: z.string(),
  courtId: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  sort: z.number().int(),
  enabled: z.boolean(),
  version: z.number().int(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;

export const DepartmentListQuery = z.object({ courtId: Id.optional() });

export const DepartmentCreateInput = z.strictObject({
  courtId: Id,
  parentId: Id.nullable().default(null),
  code: DepartmentCode,
  name: nameField('部门名称'),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type DepartmentCreateInput = z.infer<typeof DepartmentCreateInput>;

export const DepartmentUpdateInput = z.strictObject({
  parentId: Id.nullable().optional(),
  code: DepartmentCode.optional(),
  name: nameField('部门名称').optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  enabled: z.boolean().optional(),
  version: Version,
});
export type DepartmentUpdateInput = z.infer<typeof DepartmentUpdateInput>;
