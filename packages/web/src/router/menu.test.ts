import type { Permission } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { buildMenu } from './menu';
import { layoutRoutes } from './routes';

const allowing = (...permissions: Permission[]) => (p: Permission) => permissions.includes(p);

const titles = (items: ReturnType<typeof buildMenu>): unknown =>
  items.map((item) => (item.children ? { [item.title]: titles(item.children) } : item.title));

describe('buildMenu', () => {
  it('shows an administrator every system page, grouped under 系统管理, with absolute paths', () => {
    const menu = buildMenu(
      layoutRoutes,
      allowing(
        'court.read',
        'department.read',
        'account.read',
        'role.read',
        'dictionary.read',
        'loginlog.read',
        'audit.read',
      ),
    );
    expect(titles(menu)).toEqual([
      '工作台',
      { 风险处置: ['我的任务'] },
      { 系统管理: ['法院管理', '部门管理', '账号管理', '角色管理', '字典管理', '登录日志', '审计日志'] },
    ]);
    expect(menu[0]!.path).toBe('/');
    expect(menu[2]!.children!.map((item) => item.path)).toContain('/system/accounts');
  });

  it('shows a judge only the pages their permissions allow (no 账号管理, no 审计日志)', () => {
    const menu = buildMenu(layoutRoutes, allowing('court.read', 'department.read', 'dictionary.read'));
    expect(titles(menu)).toEqual(['工作台', { 风险处置: ['我的任务'] }, { 系统管理: ['法院管理', '部门管理', '字典管理'] }]);
  });

  it('lists 案件与预警 by permission: the risk office sees all five pages, a judge only cases and warnings', () => {
    // Reading cases also opens 审判管理's 审限 pages (router/modules/trial.ts); importing and settings need more.
    const trialPages = ['我的审限', '审限监控', '审限日历', '长期未结', '四类案件'];
    const riskOffice = buildMenu(layoutRoutes, allowing('case.read', 'case.import', 'warning.read', 'rule.read'));
    expect(titles(riskOffice)).toEqual(['工作台', { 案件与预警: ['案件列表', '案件导入', '预警列表', '筛查规则', '关注名单'] }, { 审判管理: trialPages }, { 风险处置: ['我的任务'] }]);
    expect(riskOffice[1]!.children!.map((item) => item.path)).toEqual(['/cases', '/cases/import', '/warnings', '/rules', '/watch-lists']);
    expect(titles(buildMenu(layoutRoutes, allowing('case.read', 'warning.read')))).toEqual([
      '工作台',
      { 案件与预警: ['案件列表', '预警列表'] },
      { 审判管理: trialPages },
      { 风险处置: ['我的任务'] },
    ]);
  });

  it('lists the risk pages by permission: the register and agencies with 查看风险, 下级上报 with 批示、交办', () => {
    const leader = buildMenu(layoutRoutes, allowing('risk.read', 'risk.instruct'));
    expect(titles(leader)).toEqual(['工作台', { 风险处置: ['风险登记册', '我的任务', '下级上报', '协同单位'] }]);
    expect(leader[1]!.children!.map((item) => item.path)).toEqual(['/risks', '/tasks/mine', '/risks/lower-reports', '/agencies']);
  });

  it('drops a group none of whose pages is allowed, and offers 我的任务 to every account (tasks go to anyone)', () => {
    expect(titles(buildMenu(layoutRoutes, allowing()))).toEqual(['工作台', { 风险处置: ['我的任务'] }]);
  });

  it('never lists hidden pages (个人中心, 403, 404)', () => {
    const everything = buildMenu(layoutRoutes, () => true);
    const all = everything.flatMap((item) => [item, ...(item.children ?? [])]).map((item) => item.title);
    expect(all).not.toContain('个人中心');
    expect(all).not.toContain('无权访问');
    expect(all).not.toContain('页面不存在');
    expect(all).not.toContain('案件详情');
    expect(all).not.toContain('规则编辑');
    expect(all).not.toContain('风险摘要');
  });

  it('keeps each item’s icon for the side menu', () => {
    const [home] = buildMenu(layoutRoutes, () => true);
    expect(home!.icon).toBeDefined();
  });
});
