import { newId } from '../ids.js';
import { BUILTIN_ROLES, DEFAULT_DICTIONARIES } from '@courtrisk/core';
import type { Repositories } from '../repositories/index.js';

/** A new court starts with its own editable copy of the built-in roles and default dictionaries. */
export async function createCourtDefaults(repos: Repositories, courtId: string, nowIso: string) {
  for (const role of BUILTIN_ROLES) {
    await repos.roles.insert({
      id: newId(),
      courtId,
      code: role.code,
      name: role.name,
      scope: role.scope,
      permissions: JSON.stringify(role.permissions),
      builtin: 1,
      remark: role.remark,
      createdAt: nowIso,
      updatedAt: nowIso,
      version: 1,
    });
  }
  const items = Object.entries(DEFAULT_DICTIONARIES).flatMap(([type, dict]) =>
    dict.items.map(([code, label], index) => ({
      id: newId(),
      courtId,
      type,
      code,
      label,
      sort: index,
      enabled: 1,
      createdAt: nowIso,
      updatedAt: nowIso,
      version: 1,
    })),
  );
  await repos.dictionaries.insert(items);
}
