import { ChatLineSquare, Document, User, Warning } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

/** 涉诉信访 (issue 6): the petitioner registry (monthly chart, visit registration), a person's file, all petitions, the 重点人员 list. */
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
        path: '/petitions',
        name: 'petitionList',
        component: () => import('../../views/petitions/index.vue'),
        meta: { title: zh.routes.petitionList, permission: 'petition.read', icon: Document },
      },
      {
        path: '/key-persons',
        name: 'keyPersons',
        component: () => import('../../views/key-persons/index.vue'),
        meta: { title: zh.routes.keyPersons, permission: 'petition.read', icon: Warning },
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
