import { z } from 'zod';
import { Id, PageQuery, Version } from './common.js';
import { AssessmentView, TaskView } from './risk.js';

/**
 * 协同单位 (outside agencies, PRODUCT.md §3; issue 4): the bodies a court handles risks with — they
 * attend assessments (联席会议) and take disposal tasks. Registered per court; the name is unique in
 * the court.
 */

/** Agency kinds of docs/risk-api.md. */
export const AGENCY_KINDS = [
  'police',
  'procuratorate',
  'petition_bureau',
  'financial_regulator',
  'cyberspace',
  'human_resources',
  'housing',
  'community',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
/** 公安 / 检察 / 信访 / 金融监管 / 网信 / 人社 / 住建 / 街道社区 / 其他. */
export const agencyKindLabel: Record<AgencyKind, string> = {
  police: '公安',
  procuratorate: '检察',
  petition_bureau: '信访',
  financial_regulator: '金融监管',
  cyberspace: '网信',
  human_resources: '人社',
  housing: '住建',
  community: '街道社区',
  other: '其他',
};
export const AgencyKind = z.enum(AGENCY_KINDS, { error: `单位类别应为${Object.values(agencyKindLabel).join('、')}之一` });

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${what}` : `${what}必须是文字`) })
    .trim()
    .min(min, { error: `请填写${what}` })
    .max(max, { error: `${what}不能超过 ${max} 个字` });

/** A contact person at the agency. */
export const AgencyContact = z.strictObject(
  {
    name: text('联系人姓名', 1, 50),
    phone: z
      .string({ error: '联系电话必须是文字' })
      .trim()
      .regex(/^[0-9+\-() ]{3,30}$/, { error: '联系电话只能包含数字、空格和 + - ( )，3–30 位' })
      .optional(),
    title: text('职务', 1, 50).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `联系人中有未知字段：${issue.keys.join('、')}` : '联系人应为对象') },
);
export type AgencyContact = z.infer<typeof AgencyContact>;

const agencyShape = {
  name: text('单位名称', 2, 100),
  kind: AgencyKind,
  contacts: z.array(AgencyContact, { error: '联系人应为列表' }).max(20, { error: '联系人不能超过 20 个' }).default([]),
  note: z.string({ error: '备注必须是文字' }).trim().max(500, { error: '备注不能超过 500 个字' }).optional(),
};
const unknownKeys = (issue: { code?: string; keys?: string[] }) => (issue.code === 'unrecognized_keys' ? `协同单位中有未知字段：${issue.keys?.join('、')}` : '请填写协同单位');

/** Body of `POST /agencies` (in the caller's court). */
export const AgencyInput = z.strictObject(agencyShape, { error: unknownKeys });
export type AgencyInput = z.infer<typeof AgencyInput>;

/** Body of `PUT /agencies/:id`: the whole record plus the version last read. */
export const AgencyUpdateInput = z.strictObject({ ...agencyShape, version: Version }, { error: unknownKeys });
export type AgencyUpdateInput = z.infer<typeof AgencyUpdateInput>;

/** `GET /agencies`: the caller's court unless `courtId` names another court in its scope. */
export const AgencyListQuery = PageQuery.extend({
  courtId: Id.optional(),
  keyword: z.string().trim().max(60, { error: '关键词不能超过 60 个字' }).optional(),
  kind: AgencyKind.optional(),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const AgencyView = z.object({
  id: z.string(),
  courtId: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  contacts: z.array(z.object({ name: z.string(), phone: z.string().optional(), title: z.string().optional() })),
  note: z.string().nullable(),
  /** Tasks not yet 已办结: while there are any, the agency cannot be deleted. */
  openTaskCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgencyView = z.infer<typeof AgencyView>;

/** 交办情况: every task given to the agency and every assessment it attended. */
export const AgencyHandoversView = z.object({ tasks: z.array(TaskView), assessments: z.array(AssessmentView) });
export type AgencyHandoversView = z.infer<typeof AgencyHandoversView>;
