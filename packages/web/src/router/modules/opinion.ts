import { ChatLineSquare, Document, Upload } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/** 舆情 (issue 6): the item list with the heat trend, an item's page, and the file import. */
export const opinionRoutes: RouteRecordRaw[] = [
  {
    path: 'opinionwork',
    redirect: '/opinion/items',
    meta: { title: zh.routes.opinionwork, icon: ChatLineSquare },
    children: [
      {
        path: '/opinion/items',
        name: 'opinionItems',
        component: () => import('../../views/opinion/index.vue'),
        meta: { title: zh.routes.opinionItems, permission: 'opinion.read', icon: Document },
      },
      {
        path: '/opinion/items/:id',
        name: 'opinionDetail',
        component: () => import('../../views/opinion-detail/index.vue'),
        meta: { title: zh.routes.opinionDetail, permission: 'opinion.read', hideInMenu: true, activeMenu: '/opinion/items' },
      },
      {
        path: '/opinion/import',
        name: 'opinionImport',
        component: () => import('../../views/opinion-import/index.vue'),
        meta: { title: zh.routes.opinionImport, permission: 'opinion.manage', icon: Upload },
      },
    ],
  },
];
