import { HomeFilled } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { zh } from '../../locales/zh-CN';

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('../../views/home/index.vue'),
    meta: { title: zh.routes.home, icon: HomeFilled },
  },
];
