import { isoWeekMonday, isoWeekOf, addDays, TRIAL_LIMIT_TIERS, type LocalDate, type TrialCalendarView, type TrialMonitorRow, type TrialTierCounts } from '@courtrisk/core';
import { zh } from '../../locales/zh-CN';

/** First and last day (`YYYY-MM-DD`) of the month holding `day`. */
export function monthRange(day: string): { from: string; to: string } {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

const WORST_FIRST = [...TRIAL_LIMIT_TIERS].reverse();

/** The worst tier present on a day, which colours its calendar cell; null when only 正常. */
export function worstTier(counts: TrialTierCounts): (typeof TRIAL_LIMIT_TIERS)[number] | null {
  return WORST_FIRST.find((tier) => tier !== 'none' && counts[tier] > 0) ?? null;
}

export interface WeekGroup {
  week: string;
  label: string;
  items: TrialMonitorRow[];
}

/** Cases grouped by the ISO week of their deadline (Monday–Sunday), weeks in date order. */
export function groupByWeek(items: readonly TrialMonitorRow[]): WeekGroup[] {
  const groups = new Map<string, WeekGroup>();
  for (const item of items) {
    if (!item.deadline) continue;
    const deadline = item.deadline as LocalDate;
    const week = isoWeekOf(deadline);
    let group = groups.get(week);
    if (!group) {
      const monday = isoWeekMonday(deadline);
      groups.set(week, (group = { week, label: zh.trialCalendar.weekLabel(week, monday.slice(5), addDays(monday, 6).slice(5)), items: [] }));
    }
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** A day's entry of the calendar answer, or undefined when nothing falls due. */
export function dayOf(view: TrialCalendarView | null, date: string) {
  return view?.days.find((d) => d.date === date);
}
