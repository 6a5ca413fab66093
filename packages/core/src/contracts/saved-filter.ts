import { z } from 'zod';

/** Pages whose list filters an account can save under a name (issue 4, 常用筛选). */
export const SAVED_FILTER_PAGES = ['risks', 'tasks', 'warnings', 'cases'] as const;
export const SavedFilterPage = z.enum(SAVED_FILTER_PAGES, { error: '页面应为风险台账、任务、预警、案件之一' });
export type SavedFilterPage = z.infer<typeof SavedFilterPage>;

/** At most this many saved filters per account and page, so the dropdown stays usable. */
export const SAVED_FILTER_LIMIT = 20;

const QueryValue = z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)], { error: '筛选条件的值应为文字、数字、是否或文字列表' });

export const SavedFilterListQuery = z.object({ page: SavedFilterPage });
export type SavedFilterListQuery = z.infer<typeof SavedFilterListQuery>;

export const SavedFilterInput = z.strictObject(
  {
    page: SavedFilterPage,
    name: z.string({ error: '请填写筛选名称' }).trim().min(1, { error: '请填写筛选名称' }).max(30, { error: '筛选名称不能超过 30 个字' }),
    query: z
      .record(z.string().max(50), QueryValue, { error: '筛选条件应为对象' })
      .refine((query) => Object.keys(query).length <= 30, { error: '筛选条件不能超过 30 项' }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `常用筛选中有未知字段：${issue.keys.join('、')}` : '请填写常用筛选') },
);
export type SavedFilterInput = z.infer<typeof SavedFilterInput>;

export const SavedFilterView = z.object({
  id: z.string(),
  page: SavedFilterPage,
  name: z.string(),
  query: z.record(z.string(), QueryValue),
  createdAt: z.string(),
});
export type SavedFilterView = z.infer<typeof SavedFilterView>;
