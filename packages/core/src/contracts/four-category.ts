import { z } from 'zod';
import { FOUR_CATEGORY_CODES, FOUR_CATEGORY_ITEM_CODES, FourCategoryLabelInput } from '../deadlines/four-categories.js';

/**
 * 四类案件 (法发〔2021〕30号): labels confirmed by a person (院庭长, case.supervise), proposals derived
 * from screening findings (deadlines/four-category-proposals.ts), and the supervision records
 * (全程留痕). Removing a label keeps its row as `revoked` with the reason.
 */
export const FOUR_CATEGORY_LABEL_STATUSES = ['confirmed', 'rejected', 'revoked'] as const;
export type FourCategoryLabelStatus = (typeof FOUR_CATEGORY_LABEL_STATUSES)[number];
export const fourCategoryLabelStatusLabel: Record<FourCategoryLabelStatus, string> = { confirmed: '已标注', rejected: '建议已驳回', revoked: '已撤销' };

/** 院庭长监督方式 (法发〔2021〕30号 lists what 院庭长 may do; our wording). */
export const SUPERVISION_ACTIONS = ['briefing', 'fileReview', 'judgesMeeting', 'committee', 'instruction', 'progressCheck', 'other'] as const;
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number];
export const supervisionActionLabel: Record<SupervisionAction, string> = {
  briefing: '听取汇报',
  fileReview: '查阅卷宗、旁听庭审',
  judgesMeeting: '提交专业法官会议',
  committee: '提请审判委员会讨论',
  instruction: '提出监督意见',
  progressCheck: '督促审理进度',
  other: '其他',
};

/** POST /cases/:id/four-categories: confirm a proposal or label by hand (FourCategoryLabelInput). */
export const FourCategoryConfirmInput = FourCategoryLabelInput;
export type FourCategoryConfirmInput = z.infer<typeof FourCategoryConfirmInput>;

/** POST /cases/:id/four-categories/reject: a proposal judged not to apply (kept, so it is not proposed again). */
export const FourCategoryRejectInput = z.strictObject({
  category: z.enum(FOUR_CATEGORY_CODES, { message: '请选择四类案件类别' }),
  reason: z.string({ message: '请填写理由' }).trim().min(1, { message: '请填写不予标注的理由' }).max(1000, { message: '理由不能超过 1000 个字符' }),
});
export type FourCategoryRejectInput = z.infer<typeof FourCategoryRejectInput>;

/** POST /four-categories/labels/:id/revoke. */
export const FourCategoryRevokeInput = z.strictObject({
  reason: z.string({ message: '请填写理由' }).trim().min(1, { message: '请填写撤销理由' }).max(1000, { message: '理由不能超过 1000 个字符' }),
  version: z.number({ message: '版本号必须是数字' }).int().min(1),
});
export type FourCategoryRevokeInput = z.infer<typeof FourCategoryRevokeInput>;

export const SupervisionInput = z.strictObject({
  action: z.enum(SUPERVISION_ACTIONS, { message: '请选择监督方式' }).describe('监督方式'),
  actedAt: z.string({ message: '请填写监督时间' }).datetime({ message: '监督时间格式不正确', offset: true }).describe('监督时间'),
  content: z.string({ message: '请填写监督内容' }).trim().min(1, { message: '请填写监督内容' }).max(2000, { message: '监督内容不能超过 2000 个字符' }).describe('监督内容'),
});
export type SupervisionInput = z.infer<typeof SupervisionInput>;

export const FourCategoryLabelView = z.object({
  id: z.string(),
  caseId: z.string(),
  category: z.enum(FOUR_CATEGORY_CODES),
  categoryLabel: z.string(),
  itemCodes: z.array(z.enum(FOUR_CATEGORY_ITEM_CODES)),
  itemLabels: z.array(z.string()),
  status: z.enum(FOUR_CATEGORY_LABEL_STATUSES),
  reason: z.string(),
  /** Rule ids of the proposal the label came from (empty when labelled by hand). */
  proposedBy: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: z.string(),
  revokeReason: z.string().nullable(),
  version: z.number().int(),
});
export type FourCategoryLabelView = z.infer<typeof FourCategoryLabelView>;

export const FourCategoryProposalView = z.object({
  category: z.enum(FOUR_CATEGORY_CODES),
  categoryLabel: z.string(),
  itemCodes: z.array(z.enum(FOUR_CATEGORY_ITEM_CODES)),
  itemLabels: z.array(z.string()),
  reasons: z.array(z.string()),
  ruleIds: z.array(z.string()),
});
export type FourCategoryProposalView = z.infer<typeof FourCategoryProposalView>;

export const SupervisionView = z.object({
  id: z.string(),
  caseId: z.string(),
  action: z.enum(SUPERVISION_ACTIONS),
  actionLabel: z.string(),
  actedAt: z.string(),
  content: z.string(),
  supervisorName: z.string(),
  createdAt: z.string(),
});
export type SupervisionView = z.infer<typeof SupervisionView>;

/** GET /cases/:id/four-categories: everything the case page panel shows. */
export const CaseFourCategoryView = z.object({
  caseId: z.string(),
  labels: z.array(FourCategoryLabelView),
  proposals: z.array(FourCategoryProposalView),
  supervisions: z.array(SupervisionView),
});
export type CaseFourCategoryView = z.infer<typeof CaseFourCategoryView>;

export const FourCategoryListQuery = z.object({
  courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院'),
  departmentId: z.string().uuid({ message: '部门编号格式不正确' }).optional().describe('部门'),
  category: z.enum(FOUR_CATEGORY_CODES, { message: '类别不正确' }).optional().describe('类别'),
  /** `true`: only open cases. */
  open: z.enum(['true', 'false']).optional().describe('仅未结案件'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type FourCategoryListQuery = z.infer<typeof FourCategoryListQuery>;

export const FourCategoryCaseRow = z.object({
  caseId: z.string(),
  courtName: z.string(),
  caseNumber: z.string(),
  departmentName: z.string().nullable(),
  judgeName: z.string().nullable(),
  filedOn: z.string(),
  closedOn: z.string().nullable(),
  categories: z.array(z.object({ category: z.enum(FOUR_CATEGORY_CODES), label: z.string(), itemLabels: z.array(z.string()) })),
  supervisionCount: z.number().int(),
  lastSupervisedAt: z.string().nullable(),
});
export type FourCategoryCaseRow = z.infer<typeof FourCategoryCaseRow>;

export const FourCategoryList = z.object({
  items: z.array(FourCategoryCaseRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Confirmed labels by court, department and category (a case with two categories counts in both). */
  counts: z.array(z.object({ courtName: z.string(), departmentName: z.string().nullable(), category: z.enum(FOUR_CATEGORY_CODES), cases: z.number().int(), unsupervised: z.number().int() })),
});
export type FourCategoryList = z.infer<typeof FourCategoryList>;
