import { Connection, DataAnalysis, List, Promotion, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/**
 * 风险处置: the register and a risk's file, what lower courts reported up (upper courts), the
 * outside agencies that share the work, and 我的任务 — for every signed-in account, since a task may go
 * to anyone (no `permission`: the server lists only one's own tasks). Like 案件与预警, the group path
 * only keys the menu.
 */
export const riskworkRoutes: RouteRecordRaw[] = [
  {
    path: 'riskwork',
    redirect: '/risks',
    meta: { title: zh.routes.riskwork, icon: DataAnalysis },
    children: [
      {
        path: '/risks',
        name: 'risks',
        component: () => import('../../views/risks/index.vue'),
        meta: { title: zh.routes.risks, permission: 'risk.read', icon: Tickets },
      },
      {
        path: '/tasks/mine',
        name: 'myTasks',
        component: () => import('../../views/my-tasks/index.vue'),
        meta: { title: zh.routes.myTasks, icon: List },
      },
      {
        path: '/risks/lower-reports',
        name: 'lowerReports',
        component: () => import('../../views/lower-reports/index.vue'),
        meta: { title: zh.routes.lowerReports, permission: 'risk.instruct', icon: Promotion },
      },
      {
        path: '/risks/:id',
        name: 'riskDetail',
        component: () => import('../../views/risk-detail/index.vue'),
        meta: { title: zh.routes.riskDetail, permission: 'risk.read', hideInMenu: true, activeMenu: '/risks' },
      },
      {
        path: '/risks/:id/summary',
        name: 'riskSummary',
        component: () => import('../../views/risk-summary/index.vue'),
        meta: { title: zh.routes.riskSummary, hideInMenu: true, activeMenu: '/tasks/mine' },
      },
      {
        path: '/agencies',
        name: 'agencies',
        component: () => import('../../views/agencies/index.vue'),
        meta: { title: zh.routes.agencies, permission: 'risk.read', icon: Connection },
      },
    ],
  },
];
