/**
 * Permission catalogue. Names follow `resource.action` (Immich convention); labels are
 * what the role editor shows. Later modules add their permissions here, so roles can be
 * prepared before the module ships.
 */
export const PERMISSION_GROUPS = [
  {
    group: '系统管理',
    items: [
      ['court.read', '查看法院'],
      ['court.manage', '维护法院'],
      ['department.read', '查看部门'],
      ['department.manage', '维护部门'],
      ['account.read', '查看账号'],
      ['account.manage', '维护账号（新建、停用、重置密码、分配角色）'],
      ['role.read', '查看角色'],
      ['role.manage', '维护角色'],
      ['dictionary.read', '查看字典'],
      ['dictionary.manage', '维护字典'],
      ['loginlog.read', '查看登录日志'],
      ['audit.read', '查看审计日志'],
      ['audit.verify', '校验审计日志'],
    ],
  },
  {
    group: '案件与预警',
    items: [
      ['case.read', '查看案件'],
      ['case.import', '导入案件'],
      ['case.process', '登记审限事项（延长、扣除、中止）'],
      ['case.supervise', '院庭长监督（四类案件标注确认、监督记录）'],
      ['warning.read', '查看预警'],
      ['warning.triage', '处理预警（确认、合并、排除）'],
      ['rule.read', '查看筛查规则'],
      ['rule.manage', '维护筛查规则'],
      ['watchlist.manage', '维护关注名单（职业放贷人名单等）'],
    ],
  },
  {
    group: '风险处置',
    items: [
      ['risk.read', '查看风险事项'],
      ['risk.report', '上报风险'],
      ['risk.assess', '研判风险'],
      ['risk.dispose', '处置风险'],
      ['risk.approve', '审批（定级、销号）'],
      ['risk.instruct', '批示、交办'],
      ['agency.manage', '维护协同单位'],
    ],
  },
  {
    group: '信访与舆情',
    items: [
      ['petition.read', '查看信访'],
      ['petition.manage', '登记信访'],
      ['petition.confidential', '查看心理疏导等保密记录'],
      ['opinion.read', '查看舆情'],
      ['opinion.manage', '登记、回应舆情'],
    ],
  },
  {
    group: '网络安全与内部监督',
    items: [
      ['security.read', '查看安全事件'],
      ['security.manage', '登记安全事件'],
      ['integrity.read', '查看过问干预记录'],
      ['integrity.manage', '登记过问干预记录'],
      ['report.export', '导出报表'],
    ],
  },
] as const;

type GroupItems = (typeof PERMISSION_GROUPS)[number]['items'][number];
export type Permission = GroupItems[0];

export const PERMISSIONS: readonly Permission[] = PERMISSION_GROUPS.flatMap((g) => g.items.map(([code]) => code));

export const permissionLabel: Record<Permission, string> = Object.fromEntries(
  PERMISSION_GROUPS.flatMap((g) => g.items.map(([code, label]) => [code, label])),
) as Record<Permission, string>;

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
