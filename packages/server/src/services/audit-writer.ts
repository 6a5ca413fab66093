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

/** "字段: 旧 → 新" lines for the fields that changed; values are shown as given, so never pass secrets. */
export function describeChanges(before: Record<string, unknown>, patch: Record<string, unknown>, labels: Record<string, string>) {
  const lines: string[] = [];
  for (const [key, label] of Object.entries(labels)) {
    if (!(key in patch) || patch[key] === undefined) continue;
    const from = JSON.stringify(before[key] ?? null);
    const to = JSON.stringify(patch[key] ?? null);
    if (from !== to) lines.push(`${label}: ${from} → ${to}`);
  }
  return lines.length > 0 ? lines.join('；') : '无字段变化';
}
