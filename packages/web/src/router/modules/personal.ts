import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/** Pages every logged-in user has, reached from the user menu rather than the side menu. */
export const personalRoutes: RouteRecordRaw[] = [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('../../views/profile/index.vue'),
    meta: { title: zh.routes.profile, hideInMenu: true },
  },
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('../../views/notifications/index.vue'),
    meta: { title: zh.routes.notifications, hideInMenu: true },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('../../views/error/Forbidden.vue'),
    meta: { title: zh.routes.forbidden, hideInMenu: true },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'notFound',
    component: () => import('../../views/error/NotFound.vue'),
    meta: { title: zh.routes.notFound, hideInMenu: true },
  },
];
