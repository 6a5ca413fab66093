import type { ResolvedScope } from '@courtrisk/core';
import { sql, type Expression, type SqlBool } from 'kysely';

/** Column names (qualified where joins make them ambiguous) that carry a row's ownership. */
export interface ScopeColumns {
  court: string;
  /** The row's department; for department scopes. */
  department?: string;
  /** The account that owns the row; for 仅本人, and for department scopes when no department column exists. */
  owner?: string;
}

const NOTHING = sql<SqlBool>`1 = 0`;

function inSet(column: string, values: Iterable<string>): Expression<SqlBool> {
  const list = [...values];
  if (list.length === 0) return NOTHING;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(list)})`;
}

/**
 * The WHERE condition for a data scope, applied inside every list and read query. Department
 * scopes on tables without a department column keep rows owned by accounts of those departments.
 * Written as raw SQL fragments so one helper fits every table and join.
 */
export function scopeCondition(scope: ResolvedScope, columns: ScopeColumns): Expression<SqlBool> {
  const conditions = [inSet(columns.court, scope.courtIds)];
  if (scope.departmentIds) {
    if (columns.department) conditions.push(inSet(columns.department, scope.departmentIds));
    else if (columns.owner) {
      const departmentIds = [...scope.departmentIds];
      conditions.push(
        departmentIds.length === 0
          ? NOTHING
          : sql<SqlBool>`${sql.ref(columns.owner)} in (select id from account where department_id in (${sql.join(departmentIds)}))`,
      );
    }
  }
  if (scope.ownerId) conditions.push(columns.owner ? sql<SqlBool>`${sql.ref(columns.owner)} = ${scope.ownerId}` : NOTHING);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
