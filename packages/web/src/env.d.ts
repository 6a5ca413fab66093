/// <reference types="vite/client" />

import type { Permission } from '@courtrisk/core';
import type { Component } from 'vue';
import type { vCan } from './directives/can';

declare module 'vue-router' {
  interface RouteMeta {
    /** Menu and browser-tab title. */
    title?: string;
    /** Menu icon (an @element-plus/icons-vue component). */
    icon?: Component;
    /** The permission the route needs; absent means any logged-in user. */
    permission?: Permission;
    /** Reachable without a session (the login page). */
    public?: boolean;
    /** Reachable while the password must still be changed. */
    allowDuringPasswordChange?: boolean;
    /** Kept out of the side menu (profile, error pages). */
    hideInMenu?: boolean;
    /** The menu entry to light up for a page outside the menu (a case's detail lights 案件列表). */
    activeMenu?: string;
  }
}

declare module 'vue' {
  interface GlobalDirectives {
    vCan: typeof vCan;
  }
}
