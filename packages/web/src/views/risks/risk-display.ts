import { buildTree, chinaDateOf, collectDescendantIds, DEFAULT_RISK_MATRIX, type LocalDate, RISK_LEVELS, scoreRisk, type RiskClock, type RiskLevel, type RiskMatrix, type RiskScore, type RiskView, type TreeNode } from '@courtrisk/core';
import { zh } from '../../locales/zh-CN';

export interface ClockSummary {
  missed: RiskClock[];
  dueSoon: RiskClock[];
  /** The earliest clock still counting normally, for a calm "下一个时限" line. */
  next: RiskClock | null;
}

const byDue = (a: RiskClock, b: RiskClock) => a.dueAt.localeCompare(b.dueAt);

/** What the register shows of a risk's clocks: the missed ones, those due soon, else the next due. */
export function summarizeClocks(clocks: readonly RiskClock[]): ClockSummary {
  const missed = clocks.filter((clock) => clock.status === 'missed').sort(byDue);
  const dueSoon = clocks.filter((clock) => clock.status === 'due_soon').sort(byDue);
  const next = clocks.filter((clock) => clock.status === 'pending' && clock.running).sort(byDue)[0] ?? null;
  return { missed, dueSoon, next };
}

/** Where a risk's 批示 stand (下级上报 column, register badge): some awaiting 签收 (red), all 签收, or none given. */
export function instructionState({ total, unacknowledged }: RiskView['instructions']): { text: string; type: 'danger' | 'success' | 'info'; pending: boolean } {
  if (unacknowledged > 0) return { text: zh.lowerReports.unacknowledged(unacknowledged), type: 'danger', pending: true };
  if (total > 0) return { text: zh.lowerReports.acknowledged, type: 'success', pending: false };
  return { text: zh.lowerReports.noInstructions, type: 'info', pending: false };
}

/** Element Plus tag type of a clock status: missed red, due soon orange, met green. */
export const CLOCK_TAG_TYPE = { missed: 'danger', due_soon: 'warning', met: 'success', pending: 'info' } as const;

/**
 * The level a likelihood × impact gives, shown live while the user chooses. The server scores on the
 * court's matrix; the risk's own criteria snapshot (when editing a risk) or the default matrix is the
 * best guess on screen.
 */
export function previewScore(likelihood: number, impact: number, criteria?: RiskScore['criteria']): RiskScore {
  const matrix: RiskMatrix = criteria ? { version: criteria.matrixVersion, bands: criteria.bands } : DEFAULT_RISK_MATRIX;
  return scoreRisk(likelihood, impact, matrix);
}

/** Residual levels allowed when resolving: not above the current level (红 first). */
export function residualLevelsFor(current: RiskLevel): RiskLevel[] {
  return RISK_LEVELS.slice(RISK_LEVELS.indexOf(current));
}

/** 1–5 choices of likelihood and impact, each with its plain-language meaning. */
export const FACTOR_VALUES = [1, 2, 3, 4, 5] as const;

/** The courts below `ownCourtId` as a tree (上级交办 goes to a lower court, never to one's own or a sibling). */
export function lowerCourtTree<Court extends TreeNode>(courts: readonly Court[], ownCourtId: string | undefined) {
  if (!ownCourtId) return [];
  const below = collectDescendantIds(courts, ownCourtId);
  below.delete(ownCourtId);
  // buildTree makes a court whose parent is left out a root: the direct lower courts.
  return buildTree(courts.filter((court) => below.has(court.id)));
}

/** Today in Beijing (the server checks dates against it, whatever the browser's zone). */
export function todayInChina(now: number = Date.now()): LocalDate {
  return chinaDateOf(now);
}

/** The calendar day a date picker shows (its local date), as `YYYY-MM-DD`. */
const pickedDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** For `disabled-date` of pickers whose value may not lie in the past (due dates, review dates). */
export function isBeforeToday(date: Date, now: number = Date.now()): boolean {
  return pickedDay(date) < todayInChina(now);
}

/** For `disabled-date` of pickers whose value may not lie in the future (the day an assessment was held). */
export function isAfterToday(date: Date, now: number = Date.now()): boolean {
  return pickedDay(date) > todayInChina(now);
}

/** Likelihood × impact that reproduce a level on the default matrix, for a form started from a warning. */
const LEVEL_FACTORS: Record<RiskLevel, { likelihood: number; impact: number }> = {
  red: { likelihood: 4, impact: 5 },
  orange: { likelihood: 3, impact: 4 },
  yellow: { likelihood: 2, impact: 3 },
  blue: { likelihood: 1, impact: 3 },
};

/**
 * Starting factors for a risk confirmed from a warning: the most balanced pair whose product is the
 * rule's score when it has one (16 → 4 × 4), else a pair giving the warning's level. Staff adjust them.
 */
export function factorsFor(score: number | null, level: RiskLevel): { likelihood: number; impact: number } {
  if (score !== null) {
    for (let likelihood = Math.min(5, Math.floor(Math.sqrt(score))); likelihood >= 1; likelihood -= 1) {
      const impact = score / likelihood;
      if (Number.isInteger(impact) && impact <= 5) return { likelihood, impact };
    }
  }
  return LEVEL_FACTORS[level];
}
