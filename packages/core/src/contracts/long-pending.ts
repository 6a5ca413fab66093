import { z } from 'zod';

/**
 * 长期未结 ledger (issue 5): open cases beyond the court's month buckets (default 12/18/36,
 * deadlines/long-pending.ts), each with a recorded reason and responsible person, and weekly
 * per-court snapshots of the bucket counts for the trend chart.
 */
const LedgerDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const LongPendingQuery = z.object({
  courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院'),
  departmentId: z.string().uuid({ message: '部门编号格式不正确' }).optional().describe('部门'),
  /** Only cases in this bucket or above (months, one of the court's buckets). */
  minMonths: z.coerce.number({ message: '分档必须是数字' }).int().min(1).max(600).optional().describe('至少未结月数'),
  /** `false`: only cases whose reason is not yet recorded. */
  noted: z.enum(['true', 'false']).optional().describe('是否已填写原因'),
  keyword: z.string().trim().max(60).optional().describe('案号或承办法官'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type LongPendingQuery = z.infer<typeof LongPendingQuery>;

export const LongPendingRow = z.object({
  caseId: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  caseNumber: z.string(),
  departmentName: z.string().nullable(),
  judgeName: z.string().nullable(),
  filedOn: z.string(),
  /** Whole months from filing to today (民法典 第二百零一、二百零二条 counting). */
  monthsPending: z.number().int(),
  daysPending: z.number().int(),
  /** The largest bucket reached (12, 18, 36 …). */
  bucketMonths: z.number().int(),
  reachedOn: z.string(),
  reason: z.string().nullable(),
  responsibleName: z.string().nullable(),
  noteUpdatedBy: z.string().nullable(),
  noteUpdatedAt: z.string().nullable(),
  /** 0 while no note is recorded; send with PUT. */
  noteVersion: z.number().int(),
});
export type LongPendingRow = z.infer<typeof LongPendingRow>;

export const LongPendingList = z.object({
  items: z.array(LongPendingRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string(),
  /** Counts per bucket over the filtered set (a case counts in its largest bucket only). */
  bucketCounts: z.array(z.object({ months: z.number().int(), count: z.number().int() })),
});
export type LongPendingList = z.infer<typeof LongPendingList>;

/** PUT /long-pending/cases/:id/note — reason and responsible person (audited). */
export const LongPendingNoteInput = z.strictObject({
  reason: z.string({ message: '请填写未结原因' }).trim().min(1, { message: '请填写未结原因' }).max(1000, { message: '未结原因不能超过 1000 个字符' }).describe('未结原因'),
  responsibleName: z.string({ message: '请填写责任人' }).trim().min(1, { message: '请填写责任人' }).max(50, { message: '责任人不能超过 50 个字符' }).describe('责任人'),
  /** 0 for the first note of the case. */
  version: z.number({ message: '版本号必须是数字' }).int().min(0),
});
export type LongPendingNoteInput = z.infer<typeof LongPendingNoteInput>;

export const LongPendingNoteView = z.object({
  caseId: z.string(),
  reason: z.string(),
  responsibleName: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LongPendingNoteView = z.infer<typeof LongPendingNoteView>;

export const LongPendingSnapshotView = z.object({
  courtId: z.string(),
  courtName: z.string(),
  /** ISO week, e.g. 2026-W10. */
  isoWeek: z.string(),
  takenOn: z.string(),
  openCases: z.number().int(),
  buckets: z.array(z.object({ months: z.number().int(), count: z.number().int() })),
  takenBy: z.string(),
});
export type LongPendingSnapshotView = z.infer<typeof LongPendingSnapshotView>;

export const LongPendingSnapshotQuery = z.object({
  courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院（默认本院）'),
  from: LedgerDate.optional().describe('起始日（默认半年前）'),
});
export type LongPendingSnapshotQuery = z.infer<typeof LongPendingSnapshotQuery>;

export const LongPendingSnapshotInput = z.strictObject({ courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院（默认本院）') });
export type LongPendingSnapshotInput = z.infer<typeof LongPendingSnapshotInput>;
