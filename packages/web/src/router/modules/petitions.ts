import { ChatLineSquare, User } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/** 涉诉信访 (issue 6): the petitioner registry (with the monthly chart and visit registration) and a person's file. */
export const petitionRoutes: RouteRecordRaw[] = [
  {
    path: 'petitionwork',
    redirect: '/petitioners',
    meta: { title: zh.routes.petitionwork, icon: ChatLineSquare },
    children: [
      {
        path: '/petitioners',
        name: 'petitioners',
        component: () => import('../../views/petitioners/index.vue'),
        meta: { title: zh.routes.petitioners, permission: 'petition.read', icon: User },
      },
      {
        path: '/petitioners/:id',
        name: 'petitionerDetail',
        component: () => import('../../views/petitioner-detail/index.vue'),
        meta: { title: zh.routes.petitionerDetail, permission: 'petition.read', hideInMenu: true, activeMenu: '/petitioners' },
      },
    ],
  },
];
