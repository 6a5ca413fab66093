import type { Clock } from '../clock.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditActor } from './actor.js';

export interface AuditEvent {
  courtId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  /** What changed, in words staff can read; never passwords, tokens or ID numbers. */
  summary: string;
}

/** Appends one entry to the court's audit chain, inside the caller's transaction. */
export function writeAudit(repos: Pick<Repositories, 'audit'>, clock: Clock, actor: AuditActor, event: AuditEvent) {
  return repos.audit.append({
    courtId: event.courtId,
    at: clock.now().toISOString(),
    actorId: actor.accountId,
    actorName: actor.name,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: actor.ip,
    summary: event.summary,
  });
}

/** A field as the audit names it: a plain label, a label with a value format, or a label whose text is withheld (said changed, never quoted). */
export type FieldDescription = string | { label: string; format: (value: unknown) => string } | { label: string; withheld: true };

/**
 * "字段：旧 → 新" for the fields that changed, in words staff read (labels, Chinese values);
 * never pass secrets. A field given as a plain label shows its value as text.
 */
export function describeChanges(before: Record<string, unknown>, patch: Record<string, unknown>, fields: Record<string, FieldDescription>) {
  const lines: string[] = [];
  for (const [key, description] of Object.entries(fields)) {
    if (!(key in patch) || patch[key] === undefined) continue;
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(patch[key] ?? null)) continue;
    if (typeof description !== 'string' && 'withheld' in description) {
      lines.push(`${description.label}：已修改（内容不记入日志）`);
      continue;
    }
    const { label, format } = typeof description === 'string' ? { label: description, format: showValue } : description;
    lines.push(`${label}：${format(before[key])} → ${format(patch[key])}`);
  }
  return lines.length > 0 ? lines.join('；') : '无字段变化';
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1 ? '是' : '否';
  return String(value);
}
