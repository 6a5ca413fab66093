import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../locales/zh-CN';
import { caseworkRoutes } from './modules/cases';
import { homeRoutes } from './modules/home';
import { opinionRoutes } from './modules/opinion';
import { personalRoutes } from './modules/personal';
import { riskworkRoutes } from './modules/risks';
import { petitionRoutes } from './modules/petitions';
import { systemRoutes } from './modules/system';
import { trialLobbyRoutes, trialRoutes } from './modules/trial';

/** The pages inside the main layout, in menu order; the side menu is built from these. */
export const layoutRoutes: RouteRecordRaw[] = [...homeRoutes, ...caseworkRoutes, ...trialRoutes, ...riskworkRoutes, ...petitionRoutes, ...opinionRoutes, ...systemRoutes, ...personalRoutes];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/login/index.vue'),
    meta: { title: zh.routes.login, public: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('../views/password/index.vue'),
    meta: { title: zh.routes.password, allowDuringPasswordChange: true },
  },
  ...trialLobbyRoutes,
  {
    path: '/',
    component: () => import('../layout/index.vue'),
    children: layoutRoutes,
  },
];
