import { Calendar, Clock, DataLine, Files, Odometer, Stamp, Timer, Upload } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/**
 * 审判管理 (issue 5): 审限 views, the 长期未结 ledger, 四类案件 and 审限事项导入 (the court's 审限
 * settings sit under 系统管理, next to the risk settings). Pages keep short absolute paths.
 */
export const trialRoutes: RouteRecordRaw[] = [
  {
    path: 'trialwork',
    redirect: '/trial-limits/mine',
    meta: { title: zh.routes.trialwork, icon: Clock },
    children: [
      {
        path: '/trial-limits/mine',
        name: 'trialMine',
        component: () => import('../../views/trial-limits/index.vue'),
        props: { mine: true },
        meta: { title: zh.routes.trialMine, permission: 'case.read', icon: Clock },
      },
      {
        path: '/trial-limits',
        name: 'trialMonitor',
        component: () => import('../../views/trial-limits/index.vue'),
        meta: { title: zh.routes.trialMonitor, permission: 'case.read', icon: Odometer },
      },
      {
        path: '/trial-limits/calendar',
        name: 'trialCalendar',
        component: () => import('../../views/trial-limits-calendar/index.vue'),
        meta: { title: zh.routes.trialCalendar, permission: 'case.read', icon: Calendar },
      },
      {
        path: '/long-pending',
        name: 'longPending',
        component: () => import('../../views/long-pending/index.vue'),
        meta: { title: zh.routes.longPending, permission: 'case.read', icon: DataLine },
      },
      {
        path: '/four-categories',
        name: 'fourCategories',
        component: () => import('../../views/four-categories/index.vue'),
        meta: { title: zh.routes.fourCategories, permission: 'case.read', icon: Stamp },
      },
      {
        path: '/trial-limits/import',
        name: 'trialEventImport',
        component: () => import('../../views/trial-event-import/index.vue'),
        meta: { title: zh.routes.trialEventImport, permission: 'case.process', icon: Upload },
      },
    ],
  },
];

/** 审限设置 (court.manage), registered in 系统管理 next to 风险防控设置. */
export const trialLimitSettingsRoute: RouteRecordRaw = {
  path: 'trial-limit-settings',
  name: 'trialLimitSettings',
  component: () => import('../../views/trial-limit-settings/index.vue'),
  meta: { title: zh.routes.trialLimitSettings, permission: 'court.manage', icon: Timer },
};

/** The lobby screen: full screen, outside the layout (no side menu), for a hall display. */
export const trialLobbyRoutes: RouteRecordRaw[] = [
  {
    path: '/trial-limits/lobby',
    name: 'trialLobby',
    component: () => import('../../views/trial-limits-lobby/index.vue'),
    meta: { title: zh.routes.trialLobby, permission: 'case.read', icon: Files },
  },
];
