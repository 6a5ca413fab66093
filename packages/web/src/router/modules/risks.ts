import { Connection, DataAnalysis, Promotion, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/**
 * 风险处置: the register and a risk's file, what lower courts reported up (upper courts), and the
 * outside agencies that share the work. Like 案件与预警, the group path only keys the menu.
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
        path: '/agencies',
        name: 'agencies',
        component: () => import('../../views/agencies/index.vue'),
        meta: { title: zh.routes.agencies, permission: 'risk.read', icon: Connection },
      },
    ],
  },
];
