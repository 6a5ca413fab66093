import type { Permission } from './catalog.js';
import type { DataScope } from './data-scope.js';

export interface BuiltinRole {
  code: string;
  name: string;
  scope: DataScope;
  permissions: readonly Permission[];
  remark: string;
}

const SYSTEM_READ: Permission[] = ['court.read', 'department.read', 'dictionary.read'];

/**
 * Built-in roles for the users of PRODUCT.md §1. Every court gets its own editable copy;
 * the codes stay fixed so the seed can find them again.
 */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    code: 'admin',
    name: '系统管理员',
    scope: 'court_and_below',
    permissions: [
      ...SYSTEM_READ,
      'court.manage',
      'department.manage',
      'account.read',
      'account.manage',
      'role.read',
      'role.manage',
      'dictionary.manage',
      'loginlog.read',
      'audit.read',
      'audit.verify',
      'rule.read',
      'rule.manage',
      'watchlist.manage',
    ],
    remark: '法院、部门、账号、角色、字典、规则',
  },
  {
    code: 'risk_office',
    name: '风险防控办',
    scope: 'court_and_below',
    permissions: [
      ...SYSTEM_READ,
      'account.read',
      'case.read',
      'case.import',
      'case.process',
      'case.supervise',
      'warning.read',
      'warning.triage',
      'rule.read',
      'watchlist.manage',
      'risk.read',
      'risk.report',
      'risk.assess',
      'risk.dispose',
      'agency.manage',
      'petition.read',
      'opinion.read',
      'report.export',
    ],
    remark: '风险台账、预警分流、组织研判、督办',
  },
  {
    code: 'leader',
    name: '院领导',
    scope: 'court_and_below',
    permissions: [
      ...SYSTEM_READ,
      'account.read',
      'case.read',
      'case.supervise',
      'warning.read',
      'risk.read',
      'risk.report',
      'risk.assess',
      'risk.approve',
      'risk.instruct',
      'petition.read',
      'opinion.read',
      'integrity.read',
      'report.export',
    ],
    remark: '全局态势、定级与销号审批、批示督办',
  },
  {
    code: 'division_chief',
    name: '庭长',
    scope: 'department_and_below',
    permissions: [
      ...SYSTEM_READ,
      'case.read',
      'case.process',
      'case.supervise',
      'warning.read',
      'warning.triage',
      'risk.read',
      'risk.report',
      'risk.assess',
      'risk.dispose',
      'report.export',
    ],
    remark: '本庭案件风险、审限监督',
  },
  {
    code: 'judge',
    name: '承办法官',
    scope: 'self',
    permissions: [...SYSTEM_READ, 'case.read', 'warning.read', 'risk.read', 'risk.report'],
    remark: '本人承办案件的风险与审限提醒',
  },
  {
    code: 'petition_officer',
    name: '信访接待',
    scope: 'court',
    permissions: [...SYSTEM_READ, 'case.read', 'petition.read', 'petition.manage', 'risk.report'],
    remark: '立案庭、诉讼服务中心、信访接待',
  },
  {
    code: 'petition_chief',
    name: '信访负责人',
    scope: 'court',
    permissions: [...SYSTEM_READ, 'case.read', 'petition.read', 'petition.manage', 'petition.confidential', 'risk.report'],
    remark: '诉讼服务中心（信访）负责人：查看完整身份证号、心理疏导与回访等保密记录',
  },
  {
    code: 'opinion_officer',
    name: '舆情专员',
    scope: 'court',
    permissions: [...SYSTEM_READ, 'case.read', 'opinion.read', 'opinion.manage', 'risk.report'],
    remark: '宣传部门舆情登记与回应',
  },
  {
    code: 'security_officer',
    name: '网络安全员',
    scope: 'court',
    permissions: [...SYSTEM_READ, 'security.read', 'security.manage', 'loginlog.read', 'audit.read', 'risk.report'],
    remark: '信息技术部门网络与数据安全',
  },
  {
    code: 'discipline_officer',
    name: '纪检监察',
    scope: 'court',
    permissions: [...SYSTEM_READ, 'case.read', 'integrity.read', 'integrity.manage', 'risk.report'],
    remark: '三个规定记录、作风监督',
  },
];
