import { formatPeriodLength } from './period.js';
import type { ProcessEvent } from './process-events.js';

/** An engine event without its id, or 结案 (which the engine takes as `closedOn`). */
export type RecordedProcessEvent = DistributiveOmit<ProcessEvent, 'id'> | { type: 'closing'; on: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The identity of a recorded 审限事项 within its case, so an import or a repeated entry never
 * records the same thing twice: an extension is identified by approver and approval day, an
 * excluded period by kind and first day (its end may be filled in later), the other events by
 * their day (and a restart also by its reason).
 */
export function processEventKey(event: RecordedProcessEvent): string {
  switch (event.type) {
    case 'extension':
      return `extension|${event.approver}|${event.approvedOn}`;
    case 'excludedPeriod':
      return `excludedPeriod|${event.kind}|${event.start}`;
    case 'clockRestart':
      return `clockRestart|${event.reason}|${event.on}`;
    case 'suspension':
    case 'resumption':
    case 'closing':
      return `${event.type}|${event.on}`;
  }
}

/** What to do with an incoming event whose key is already recorded. */
export type ProcessEventReconciliation =
  | { action: 'unchanged' }
  /** An open excluded period gets its end day. */
  | { action: 'complete'; end: string }
  | { action: 'conflict'; message: string };

/**
 * Compares an incoming event with the recorded one of the same {@link processEventKey}. Identical
 * → unchanged; an open excluded period that now has an end → complete it; anything else differs
 * in substance and is reported for a person to check (a recorded 审限事项 is never silently changed).
 */
export function reconcileProcessEvent(recorded: RecordedProcessEvent, incoming: RecordedProcessEvent): ProcessEventReconciliation {
  if (canonical(recorded) === canonical(incoming)) return { action: 'unchanged' };
  if (recorded.type === 'excludedPeriod' && incoming.type === 'excludedPeriod' && recorded.end === undefined && incoming.end !== undefined) {
    return { action: 'complete', end: incoming.end };
  }
  if (recorded.type === 'excludedPeriod' && incoming.type === 'excludedPeriod' && incoming.end === undefined) return { action: 'unchanged' };
  return { action: 'conflict', message: `与已登记的同一事项不一致（已登记：${describeDifference(recorded)}），请在案件页核对` };
}

function canonical(event: RecordedProcessEvent): string {
  const entries = Object.entries(event).filter(([key, value]) => key !== 'id' && value !== undefined);
  return JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => [key, value && typeof value === 'object' ? sortObject(value as Record<string, unknown>) : value])));
}

function sortObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

function describeDifference(event: RecordedProcessEvent): string {
  switch (event.type) {
    case 'extension':
      return `延长${formatPeriodLength(event.length)}${event.requestedOn ? `，申请日期${event.requestedOn}` : ''}`;
    case 'excludedPeriod':
      return `${event.start}至${event.end ?? '未结束'}`;
    default:
      return event.on;
  }
}
