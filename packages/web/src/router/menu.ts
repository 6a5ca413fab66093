import type { Permission } from '@courtrisk/core';
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';

export interface MenuItem {
  /** Absolute path; for a group, a key only. */
  path: string;
  title: string;
  icon?: Component;
  children?: MenuItem[];
}

function joinPath(parent: string, child: string): string {
  if (child.startsWith('/')) return child;
  const base = parent.endsWith('/') ? parent : `${parent}/`;
  return child ? `${base}${child}` : parent || '/';
}

/**
 * The side menu: routes with a title, minus hidden ones and those whose permission the
 * session lacks; a group shows only when at least one of its pages does.
 */
export function buildMenu(
  routes: readonly RouteRecordRaw[],
  can: (permission: Permission) => boolean,
  parentPath = '/',
): MenuItem[] {
  const items: MenuItem[] = [];
  for (const route of routes) {
    const meta = route.meta ?? {};
    if (!meta.title || meta.hideInMenu) continue;
    if (meta.permission && !can(meta.permission)) continue;
    const path = joinPath(parentPath, route.path);
    if (route.children) {
      const children = buildMenu(route.children, can, path);
      if (children.length > 0) items.push({ path, title: meta.title, icon: meta.icon, children });
    } else {
      items.push({ path, title: meta.title, icon: meta.icon });
    }
  }
  return items;
}
