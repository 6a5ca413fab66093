import { z } from 'zod';
import { compareLocalDates, type LocalDate } from './local-date.js';
import { calculatePeriodEnd, periodOfMonths } from './period.js';

/**
 * 长期未结 ledger buckets, in months since filing. No statute sets them: SPC clean-up campaigns
 * speak of 一年以上 / 两年以上 and local ledgers use 18 months and 3 years (secondary), so the
 * defaults 12 / 18 / 36 are a per-court setting.
 */
export const LongPendingThresholds = z
  .object({
    bucketMonths: z
      .array(z.number().int().min(1).max(600))
      .min(1)
      .default([12, 18, 36])
      .refine((months) => months.every((value, index) => index === 0 || value > months[index - 1]!), {
        message: '分档月数必须严格递增',
      })
      .describe('长期未结分档（月）'),
  });
export type LongPendingThresholds = z.infer<typeof LongPendingThresholds>;

export const DEFAULT_LONG_PENDING_THRESHOLDS: LongPendingThresholds = LongPendingThresholds.parse({});

/** Where an open case stands in the 长期未结 ledger. */
export interface LongPendingStatus {
  /** The largest bucket reached, in months; `null` when the case is closed or below every bucket. */
  bucketMonths: number | null;
  /** The day the case entered that bucket; `null` with `bucketMonths`. */
  reachedOn: LocalDate | null;
  /** The next bucket and the day it will be reached; `null` when the last bucket is reached or the case is closed. */
  next: { bucketMonths: number; reachedOn: LocalDate } | null;
}

/**
 * Buckets a case by how long it has been open, counted in calendar time from filing to `today`
 * (no excluded periods: the ledger measures age, not the trial limit). A case is in the N-month
 * bucket from the last day of an N-month period that starts on the filing date: the filing day is
 * not counted (民法典(2020) 第二百零一条) and month ends clamp (第二百零二条); “N个月以上” includes the
 * day N months are completed (第一千二百五十九条: 以上包括本数). Example: filed 2023-08-31 → 12 months
 * on 2024-08-31, 18 months on 2025-02-28. A case closed on or before `today` is not pending.
 */
export function classifyLongPending(
  courtCase: { filedOn: LocalDate; closedOn?: LocalDate | undefined },
  today: LocalDate,
  thresholds: LongPendingThresholds = DEFAULT_LONG_PENDING_THRESHOLDS,
): LongPendingStatus {
  const closed = courtCase.closedOn !== undefined && compareLocalDates(courtCase.closedOn, today) <= 0;
  if (closed) return { bucketMonths: null, reachedOn: null, next: null };
  let status: LongPendingStatus = { bucketMonths: null, reachedOn: null, next: null };
  for (const bucketMonths of thresholds.bucketMonths) {
    const reachedOn = calculatePeriodEnd(courtCase.filedOn, periodOfMonths(bucketMonths));
    if (compareLocalDates(reachedOn, today) > 0) return { ...status, next: { bucketMonths, reachedOn } };
    status = { bucketMonths, reachedOn, next: null };
  }
  return status;
}
