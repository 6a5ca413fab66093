import { collectDescendantIds, type TreeNode } from '../courts/court.js';

/**
 * 数据权限范围 (RuoYi convention). Ordered widest first, so the widest of an
 * account's roles is the one with the lowest index.
 */
export const DATA_SCOPES = ['all', 'court_and_below', 'court', 'department_and_below', 'department', 'self'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const dataScopeLabel: Record<DataScope, string> = {
  all: '全部数据',
  court_and_below: '本院及下级法院',
  court: '本院',
  department_and_below: '本部门及下级部门',
  department: '本部门',
  self: '仅本人',
};

/** The widest scope among an account's roles; `self` when it has none. */
export function widestScope(scopes: readonly DataScope[]): DataScope {
  let best = DATA_SCOPES.length - 1;
  for (const scope of scopes) best = Math.min(best, DATA_SCOPES.indexOf(scope));
  return DATA_SCOPES[best]!;
}

export interface ScopeSubject {
  accountId: string;
  courtId: string;
  departmentId: string | null;
  scope: DataScope;
}

/**
 * What an account may see, as sets the repositories put into their WHERE clauses.
 * `departmentIds` / `ownerId` are set only for the narrower scopes; a court-wide scope leaves them undefined.
 */
export interface ResolvedScope {
  courtIds: ReadonlySet<string>;
  departmentIds?: ReadonlySet<string>;
  ownerId?: string;
}

/**
 * Resolves a data scope against the court and department trees. Sibling courts never
 * appear: `court_and_below` walks only down from the account's own court.
 */
export function resolveScope(
  subject: ScopeSubject,
  courts: readonly TreeNode[],
  departments: readonly TreeNode[],
): ResolvedScope {
  const own = new Set([subject.courtId]);
  switch (subject.scope) {
    case 'all':
      return { courtIds: new Set(courts.map((c) => c.id)) };
    case 'court_and_below':
      return { courtIds: collectDescendantIds(courts, subject.courtId) };
    case 'court':
      return { courtIds: own };
    case 'department_and_below':
      return {
        courtIds: own,
        departmentIds: subject.departmentId ? collectDescendantIds(departments, subject.departmentId) : new Set(),
      };
    case 'department':
      return { courtIds: own, departmentIds: new Set(subject.departmentId ? [subject.departmentId] : []) };
    case 'self':
      return { courtIds: own, ownerId: subject.accountId };
  }
}

/** Who owns a record, as far as data scopes care. */
export interface ScopedRecord {
  courtId: string;
  departmentId?: string | null;
  ownerId?: string | null;
}

/** The same test `scopeCondition` applies in SQL, for a single record already loaded. */
export function isInScope(scope: ResolvedScope, record: ScopedRecord): boolean {
  if (!scope.courtIds.has(record.courtId)) return false;
  if (scope.departmentIds && record.departmentId !== undefined) {
    if (!record.departmentId || !scope.departmentIds.has(record.departmentId)) return false;
  }
  if (scope.ownerId && record.ownerId !== undefined && record.ownerId !== scope.ownerId) return false;
  return true;
}

/** True when `scope` reaches no further than `limit` (an admin may not hand out a wider scope than its own). */
export function isScopeWithin(scope: DataScope, limit: DataScope): boolean {
  return DATA_SCOPES.indexOf(scope) >= DATA_SCOPES.indexOf(limit);
}
