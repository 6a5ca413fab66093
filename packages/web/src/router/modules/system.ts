import { ChatDotRound, Collection, Key, OfficeBuilding, Operation, School, Setting, Tickets, User, UserFilled } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';
import { trialLimitSettingsRoute } from './trial';

/** 系统管理: each page is reachable with its read permission; the buttons inside need `*.manage`. */
export const systemRoutes: RouteRecordRaw[] = [
  {
    path: 'system',
    meta: { title: zh.routes.system, icon: Setting },
    children: [
      {
        path: 'courts',
        name: 'courts',
        component: () => import('../../views/courts/index.vue'),
        meta: { title: zh.routes.courts, permission: 'court.read', icon: School },
      },
      {
        path: 'departments',
        name: 'departments',
        component: () => import('../../views/departments/index.vue'),
        meta: { title: zh.routes.departments, permission: 'department.read', icon: OfficeBuilding },
      },
      {
        path: 'accounts',
        name: 'accounts',
        component: () => import('../../views/accounts/index.vue'),
        meta: { title: zh.routes.accounts, permission: 'account.read', icon: User },
      },
      {
        path: 'roles',
        name: 'roles',
        component: () => import('../../views/roles/index.vue'),
        meta: { title: zh.routes.roles, permission: 'role.read', icon: UserFilled },
      },
      {
        path: 'risk-settings',
        name: 'riskSettings',
        component: () => import('../../views/risk-settings/index.vue'),
        meta: { title: zh.routes.riskSettings, permission: 'court.manage', icon: Operation },
      },
      trialLimitSettingsRoute,
      {
        path: 'petition-settings',
        name: 'petitionSettings',
        component: () => import('../../views/petition-settings/index.vue'),
        meta: { title: zh.routes.petitionSettings, permission: 'court.manage', icon: ChatDotRound },
      },
      {
        path: 'dictionaries',
        name: 'dictionaries',
        component: () => import('../../views/dictionaries/index.vue'),
        meta: { title: zh.routes.dictionaries, permission: 'dictionary.read', icon: Collection },
      },
      {
        path: 'login-logs',
        name: 'loginLogs',
        component: () => import('../../views/login-logs/index.vue'),
        meta: { title: zh.routes.loginLogs, permission: 'loginlog.read', icon: Key },
      },
      {
        path: 'audit-logs',
        name: 'auditLogs',
        component: () => import('../../views/audit-logs/index.vue'),
        meta: { title: zh.routes.auditLogs, permission: 'audit.read', icon: Tickets },
      },
    ],
  },
];
