import type { AccountView } from '@courtrisk/core';

/** One choice of a person picker: the name to show and the department beside it. */
export type PersonOption = Pick<AccountView, 'id' | 'displayName' | 'departmentName'>;

/**
 * Names for chosen ids that no option carries yet — a link's `?ownerId=`, the current owner of a
 * risk — so the picker never shows a bare id: what the caller already knows first, then each
 * remaining id read with `fetchOne` (null when the account may not read accounts). An id that
 * cannot be read is left out.
 */
export async function resolvePeople(
  ids: readonly string[],
  known: readonly PersonOption[],
  fetchOne: ((id: string) => Promise<PersonOption>) | null,
): Promise<PersonOption[]> {
  const named = known.filter((option) => ids.includes(option.id));
  const missing = ids.filter((id) => !named.some((option) => option.id === id));
  if (missing.length === 0 || !fetchOne) return named;
  const fetched = await Promise.all(missing.map((id) => fetchOne(id).catch(() => null)));
  return [...named, ...fetched.filter((option): option is PersonOption => option !== null)];
}
