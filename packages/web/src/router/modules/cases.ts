import { Bell, Briefcase, Document, Filter, List, Upload } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/**
 * 案件与预警: the case list and import, the warnings to triage, the screening rules and the
 * watch-lists they read (关注名单). The
 * group's own path only keys the menu; its pages keep short absolute paths (/cases, /rules…).
 */
export const caseworkRoutes: RouteRecordRaw[] = [
  {
    path: 'casework',
    redirect: '/cases',
    meta: { title: zh.routes.casework, icon: Briefcase },
    children: [
      {
        path: '/cases',
        name: 'cases',
        component: () => import('../../views/cases/index.vue'),
        meta: { title: zh.routes.cases, permission: 'case.read', icon: Document },
      },
      {
        path: '/cases/import',
        name: 'caseImport',
        component: () => import('../../views/case-import/index.vue'),
        meta: { title: zh.routes.caseImport, permission: 'case.import', icon: Upload },
      },
      {
        path: '/cases/:id',
        name: 'caseDetail',
        component: () => import('../../views/case-detail/index.vue'),
        meta: { title: zh.routes.caseDetail, permission: 'case.read', hideInMenu: true, activeMenu: '/cases' },
      },
      {
        path: '/warnings',
        name: 'warnings',
        component: () => import('../../views/warnings/index.vue'),
        meta: { title: zh.routes.warnings, permission: 'warning.read', icon: Bell },
      },
      {
        path: '/rules',
        name: 'rules',
        component: () => import('../../views/rules/index.vue'),
        meta: { title: zh.routes.rules, permission: 'rule.read', icon: Filter },
      },
      {
        path: '/rules/:pack',
        name: 'ruleEdit',
        component: () => import('../../views/rule-edit/index.vue'),
        meta: { title: zh.routes.ruleEdit, permission: 'rule.read', hideInMenu: true, activeMenu: '/rules' },
      },
      {
        path: '/watch-lists',
        name: 'watchLists',
        component: () => import('../../views/watch-lists/index.vue'),
        meta: { title: zh.routes.watchLists, permission: 'rule.read', icon: List },
      },
    ],
  },
];
