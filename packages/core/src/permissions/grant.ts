import { dataScopeLabel, isScopeWithin, type DataScope } from './data-scope.js';

/**
 * Least privilege when defining or assigning roles (等保2.0 8.1.4.2 c): an administrator may not
 * hand out a data scope wider than its own (a 基层 admin cannot create an "all courts" role).
 * Which permissions a role carries is the administrator's job to decide (三员分立: the system
 * administrator assigns business roles it does not hold itself). Returns Chinese reasons.
 */
export function checkGrant(granter: { scope: DataScope }, role: { scope: DataScope }): string[] {
  if (isScopeWithin(role.scope, granter.scope)) return [];
  return [`不能授予比自己更大的数据范围（${dataScopeLabel[role.scope]}）`];
}
