import { idNumberCheckCharacter } from '@courtrisk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCsv, FUNDRAISING_FACTS } from './case-fixtures.js';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Fixture {
  courtId: string;
  basicCourtId: string;
  departmentId: string;
  targetAccountId: string;
  targetVersion: number;
  roleId: string;
  customRoleId: string;
  dictionaryId: string;
  caseId: string;
  warningId: string;
  importJobId: string;
  backgroundJobId: string;
  financialYaml: string;
  riskId: string;
  reassignedRiskId: string;
  opinionItemId: string;
  petitionerId: string;
  petitionerVersion: number;
  petitionId: string;
  petitionVersion: number;
  keyPersonId: string;
  keyPersonVersion: number;
  watchListEntryIds: string[];
}

interface EndpointCase {
  name: string;
  method: Method;
  url: (f: Fixture) => string;
  /** A valid body (or query appended to the URL for GETs). */
  body?: (f: Fixture) => unknown;
  /** One invalid field and the field path the 400 must name. */
  invalid?: { body?: (f: Fixture) => unknown; url?: (f: Fixture) => string; field: string };
  /** A demo account without the endpoint's permission (omitted: any signed-in account may call it). */
  forbiddenFor?: string;
  /** The account that holds it; zy_admin when omitted. */
  as?: string;
  /** Success status when not 200 (201 for creations). */
  status?: number;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${++seq}${Date.now() % 100000}`;
const petitionBody = (petitionerId: string) => ({ channel: 'visit', receivedOn: '2026-03-01', petitionerIds: [petitionerId], headcount: 1, venueLevel: 'intermediate', nature: 'non_litigation', content: '反映执行款未到账。', demands: '请求尽快发放。' });

/** Every /api/v1 endpoint: 401 without a session, 400 per invalid field, 403 without permission, success. */
const ENDPOINTS: EndpointCase[] = [
  { name: 'list courts', method: 'GET', url: () => '/api/v1/courts', forbiddenFor: 'bare_user' },
  { name: 'get court', method: 'GET', url: (f) => `/api/v1/courts/${f.courtId}`, invalid: { url: () => '/api/v1/courts/not-a-uuid', field: 'id' }, forbiddenFor: 'bare_user' },
  {
    name: 'create court',
    method: 'POST',
    url: () => '/api/v1/courts',
    body: (f) => ({ parentId: f.courtId, code: `示9${String(++seq).padStart(3, '0')}`, name: '测试区人民法院' }),
    invalid: { body: (f) => ({ parentId: f.courtId, code: '!!', name: '测试' }), field: 'code' },
    forbiddenFor: 'zy_judge',
  },
  {
    name: 'update court',
    method: 'PATCH',
    url: (f) => `/api/v1/courts/${f.basicCourtId}`,
    body: () => ({ name: '示例市南湖区人民法院', version: 1 }),
    invalid: { body: () => ({ name: '', version: 1 }), field: 'name' },
    forbiddenFor: 'zy_judge',
  },
  { name: 'list departments', method: 'GET', url: (f) => `/api/v1/departments?courtId=${f.courtId}`, invalid: { url: () => '/api/v1/departments?courtId=x', field: 'courtId' }, forbiddenFor: 'bare_user' },
  {
    name: 'create department',
    method: 'POST',
    url: () => '/api/v1/departments',
    body: (f) => ({ courtId: f.courtId, code: unique('dept'), name: '审判管理办公室' }),
    invalid: { body: (f) => ({ courtId: f.courtId, code: '中文编码', name: '审管办' }), field: 'code' },
    forbiddenFor: 'zy_judge',
  },
  {
    name: 'update department',
    method: 'PATCH',
    url: (f) => `/api/v1/departments/${f.departmentId}`,
    body: () => ({ sort: 5, version: 1 }),
    invalid: { body: () => ({ sort: -1, version: 1 }), field: 'sort' },
    forbiddenFor: 'zy_judge',
  },
  { name: 'list accounts', method: 'GET', url: () => '/api/v1/accounts', invalid: { url: () => '/api/v1/accounts?pageSize=1000', field: 'pageSize' }, forbiddenFor: 'zy_judge' },
  { name: 'export accounts', method: 'GET', url: () => '/api/v1/accounts/export.xlsx', invalid: { url: () => '/api/v1/accounts/export.xlsx?status=gone', field: 'status' }, forbiddenFor: 'zy_judge' },
  { name: 'get account', method: 'GET', url: (f) => `/api/v1/accounts/${f.targetAccountId}`, invalid: { url: () => '/api/v1/accounts/123', field: 'id' }, forbiddenFor: 'zy_judge' },
  {
    name: 'create account',
    method: 'POST',
    url: () => '/api/v1/accounts',
    body: (f) => ({ courtId: f.courtId, username: unique('user'), displayName: '王法官', roleIds: [f.roleId] }),
    invalid: { body: (f) => ({ courtId: f.courtId, username: '1bad', displayName: '王法官' }), field: 'username' },
    forbiddenFor: 'zy_leader',
  },
  {
    name: 'update account',
    method: 'PATCH',
    url: (f) => `/api/v1/accounts/${f.targetAccountId}`,
    body: (f) => ({ phone: '010-12345678', version: f.targetVersion }),
    invalid: { body: (f) => ({ phone: 'call me', version: f.targetVersion }), field: 'phone' },
    forbiddenFor: 'zy_leader',
  },
  { name: 'reset password', method: 'POST', url: (f) => `/api/v1/accounts/${f.targetAccountId}/reset-password`, invalid: { url: () => '/api/v1/accounts/x/reset-password', field: 'id' }, forbiddenFor: 'zy_leader' },
  { name: 'unlock account', method: 'POST', url: (f) => `/api/v1/accounts/${f.targetAccountId}/unlock`, invalid: { url: () => '/api/v1/accounts/x/unlock', field: 'id' }, forbiddenFor: 'zy_leader' },
  { name: 'list roles', method: 'GET', url: () => '/api/v1/roles', invalid: { url: () => '/api/v1/roles?courtId=1', field: 'courtId' }, forbiddenFor: 'zy_judge' },
  {
    name: 'create role',
    method: 'POST',
    url: () => '/api/v1/roles',
    body: (f) => ({ courtId: f.courtId, code: unique('role_'), name: '审管办', scope: 'court', permissions: ['court.read'] }),
    invalid: { body: (f) => ({ courtId: f.courtId, code: 'r_x', name: '审管办', scope: 'galaxy', permissions: [] }), field: 'scope' },
    forbiddenFor: 'zy_risk',
  },
  {
    name: 'update role',
    method: 'PATCH',
    url: (f) => `/api/v1/roles/${f.customRoleId}`,
    body: () => ({ remark: '审判管理办公室', version: 1 }),
    invalid: { body: () => ({ permissions: ['no.such'], version: 1 }), field: 'permissions.0' },
    forbiddenFor: 'zy_risk',
  },
  { name: 'delete role', method: 'DELETE', url: (f) => `/api/v1/roles/${f.customRoleId}`, invalid: { url: () => '/api/v1/roles/x', field: 'id' }, forbiddenFor: 'zy_risk' },
  { name: 'list dictionaries', method: 'GET', url: () => '/api/v1/dictionaries?type=risk_level', invalid: { url: () => '/api/v1/dictionaries?type=Bad-Type', field: 'type' }, forbiddenFor: 'bare_user' },
  {
    name: 'create dictionary item',
    method: 'POST',
    url: () => '/api/v1/dictionaries',
    body: (f) => ({ courtId: f.courtId, type: 'agency_kind', code: unique('agency'), label: '市场监管' }),
    invalid: { body: (f) => ({ courtId: f.courtId, type: 'agency_kind', code: 'x', label: 'x'.repeat(101) }), field: 'label' },
    forbiddenFor: 'zy_risk',
  },
  {
    name: 'update dictionary item',
    method: 'PATCH',
    url: (f) => `/api/v1/dictionaries/${f.dictionaryId}`,
    body: () => ({ label: '网信部门', version: 1 }),
    invalid: { body: () => ({ enabled: 'yes', version: 1 }), field: 'enabled' },
    forbiddenFor: 'zy_risk',
  },
  { name: 'delete dictionary item', method: 'DELETE', url: (f) => `/api/v1/dictionaries/${f.dictionaryId}`, invalid: { url: () => '/api/v1/dictionaries/x', field: 'id' }, forbiddenFor: 'zy_risk' },
  { name: 'login logs', method: 'GET', url: () => '/api/v1/login-logs', invalid: { url: () => '/api/v1/login-logs?from=2026/1/1', field: 'from' }, forbiddenFor: 'zy_risk' },
  { name: 'export login logs', method: 'GET', url: () => '/api/v1/login-logs/export.xlsx', invalid: { url: () => '/api/v1/login-logs/export.xlsx?success=maybe', field: 'success' }, forbiddenFor: 'zy_risk' },
  { name: 'audit logs', method: 'GET', url: () => '/api/v1/audit-logs', invalid: { url: () => '/api/v1/audit-logs?page=0', field: 'page' }, forbiddenFor: 'zy_risk' },
  { name: 'export audit logs', method: 'GET', url: () => '/api/v1/audit-logs/export.xlsx', invalid: { url: () => '/api/v1/audit-logs/export.xlsx?to=yesterday', field: 'to' }, forbiddenFor: 'zy_risk' },
  { name: 'verify audit log', method: 'POST', url: () => '/api/v1/audit-logs/verify', forbiddenFor: 'zy_risk' },
  { name: 'permission catalogue', method: 'GET', url: () => '/api/v1/permissions', forbiddenFor: '' },
  { name: 'list cases', method: 'GET', url: () => '/api/v1/cases?hasWarnings=true', invalid: { url: () => '/api/v1/cases?level=purple', field: 'level' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'export cases', method: 'GET', url: () => '/api/v1/cases/export.xlsx', invalid: { url: () => '/api/v1/cases/export.xlsx?filedFrom=now', field: 'filedFrom' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'get case', method: 'GET', url: (f) => `/api/v1/cases/${f.caseId}`, invalid: { url: () => '/api/v1/cases/x', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'get trial limit', method: 'GET', url: (f) => `/api/v1/cases/${f.caseId}/trial-limit`, invalid: { url: () => '/api/v1/cases/x/trial-limit', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'add process event',
    method: 'POST',
    url: (f) => `/api/v1/cases/${f.caseId}/events`,
    body: () => ({ type: 'excludedPeriod', kind: 'appraisal', start: '2025-02-01', end: '2025-02-10' }),
    invalid: { body: () => ({ type: 'excludedPeriod', kind: 'appraisal', start: '2025-02-30' }), field: 'start' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },  { name: 'get trial-limit settings', method: 'GET', url: (f) => `/api/v1/courts/${f.courtId}/trial-limit-settings`, invalid: { url: () => '/api/v1/courts/x/trial-limit-settings', field: 'id' }, forbiddenFor: 'bare_user' },
  {
    name: 'update trial-limit settings',
    method: 'PUT',
    url: (f) => `/api/v1/courts/${f.basicCourtId}/trial-limit-settings`,
    body: () => ({ holidayRule: 'none', thresholds: {}, longPending: {}, version: 0 }),
    invalid: { body: () => ({ holidayRule: 'sometimes', thresholds: {}, longPending: {}, version: 0 }), field: 'holidayRule' },
    forbiddenFor: 'zy_judge',
  },
  { name: 'sweep trial limits now', method: 'POST', url: (f) => `/api/v1/courts/${f.courtId}/trial-limit-sweep`, invalid: { url: () => '/api/v1/courts/x/trial-limit-sweep', field: 'id' }, forbiddenFor: 'zy_judge' },
  {
    name: 'batch process events',
    method: 'POST',
    url: () => '/api/v1/trial-limits/events/batch',
    body: () => ({ events: [{ caseNumber: '(2025)示01民初1号', event: { type: 'suspension', on: '2025-03-01' } }] }),
    invalid: { body: () => ({ events: [] }), field: 'events' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  { name: 'process event import template', method: 'GET', url: () => '/api/v1/trial-limits/event-imports/template.xlsx', forbiddenFor: 'zy_judge', as: 'zy_risk' },
  { name: 'trial-limit monitor', method: 'GET', url: () => '/api/v1/trial-limits/monitor?tier=overdue', invalid: { url: () => '/api/v1/trial-limits/monitor?tier=late', field: 'tier' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'export trial-limit monitor', method: 'GET', url: () => '/api/v1/trial-limits/monitor/export.xlsx', invalid: { url: () => '/api/v1/trial-limits/monitor/export.xlsx?procedure=x', field: 'procedure' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'trial-limit calendar', method: 'GET', url: () => '/api/v1/trial-limits/calendar?from=2026-03-01&to=2026-03-31', invalid: { url: () => '/api/v1/trial-limits/calendar?from=2026-03-01&to=2026-02-01', field: 'to' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'trial-limit lobby', method: 'GET', url: () => '/api/v1/trial-limits/lobby', invalid: { url: () => '/api/v1/trial-limits/lobby?courtId=x', field: 'courtId' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'set trial-limit procedure',
    method: 'PUT',
    url: (f) => `/api/v1/cases/${f.caseId}/trial-limit/procedure`,
    body: () => ({ procedure: 'civilFirstInstanceOrdinary', reason: '核对卷宗' }),
    invalid: { body: () => ({ procedure: 'civilFirstInstanceOrdinary', reason: '' }), field: 'reason' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  { name: 'long-pending ledger', method: 'GET', url: () => '/api/v1/long-pending', invalid: { url: () => '/api/v1/long-pending?noted=maybe', field: 'noted' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'export long-pending ledger', method: 'GET', url: () => '/api/v1/long-pending/export.xlsx', invalid: { url: () => '/api/v1/long-pending/export.xlsx?minMonths=0', field: 'minMonths' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'long-pending note',
    method: 'PUT',
    url: (f) => `/api/v1/long-pending/cases/${f.caseId}/note`,
    body: () => ({ reason: '等待鉴定意见', responsibleName: '承办法官', version: 0 }),
    invalid: { body: () => ({ reason: '', responsibleName: '承办法官', version: 0 }), field: 'reason' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  { name: 'long-pending snapshots', method: 'GET', url: () => '/api/v1/long-pending/snapshots', invalid: { url: () => '/api/v1/long-pending/snapshots?from=x', field: 'from' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'take long-pending snapshot', method: 'POST', url: () => '/api/v1/long-pending/snapshots', body: () => ({}), invalid: { body: () => ({ courtId: 'x' }), field: 'courtId' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  { name: 'four-category cases', method: 'GET', url: () => '/api/v1/four-categories', invalid: { url: () => '/api/v1/four-categories?category=fifth', field: 'category' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'export four-category cases', method: 'GET', url: () => '/api/v1/four-categories/export.xlsx', invalid: { url: () => '/api/v1/four-categories/export.xlsx?open=maybe', field: 'open' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'case four categories', method: 'GET', url: (f) => `/api/v1/cases/${f.caseId}/four-categories`, invalid: { url: () => '/api/v1/cases/x/four-categories', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'label four-category case',
    method: 'POST',
    url: (f) => `/api/v1/cases/${f.caseId}/four-categories`,
    body: () => ({ category: 'conflictWithPrecedent', itemCodes: [], reason: '与上级法院类案裁判可能冲突' }),
    invalid: { body: () => ({ category: 'conflictWithPrecedent', itemCodes: [], reason: ' ' }), field: 'reason' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  {
    name: 'reject four-category proposal',
    method: 'POST',
    url: (f) => `/api/v1/cases/${f.caseId}/four-categories/reject`,
    body: () => ({ category: 'judgeMisconductReported', reason: '无反映材料' }),
    invalid: { body: () => ({ category: 'fifth', reason: '无' }), field: 'category' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  {
    name: 'record supervision',
    method: 'POST',
    url: (f) => `/api/v1/cases/${f.caseId}/supervisions`,
    body: () => ({ action: 'briefing', actedAt: '2026-03-01T02:00:00Z', content: '听取汇报' }),
    invalid: { body: () => ({ action: 'briefing', actedAt: 'yesterday', content: '听取汇报' }), field: 'actedAt' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },

  {
    name: 'upsert cases',
    method: 'POST',
    url: () => '/api/v1/cases/batch',
    body: () => ({ cases: [{ caseNumber: '(2025)示01民初2号', filedOn: '2025-02-01' }] }),
    invalid: { body: () => ({ cases: [] }), field: 'cases' },
    forbiddenFor: 'zy_leader',
    as: 'zy_risk',
  },
  { name: 'list imports', method: 'GET', url: () => '/api/v1/imports', forbiddenFor: 'zy_leader', as: 'zy_risk' },
  { name: 'import template', method: 'GET', url: () => '/api/v1/imports/template.xlsx', forbiddenFor: 'zy_leader', as: 'zy_risk' },
  { name: 'import job', method: 'GET', url: (f) => `/api/v1/imports/${f.importJobId}`, invalid: { url: () => '/api/v1/imports/x', field: 'id' }, forbiddenFor: 'zy_leader', as: 'zy_risk' },
  { name: 'import errors', method: 'GET', url: (f) => `/api/v1/imports/${f.importJobId}/errors`, invalid: { url: () => '/api/v1/imports/x/errors', field: 'id' }, forbiddenFor: 'zy_leader', as: 'zy_risk' },
  { name: 'import error report', method: 'GET', url: (f) => `/api/v1/imports/${f.importJobId}/errors.xlsx`, invalid: { url: () => '/api/v1/imports/x/errors.xlsx', field: 'id' }, forbiddenFor: 'zy_leader', as: 'zy_risk' },
  { name: 'list warnings', method: 'GET', url: () => '/api/v1/warnings', invalid: { url: () => '/api/v1/warnings?status=open', field: 'status' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'triage warning',
    method: 'POST',
    url: (f) => `/api/v1/warnings/${f.warningId}/triage`,
    body: () => ({ action: 'confirm', version: 1 }),
    invalid: { body: () => ({ action: 'dismiss', version: 1, reason: '' }), field: 'reason' },
    forbiddenFor: 'zy_leader',
    as: 'zy_risk',
  },
  { name: 'list rule packs', method: 'GET', url: () => '/api/v1/rules/packs', forbiddenFor: 'zy_judge' },
  { name: 'get rule pack', method: 'GET', url: () => '/api/v1/rules/packs/financial', invalid: { url: () => '/api/v1/rules/packs/Bad-Name', field: 'pack' }, forbiddenFor: 'zy_judge' },
  {
    name: 'save rule pack',
    method: 'PUT',
    url: () => '/api/v1/rules/packs/financial',
    body: (f) => ({ yaml: f.financialYaml, comment: '无实质修改，测试保存' }),
    invalid: { body: (f) => ({ yaml: f.financialYaml, comment: '' }), field: 'comment' },
    forbiddenFor: 'zy_risk',
  },
  {
    name: 'enable rule pack',
    method: 'POST',
    url: () => '/api/v1/rules/packs/cyber/enabled',
    body: () => ({ enabled: true, comment: '保持启用' }),
    invalid: { body: () => ({ enabled: 'yes' }), field: 'enabled' },
    forbiddenFor: 'zy_risk',
  },
  {
    name: 'dry-run rules',
    method: 'POST',
    url: () => '/api/v1/rules/dry-run',
    body: () => ({ facts: '被告人以高额回报为诱饵，向社会公众吸收资金并承诺还本付息。' }),
    invalid: { body: () => ({ facts: 42 }), field: 'facts' },
    forbiddenFor: 'zy_judge',
  },
  { name: 'backtest rules', method: 'POST', url: () => '/api/v1/rules/backtest', body: () => ({}), invalid: { body: () => ({ pack: 7 }), field: 'pack' }, forbiddenFor: 'zy_risk' },
  { name: 'background job', method: 'GET', url: (f) => `/api/v1/jobs/${f.backgroundJobId}`, invalid: { url: () => '/api/v1/jobs/x', field: 'id' }, forbiddenFor: 'zy_judge' },
  { name: 'list watch-lists', method: 'GET', url: () => '/api/v1/watch-lists', invalid: { url: () => '/api/v1/watch-lists?courtId=x', field: 'courtId' }, forbiddenFor: 'zy_judge' },
  {
    name: 'list watch-list entries',
    method: 'GET',
    url: () => `/api/v1/watch-list-entries?listName=${encodeURIComponent('职业放贷人名单')}&keyword=${encodeURIComponent('矩阵')}`,
    invalid: { url: () => '/api/v1/watch-list-entries?pageSize=5', field: 'listName' },
    forbiddenFor: 'zy_judge',
  },
  {
    name: 'add watch-list entries',
    method: 'POST',
    url: () => '/api/v1/watch-list-entries',
    body: () => ({ listName: '职业放贷人名单', entries: [{ name: unique('矩阵放贷人') }], note: '路由矩阵' }),
    invalid: { body: () => ({ listName: '', entries: [{ name: '矩阵放贷人' }] }), field: 'listName' },
    forbiddenFor: 'zy_leader',
    status: 201,
  },
  {
    name: 'update watch-list entry',
    method: 'PATCH',
    url: (f) => `/api/v1/watch-list-entries/${f.watchListEntryIds[0]}`,
    body: () => ({ note: '经研判认定', version: 1 }),
    invalid: { body: () => ({ note: '长'.repeat(201), version: 1 }), field: 'note' },
    forbiddenFor: 'zy_leader',
  },
  {
    name: 'remove watch-list entry',
    method: 'DELETE',
    url: (f) => `/api/v1/watch-list-entries/${f.watchListEntryIds[1]}`,
    invalid: { url: () => '/api/v1/watch-list-entries/x', field: 'id' },
    forbiddenFor: 'zy_leader',
  },
  {
    name: 'remove watch-list entries',
    method: 'POST',
    url: () => '/api/v1/watch-list-entries/remove',
    body: (f) => ({ ids: [f.watchListEntryIds[2]] }),
    invalid: { body: () => ({ ids: [] }), field: 'ids' },
    forbiddenFor: 'zy_leader',
  },
  { name: 'list risks', method: 'GET', url: () => '/api/v1/risks?includeLowerCourts=true', invalid: { url: () => '/api/v1/risks?level=purple', field: 'level' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'export risks', method: 'GET', url: () => '/api/v1/risks/export', invalid: { url: () => '/api/v1/risks/export?from=now', field: 'from' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'report risk',
    method: 'POST',
    url: () => '/api/v1/risks',
    body: () => ({ domain: 'social_stability', subtype: '涉诉信访', title: '当事人扬言到京上访', description: '当事人多次来院反映，情绪激动，扬言赴京上访。', likelihood: 2, impact: 3 }),
    invalid: { body: () => ({ domain: 'social_stability', subtype: '涉诉信访', title: '上访', description: '当事人多次来院反映情况。', likelihood: 0, impact: 3 }), field: 'likelihood' },
    forbiddenFor: 'zy_admin',
    as: 'zy_risk',
    status: 201,
  },
  { name: 'get risk', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}`, invalid: { url: () => '/api/v1/risks/x', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'risk action',
    method: 'POST',
    url: (f) => `/api/v1/risks/${f.riskId}/actions`,
    body: () => ({ action: 'startAssessment', version: 1 }),
    invalid: { body: () => ({ action: 'reportUpward', version: 1 }), field: 'note' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  {
    name: 'reassign risk',
    method: 'PUT',
    url: (f) => `/api/v1/risks/${f.reassignedRiskId}/assignment`,
    body: () => ({ tags: ['涉众'], version: 1 }),
    invalid: { body: () => ({ ownerId: 'x', version: 1 }), field: 'ownerId' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
  },
  { name: 'risk timeline', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/timeline`, invalid: { url: () => '/api/v1/risks/x/timeline', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'risk linked warnings', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/warnings`, invalid: { url: () => '/api/v1/risks/x/warnings', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'risk assessments', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/assessments`, invalid: { url: () => '/api/v1/risks/x/assessments', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'risk tasks', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/tasks`, invalid: { url: () => '/api/v1/risks/x/tasks', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'comment on risk',
    method: 'POST',
    url: (f) => `/api/v1/risks/${f.riskId}/comments`,
    body: () => ({ body: '请尽快组织研判' }),
    invalid: { body: () => ({ body: '' }), field: 'body' },
    forbiddenFor: 'zy_admin',
    as: 'zy_risk',
  },
  { name: 'risk instructions', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/instructions`, invalid: { url: () => '/api/v1/risks/x/instructions', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'instruct on risk',
    method: 'POST',
    url: (f) => `/api/v1/risks/${f.riskId}/instructions`,
    body: () => ({ content: '请依法稳妥处置' }),
    invalid: { body: () => ({ content: '' }), field: 'content' },
    forbiddenFor: 'zy_risk',
    as: 'zy_leader',
  },
  { name: 'list tasks', method: 'GET', url: () => '/api/v1/tasks', invalid: { url: () => '/api/v1/tasks?status=open', field: 'status' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  // An assignee always sees its own tasks: no 查看风险 needed.
  { name: 'list my tasks', method: 'GET', url: () => '/api/v1/tasks?mine=true', invalid: { url: () => '/api/v1/tasks?mine=yes', field: 'mine' }, as: 'bare_user' },
  { name: 'risk summary', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/summary`, invalid: { url: () => '/api/v1/risks/x/summary', field: 'id' }, as: 'zy_risk' },
  { name: 'list agencies', method: 'GET', url: () => '/api/v1/agencies', invalid: { url: () => '/api/v1/agencies?kind=army', field: 'kind' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  {
    name: 'create agency',
    method: 'POST',
    url: () => '/api/v1/agencies',
    body: () => ({ name: unique('示例市公安局'), kind: 'police' }),
    invalid: { body: () => ({ name: '公安局', kind: 'army' }), field: 'kind' },
    forbiddenFor: 'zy_judge',
    as: 'zy_risk',
    status: 201,
  },
  { name: 'list notifications', method: 'GET', url: () => '/api/v1/notifications', invalid: { url: () => '/api/v1/notifications?pageSize=500', field: 'pageSize' }, as: 'zy_risk' },
  { name: 'unread notifications', method: 'GET', url: () => '/api/v1/notifications/unread-count', as: 'zy_risk' },
  { name: 'read all notifications', method: 'POST', url: () => '/api/v1/notifications/read-all', as: 'zy_risk' },
  { name: 'get risk settings', method: 'GET', url: (f) => `/api/v1/courts/${f.courtId}/risk-settings`, invalid: { url: () => '/api/v1/courts/x/risk-settings', field: 'id' }, forbiddenFor: 'bare_user', as: 'zy_risk' },
  {
    name: 'update risk settings',
    method: 'PUT',
    url: (f) => `/api/v1/courts/${f.courtId}/risk-settings`,
    body: () => ({ matrix: { version: 1, bands: { red: 20, orange: 12, yellow: 6 } }, clocks: {}, version: 1 }),
    invalid: { body: () => ({ matrix: { version: 1, bands: { red: 15, orange: 13, yellow: 6 } }, clocks: {}, version: 1 }), field: 'matrix.bands.orange' },
    forbiddenFor: 'zy_risk',
  },
  { name: 'get webhook', method: 'GET', url: (f) => `/api/v1/courts/${f.courtId}/webhook`, invalid: { url: () => '/api/v1/courts/x/webhook', field: 'id' }, forbiddenFor: 'zy_risk' },
  {
    name: 'update webhook',
    method: 'PUT',
    url: (f) => `/api/v1/courts/${f.courtId}/webhook`,
    // Port 9 (discard) refuses at once, so the test send below fails fast without leaving the machine.
    body: () => ({ url: 'http://127.0.0.1:9/hook', secret: 'matrix-secret-000001', enabled: false, kinds: [], version: 1 }),
    invalid: { body: () => ({ url: 'ftp://127.0.0.1/hook', enabled: false, kinds: [], version: 1 }), field: 'url' },
    forbiddenFor: 'zy_risk',
  },
  { name: 'test webhook', method: 'POST', url: (f) => `/api/v1/courts/${f.courtId}/webhook/test`, invalid: { url: () => '/api/v1/courts/x/webhook/test', field: 'id' }, forbiddenFor: 'zy_risk' },
  {
    name: 'webhook deliveries',
    method: 'GET',
    url: (f) => `/api/v1/courts/${f.courtId}/webhook/deliveries`,
    invalid: { url: (f) => `/api/v1/courts/${f.courtId}/webhook/deliveries?status=lost`, field: 'status' },
    forbiddenFor: 'zy_risk',
  },
  { name: 'workbench', method: 'GET', url: () => '/api/v1/workbench', invalid: { url: () => '/api/v1/workbench?courtId=x', field: 'courtId' }, as: 'zy_risk' },
  { name: 'list saved filters', method: 'GET', url: () => '/api/v1/saved-filters?page=risks', invalid: { url: () => '/api/v1/saved-filters?page=x', field: 'page' }, as: 'zy_risk' },
  {
    name: 'save filter',
    method: 'POST',
    url: () => '/api/v1/saved-filters',
    body: () => ({ page: 'risks', name: unique('红色超时'), query: { level: 'red' } }),
    invalid: { body: () => ({ page: 'risks', name: '', query: {} }), field: 'name' },
    as: 'zy_risk',
    status: 201,
  },
  { name: 'risk dossier', method: 'GET', url: (f) => `/api/v1/risks/${f.riskId}/dossier.pdf`, invalid: { url: () => '/api/v1/risks/x/dossier.pdf', field: 'id' }, forbiddenFor: 'zy_admin', as: 'zy_risk' },
  { name: 'list opinion items', method: 'GET', url: () => '/api/v1/opinion/items', invalid: { url: () => '/api/v1/opinion/items?sentiment=angry', field: 'sentiment' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  {
    name: 'register opinion item',
    method: 'POST',
    url: () => '/api/v1/opinion/items',
    body: () => ({ sourceKind: 'news', sourceName: '示例日报', title: unique('法院调解'), text: '法院调解化解纠纷。', publishedAt: '2026-03-01T08:00:00+08:00' }),
    invalid: { body: () => ({ sourceKind: 'fax', sourceName: '示例日报', title: '法院调解', text: '法院调解化解纠纷。', publishedAt: '2026-03-01T08:00:00+08:00' }), field: 'sourceKind' },
    forbiddenFor: 'zy_risk',
    as: 'zy_opinion',
    status: 201,
  },
  { name: 'opinion item', method: 'GET', url: (f) => `/api/v1/opinion/items/${f.opinionItemId}`, invalid: { url: () => '/api/v1/opinion/items/x', field: 'id' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  {
    name: 'respond to opinion item',
    method: 'POST',
    url: (f) => `/api/v1/opinion/items/${f.opinionItemId}/responses`,
    body: () => ({ respondedAt: '2026-03-02T09:00:00+08:00', channel: 'statement', responder: '宣传处', content: '情况通报全文。' }),
    invalid: { body: () => ({ respondedAt: '2026-03-02T09:00:00+08:00', channel: 'fax', responder: '宣传处', content: '情况通报全文。' }), field: 'channel' },
    forbiddenFor: 'zy_risk',
    as: 'zy_opinion',
    status: 201,
  },
  { name: 'opinion heat trend', method: 'GET', url: () => '/api/v1/opinion/heat-trend?from=2026-03-01&to=2026-03-02', invalid: { url: () => '/api/v1/opinion/heat-trend?from=2026-03-01&to=x', field: 'to' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  { name: 'opinion import template', method: 'GET', url: () => '/api/v1/opinion/imports/template.xlsx', forbiddenFor: 'zy_risk', as: 'zy_opinion' },
  { name: 'get petition settings', method: 'GET', url: (f) => `/api/v1/courts/${f.courtId}/petition-settings`, invalid: { url: () => '/api/v1/courts/x/petition-settings', field: 'id' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  {
    name: 'update petition settings',
    method: 'PUT',
    url: (f) => `/api/v1/courts/${f.basicCourtId}/petition-settings`,
    body: () => ({ flags: { repeat: { minCount: 4 } }, timeLimits: {}, opinionHeat: {}, version: 0 }),
    invalid: { body: () => ({ flags: { collective: { minPeople: 1 } }, timeLimits: {}, opinionHeat: {}, version: 0 }), field: 'flags.collective.minPeople' },
    forbiddenFor: 'zy_petition',
  },
  { name: 'list petition warnings', method: 'GET', url: () => '/api/v1/petition-warnings', invalid: { url: () => '/api/v1/petition-warnings?status=dismissed', field: 'status' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  { name: 'list opinion warnings', method: 'GET', url: () => '/api/v1/opinion-warnings', invalid: { url: () => '/api/v1/opinion-warnings?level=purple', field: 'level' }, forbiddenFor: 'zy_judge', as: 'zy_risk' },
  { name: 'list petitioners', method: 'GET', url: () => '/api/v1/petitioners', invalid: { url: () => '/api/v1/petitioners?flag=angry', field: 'flag' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  { name: 'export petitioners', method: 'GET', url: () => '/api/v1/petitioners/export.xlsx', invalid: { url: () => '/api/v1/petitioners/export.xlsx?keyPerson=maybe', field: 'keyPerson' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  { name: 'register petitioner', method: 'POST', url: () => '/api/v1/petitioners', body: () => ({ name: unique('信访人') }), invalid: { body: () => ({ name: '' }), field: 'name' }, forbiddenFor: 'zy_leader', as: 'zy_petition', status: 201 },
  { name: 'petitioner', method: 'GET', url: (f) => `/api/v1/petitioners/${f.petitionerId}`, invalid: { url: () => '/api/v1/petitioners/x', field: 'id' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  {
    name: 'update petitioner',
    method: 'PUT',
    url: (f) => `/api/v1/petitioners/${f.petitionerId}`,
    body: (f) => ({ name: '路由矩阵信访人', version: f.petitionerVersion }),
    invalid: { body: (f) => ({ name: '', version: f.petitionerVersion }), field: 'name' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
  },
  { name: 'reveal ID number', method: 'POST', url: (f) => `/api/v1/petitioners/${f.petitionerId}/reveal-id`, invalid: { url: () => '/api/v1/petitioners/x/reveal-id', field: 'id' }, forbiddenFor: 'zy_petition', as: 'zy_petition_chief' },
  { name: 'petitioner timeline', method: 'GET', url: (f) => `/api/v1/petitioners/${f.petitionerId}/timeline`, invalid: { url: () => '/api/v1/petitioners/x/timeline', field: 'id' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  { name: 'confidential records', method: 'GET', url: (f) => `/api/v1/petitioners/${f.petitionerId}/confidential`, invalid: { url: () => '/api/v1/petitioners/x/confidential', field: 'id' }, forbiddenFor: 'zy_petition', as: 'zy_petition_chief' },
  {
    name: 'counselling session',
    method: 'POST',
    url: () => '/api/v1/counselling-sessions',
    body: (f) => ({ petitionerId: f.petitionerId, heldOn: '2026-03-01', counsellor: '心理咨询师', form: 'phone', emotionalState: 'stable', notes: '情绪平稳，表示愿意等待答复。' }),
    invalid: { body: (f) => ({ petitionerId: f.petitionerId, heldOn: '2026-03-01', counsellor: '心理咨询师', form: 'letter', emotionalState: 'stable', notes: '情绪平稳。' }), field: 'form' },
    forbiddenFor: 'zy_petition',
    as: 'zy_petition_chief',
    status: 201,
  },
  {
    name: 'follow-up visit',
    method: 'POST',
    url: () => '/api/v1/follow-up-visits',
    body: (f) => ({ petitionerId: f.petitionerId, visitedOn: '2026-03-01', visitors: ['信访接待员'], method: 'phone', attitude: 'stable', findings: '电话回访，表示理解。' }),
    invalid: { body: (f) => ({ petitionerId: f.petitionerId, visitedOn: '2026-03-01', visitors: [], method: 'phone', attitude: 'stable', findings: '电话回访。' }), field: 'visitors' },
    forbiddenFor: 'zy_petition',
    as: 'zy_petition_chief',
    status: 201,
  },
  {
    name: 'stabilization plan',
    method: 'POST',
    url: () => '/api/v1/stabilization-plans',
    body: (f) => ({ petitionerId: f.petitionerId, leaderName: '分管副院长', staff: ['信访接待员'], measures: ['每周电话回访'], startedOn: '2026-03-01', reviewOn: '2026-03-15' }),
    invalid: { body: (f) => ({ petitionerId: f.petitionerId, leaderName: '分管副院长', staff: [], measures: ['每周电话回访'], startedOn: '2026-03-01', reviewOn: '2026-03-15' }), field: 'staff' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
    status: 201,
  },
  { name: 'list key persons', method: 'GET', url: () => '/api/v1/key-persons', invalid: { url: () => '/api/v1/key-persons?reviewStatus=late', field: 'reviewStatus' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  {
    name: 'list a key person',
    method: 'POST',
    url: () => '/api/v1/key-persons',
    body: (f) => ({ petitionerId: f.petitionerId, listedOn: '2026-03-01', reason: '多次扬言越级上访' }),
    invalid: { body: (f) => ({ petitionerId: f.petitionerId, listedOn: '2026-03-01', reason: '' }), field: 'reason' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
    status: 201,
  },
  {
    name: 'review a key person',
    method: 'POST',
    url: (f) => `/api/v1/key-persons/${f.keyPersonId}/reviews`,
    body: (f) => ({ reviewedOn: '2026-03-02', decision: 'keep', opinion: '诉求未解决，继续列管', version: f.keyPersonVersion }),
    invalid: { body: (f) => ({ reviewedOn: '2026-03-02', decision: 'forget', opinion: '继续列管', version: f.keyPersonVersion }), field: 'decision' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
  },
  { name: 'list petitions', method: 'GET', url: () => '/api/v1/petitions', invalid: { url: () => '/api/v1/petitions?nature=both', field: 'nature' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  { name: 'export petitions', method: 'GET', url: () => '/api/v1/petitions/export.xlsx', invalid: { url: () => '/api/v1/petitions/export.xlsx?outcome=done', field: 'outcome' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  { name: 'petitions per month', method: 'GET', url: () => '/api/v1/petitions/monthly', invalid: { url: () => '/api/v1/petitions/monthly?months=99', field: 'months' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  {
    name: 'register petition',
    method: 'POST',
    url: () => '/api/v1/petitions',
    body: (f) => petitionBody(f.petitionerId),
    invalid: { body: (f) => ({ ...petitionBody(f.petitionerId), channel: 'fax' }), field: 'channel' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
    status: 201,
  },
  { name: 'petition', method: 'GET', url: (f) => `/api/v1/petitions/${f.petitionId}`, invalid: { url: () => '/api/v1/petitions/x', field: 'id' }, forbiddenFor: 'zy_judge', as: 'zy_petition' },
  {
    name: 'update petition',
    method: 'PUT',
    url: (f) => `/api/v1/petitions/${f.petitionId}`,
    body: (f) => ({ ...petitionBody(f.petitionerId), headcount: 2, version: f.petitionVersion }),
    invalid: { body: (f) => ({ ...petitionBody(f.petitionerId), headcount: 0, version: f.petitionVersion }), field: 'headcount' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
  },
  {
    name: 'petition step',
    method: 'POST',
    url: (f) => `/api/v1/petitions/${f.petitionId}/steps`,
    body: () => ({ kind: 'accepted', on: '2026-03-02' }),
    invalid: { body: () => ({ kind: 'accepted', on: '2026-03-02', outcome: 'done' }), field: 'outcome' },
    forbiddenFor: 'zy_leader',
    as: 'zy_petition',
  },
  {
    name: 'delete department',
    method: 'DELETE',
    url: (f) => `/api/v1/departments/${f.departmentId}`,
    invalid: { url: () => '/api/v1/departments/x', field: 'id' },
    forbiddenFor: 'zy_judge',
  },
];

describe.each(testDialects())('route matrix on %s', (dialect) => {
  let platform: TestPlatform;
  let admin: Session;
  const sessions = new Map<string, Session>();
  const fixture = {} as Fixture;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    for (const name of ['zy_judge', 'zy_leader', 'zy_risk', 'zy_admin', 'zy_opinion', 'zy_petition', 'zy_petition_chief']) sessions.set(name, await loginReady(platform, name));
    admin = sessions.get('zy_admin')!;
    const courts = (await call(platform, admin, 'GET', '/api/v1/courts')).json() as { id: string; level: string; code: string }[];
    fixture.courtId = courts.find((c) => c.level === 'intermediate')!.id;
    fixture.basicCourtId = courts.find((c) => c.code === '示0103')!.id;
    const dept = await call(platform, admin, 'POST', '/api/v1/departments', { courtId: fixture.courtId, code: 'to_delete', name: '临时部门' });
    fixture.departmentId = dept.json().id;
    const target = (await call(platform, admin, 'GET', '/api/v1/accounts?keyword=zy_discipline')).json().items[0];
    fixture.targetAccountId = target.id;
    fixture.targetVersion = target.version;
    const roles = (await call(platform, admin, 'GET', `/api/v1/roles?courtId=${fixture.courtId}`)).json() as { id: string; code: string }[];
    fixture.roleId = roles.find((r) => r.code === 'judge')!.id;
    const custom = await call(platform, admin, 'POST', '/api/v1/roles', { courtId: fixture.courtId, code: 'temp_role', name: '临时角色', scope: 'self', permissions: [] });
    fixture.customRoleId = custom.json().id;
    const dict = await call(platform, admin, 'POST', '/api/v1/dictionaries', { courtId: fixture.courtId, type: 'agency_kind', code: 'netinfo', label: '网信办' });
    fixture.dictionaryId = dict.json().id;
    // An account whose only role grants nothing, for the 403 of endpoints every built-in role may read.
    const bareRole = await call(platform, admin, 'POST', '/api/v1/roles', { courtId: fixture.courtId, code: 'bare_role', name: '无权限角色', scope: 'self', permissions: [] });
    const bare = await call(platform, admin, 'POST', '/api/v1/accounts', { courtId: fixture.courtId, username: 'bare_user', displayName: '无权限', roleIds: [bareRole.json().id] });
    const first = await login(platform, 'bare_user', bare.json().initialPassword);
    const changed = await call(platform, first, 'POST', '/api/v1/auth/password', { currentPassword: bare.json().initialPassword, newPassword: STRONG_PASSWORD });
    sessions.set('bare_user', { ...first, csrf: changed.json().csrfToken });

    const risk = sessions.get('zy_risk')!;
    const batch = await call(platform, risk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示01民初1号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, parties: [{ role: '原告', name: '投资人甲' }] }],
    });
    expect(batch.json().created).toBe(1);
    const cases = (await call(platform, risk, 'GET', '/api/v1/cases')).json().items;
    fixture.caseId = cases[0].id;
    fixture.warningId = (await call(platform, risk, 'GET', `/api/v1/warnings?caseId=${fixture.caseId}`)).json().items[0].id;
    const upload = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cases?fileName=a.csv',
      headers: { cookie: risk.cookie, 'x-csrf-token': risk.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(caseCsv([{ caseNumber: 'bad', filedOn: '2025-01-01' }])),
    });
    fixture.importJobId = upload.json().id;
    await platform.services.imports.idle();
    fixture.financialYaml = (await call(platform, admin, 'GET', '/api/v1/rules/packs/financial')).json().yaml;
    fixture.backgroundJobId = (await call(platform, admin, 'POST', '/api/v1/rules/backtest', {})).json().id;
    fixture.riskId = (await call(platform, risk, 'POST', '/api/v1/risks', { domain: 'financial', subtype: '非法集资', title: '某投资公司兑付困难', description: '投资人多次来院反映无法兑付本息。', likelihood: 2, impact: 3 })).json().id;
    fixture.reassignedRiskId = (await call(platform, risk, 'POST', '/api/v1/risks', { domain: 'financial', subtype: '非法集资', title: '某理财公司逾期兑付', description: '投资人多次来院反映理财产品到期无法兑付。', likelihood: 2, impact: 3 })).json().id;
    fixture.opinionItemId = (
      await call(platform, sessions.get('zy_opinion')!, 'POST', '/api/v1/opinion/items', { sourceKind: 'weibo', sourceName: '示例网友', title: '执行进展', text: '网友关注执行进展。', publishedAt: '2026-03-01T08:00:00+08:00' })
    ).json().id;
    const petitionStaff = sessions.get('zy_petition')!;
    const idNumber = '11010519650301123' + idNumberCheckCharacter('11010519650301123');
    const person = (await call(platform, petitionStaff, 'POST', '/api/v1/petitioners', { name: '路由矩阵信访人', idNumber })).json();
    Object.assign(fixture, { petitionerId: person.id, petitionerVersion: person.version });
    const record = (await call(platform, petitionStaff, 'POST', '/api/v1/petitions', petitionBody(person.id))).json();
    Object.assign(fixture, { petitionId: record.id, petitionVersion: record.version });
    const other = (await call(platform, petitionStaff, 'POST', '/api/v1/petitioners', { name: '路由矩阵重点人员' })).json();
    const listed = (await call(platform, petitionStaff, 'POST', '/api/v1/key-persons', { petitionerId: other.id, listedOn: '2026-02-01', reason: '多次扬言越级上访' })).json();
    Object.assign(fixture, { keyPersonId: listed.id, keyPersonVersion: listed.version });
    const watchListed = await call(platform, risk, 'POST', '/api/v1/watch-list-entries', { listName: '职业放贷人名单', entries: [{ name: '矩阵放贷人甲' }, { name: '矩阵放贷人乙' }, { name: '矩阵放贷人丙' }] });
    expect(watchListed.json().added, watchListed.body).toBe(3);
    const listEntries = (await call(platform, risk, 'GET', `/api/v1/watch-list-entries?listName=${encodeURIComponent('职业放贷人名单')}&order=asc`)).json().items as { id: string; name: string }[];
    fixture.watchListEntryIds = ['矩阵放贷人甲', '矩阵放贷人乙', '矩阵放贷人丙'].map((name) => listEntries.find((e) => e.name === name)!.id);
    await platform.services.jobs.idle();
  });
  afterAll(() => platform.close());

  describe.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', (_name, endpoint) => {
    it('answers 401 without a session', async () => {
      const res = await call(platform, null, endpoint.method, endpoint.url(fixture), endpoint.body?.(fixture));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized', message: '请先登录' });
      expect(res.json().requestId).toBeTruthy();
    });

    it.runIf(endpoint.invalid)('answers 400 naming the invalid field', async () => {
      const invalid = endpoint.invalid!;
      const res = await call(platform, sessions.get(endpoint.as ?? 'zy_admin')!, endpoint.method, invalid.url?.(fixture) ?? endpoint.url(fixture), invalid.body?.(fixture));
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_input');
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(invalid.field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it.runIf(endpoint.forbiddenFor)('answers 403 without the permission', async () => {
      const res = await call(platform, sessions.get(endpoint.forbiddenFor!)!, endpoint.method, endpoint.url(fixture), endpoint.body?.(fixture));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    });

    it('succeeds for an account that holds the permission', async () => {
      const res = await call(platform, sessions.get(endpoint.as ?? 'zy_admin')!, endpoint.method, endpoint.url(fixture), endpoint.body?.(fixture));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(endpoint.status ?? 200);
    });
  });

  it('answers 409 to an update carrying a stale version', async () => {
    const res = await call(platform, admin, 'PATCH', `/api/v1/courts/${fixture.basicCourtId}`, { name: '旧版本', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale_version');
  });

  it('records permission denials in the audit log', async () => {
    const res = await call(platform, admin, 'GET', '/api/v1/audit-logs?action=access.denied&pageSize=100');
    const summaries = (res.json().items as { summary: string; actorName: string }[]).map((e) => e.actorName);
    expect(summaries).toContain('zy_judge');
  });

  it('exports a real XLSX workbook', async () => {
    const res = await call(platform, admin, 'GET', '/api/v1/accounts/export.xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
  });

  it('reports database reachability at /api/health', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', db: true, dialect });
  });

  it('serves the OpenAPI document', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/v1/accounts');
    // Union responses (关联预警, 新预警) are described too, one branch per warning source.
    expect(JSON.stringify(res.json().paths['/api/v1/risks/{id}/warnings'].get.responses['200'])).toContain('petitionerName');
    expect(JSON.stringify(res.json().paths['/api/v1/workbench'].get.responses['200'])).toContain('bySource');
  });
});
