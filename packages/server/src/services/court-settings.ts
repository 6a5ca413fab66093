import type { z } from 'zod';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import type { Actor } from './actor.js';

/**
 * Shared by the per-court settings services (审限设置, 信访舆情设置): the stored JSON, else the
 * defaults. A stored row that no longer parses (a later release tightened the schema) falls back to
 * the defaults rather than stopping warnings.
 */
export function parseStoredSettings<T>(schema: z.ZodType<T>, json: string | undefined, defaults: T): T {
  if (json === undefined) return defaults;
  const parsed = schema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : defaults;
}

/** The court whose settings are read or changed: 404 outside the actor's scope. */
export async function settingsCourt(repos: Pick<Repositories, 'courts'>, access: AccessChecker, actor: Actor, courtId: string) {
  return access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
}
