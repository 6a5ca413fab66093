import { z } from 'zod';
import { Id, nameField, Version } from './common.js';

const DictType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: '字典类型须为小写字母、数字或下划线' });
const DictCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '字典编码只能包含字母、数字、下划线和连字符' });

export const DictionaryItemView = z.object({
  id: z.string(),
  courtId: z.string(),
  type: z.string(),
  code: z.string(),
  label: z.string(),
  sort: z.number().int(),
  enabled: z.boolean(),
  version: z.number().int(),
});
export type DictionaryItemView = z.infer<typeof DictionaryItemView>;

export const DictionaryListQuery = z.object({ courtId: Id.optional(), type: DictType.optional() });

export const DictionaryCreateInput = z.strictObject({
  courtId: Id,
  type: DictType,
  code: DictCode,
  label: nameField('显示名称', 100),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type DictionaryCreateInput = z.infer<typeof DictionaryCreateInput>;

export const DictionaryUpdateInput = z.strictObject({
  label: nameField('显示名称', 100).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  enabled: z.boolean().optional(),
  version: Version,
});
export type DictionaryUpdateInput = z.infer<typeof DictionaryUpdateInput>;

/** Dictionary types every court starts with; values an admin can extend. */
export const DEFAULT_DICTIONARIES: Record<string, { label: string; items: [string, string][] }> = {
  risk_domain: {
    label: '风险类别',
    items: [
      ['political_security', '政治安全'],
      ['social_stability', '社会稳定'],
      ['financial', '金融'],
      ['cyber', '网络安全'],
      ['internal_management', '内部管理'],
    ],
  },
  risk_level: {
    label: '风险等级',
    items: [
      ['red', '一级（红色）'],
      ['orange', '二级（橙色）'],
      ['yellow', '三级（黄色）'],
      ['blue', '四级（蓝色）'],
    ],
  },
  case_type: {
    label: '案件类型',
    items: [
      ['civil', '民事'],
      ['criminal', '刑事'],
      ['administrative', '行政'],
      ['enforcement', '执行'],
      ['state_compensation', '国家赔偿'],
    ],
  },
  agency_kind: {
    label: '协同单位类型',
    items: [
      ['police', '公安'],
      ['procuratorate', '检察'],
      ['petition_bureau', '信访'],
      ['financial_regulator', '金融监管'],
      ['cyberspace', '网信'],
      ['human_resources', '人社'],
      ['housing', '住建'],
      ['community', '街道社区'],
    ],
  },
};

export const dictionaryTypeLabel = (type: string): string => DEFAULT_DICTIONARIES[type]?.label ?? type;
