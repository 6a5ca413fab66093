import type { Permission } from './catalog.js';

/** The permission set the UI receives so it never re-derives the rules (Outline's `abilities`). */
export type Abilities = Partial<Record<Permission, true>>;

export function abilitiesFrom(permissions: Iterable<Permission>): Abilities {
  const abilities: Abilities = {};
  for (const p of permissions) abilities[p] = true;
  return abilities;
}
