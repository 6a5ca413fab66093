import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { changeInitialPassword, locateChromium, login, logout, openMenu, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

/** Passwords that satisfy the policy (≥10, three classes, no account name). */
const ADMIN_NEW_PASSWORD = 'Court#2025admin';
const CLERK_NEW_PASSWORD = 'Petition!2025ok';
const NEW_USERNAME = 'e2e_petition';
const NEW_DISPLAY_NAME = '测试信访员';
/** User-supplied text that would run if the UI rendered it as HTML. */
const MARKUP_NAME = '<img src=x onerror="window.xssProbe=true">信访科';

describe.skipIf(!chromiumPath)('系统管理员开通账号，新账号首次登录', () => {
  let h: Harness;
  let page: Page;
  let adminPassword: string;
  let adminName: string;
  let initialPassword = '';

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    const admin = h.server.demoAccounts.find((account) => account.username === 'zy_admin');
    if (!admin) throw new Error('demo data has no zy_admin');
    adminPassword = admin.password;
    adminName = admin.displayName;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('sends a visitor to the login page and shows the server’s reason for a wrong password', async () => {
    await page.goto(`${h.server.url}/system/accounts`);
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/system/accounts',
    );
    await expect(page.getByRole('heading', { name: '法院重大风险防范化解平台' }).isVisible()).resolves.toBe(true);
    await h.shot('01-login');

    await login(page, 'zy_admin', 'wrong-password');
    await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
    await h.shot('02-login-wrong-password');
  });

  it('forces the administrator to change the initial password first', async () => {
    await login(page, 'zy_admin', adminPassword);
    await page.waitForURL('**/password');
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByText('尚未满足').waitFor();
    await h.shot('03-password-forced');
    await changeInitialPassword(page, adminPassword, ADMIN_NEW_PASSWORD);
    await page.getByRole('heading', { name: `${adminName}，您好` }).waitFor();
    await h.shot('04-admin-home');
  });

  it('shows every system page to the administrator', async () => {
    await openMenu(page, '法院管理');
    await page.getByText('示例市南湖区人民法院').waitFor();
    await h.shot('05-courts');

    await openMenu(page, '部门管理');
    await page.getByText('立案庭').first().waitFor();
    // A name that is markup must show as text (never run), and Enter in a field submits the dialog.
    await page.getByRole('button', { name: '新建部门' }).click();
    const departmentDialog = page.getByRole('dialog', { name: '新建部门' });
    await departmentDialog.getByLabel('部门编码', { exact: true }).fill('xss_probe');
    await departmentDialog.getByLabel('部门名称', { exact: true }).fill(MARKUP_NAME);
    await departmentDialog.getByLabel('部门名称', { exact: true }).press('Enter');
    await departmentDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: MARKUP_NAME }).waitFor();
    await expect(page.evaluate(() => (globalThis as { xssProbe?: boolean }).xssProbe)).resolves.toBeUndefined();
    await h.shot('06-departments');

    await openMenu(page, '角色管理');
    await page.getByRole('row', { name: /承办法官/ }).getByRole('button', { name: '编辑' }).click();
    const roleDialog = page.getByRole('dialog', { name: '编辑角色' });
    await roleDialog.getByText('查看风险事项').waitFor();
    await h.shot('07-role-edit');
    await roleDialog.getByRole('button', { name: '取消' }).click();
    await roleDialog.waitFor({ state: 'hidden' });

    await openMenu(page, '字典管理');
    await page.getByText('风险类别').first().waitFor();
    await h.shot('08-dictionaries');

    await openMenu(page, '登录日志');
    await page.getByRole('cell', { name: 'zy_admin' }).first().waitFor();
    await h.shot('09-login-logs');

    await openMenu(page, '审计日志');
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText('审计日志完整').waitFor();
    await h.shot('10-audit-logs');
  });

  it('creates an account with a role and shows its initial password once', async () => {
    await openMenu(page, '账号管理');
    await page.getByRole('cell', { name: 'zy_judge', exact: true }).waitFor();
    await h.shot('11-accounts');

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('账号', { exact: true }).fill(NEW_USERNAME);
    await dialog.getByLabel('姓名', { exact: true }).fill(NEW_DISPLAY_NAME);
    await dialog.getByLabel('电话', { exact: true }).fill('010-12345678');
    await dialog.getByText('请选择角色').click();
    await page.getByRole('option', { name: '信访接待' }).click();
    await dialog.getByText('新建账号', { exact: true }).click(); // closes the role list
    await h.shot('12-account-create');
    await dialog.getByRole('button', { name: '保存' }).click();

    const once = page.getByRole('dialog', { name: '一次性初始密码' });
    await once.waitFor();
    initialPassword = (await once.getByTestId('initial-password').textContent())?.trim() ?? '';
    expect(initialPassword.length).toBeGreaterThanOrEqual(10);
    await expect(once.getByText('只显示这一次').isVisible()).resolves.toBe(true);
    await h.shot('13-initial-password');
    await once.getByRole('button', { name: '我已记下，关闭' }).click();
    await once.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: new RegExp(NEW_USERNAME) });
    await row.waitFor();
    await expect(row.getByText('信访接待').isVisible()).resolves.toBe(true);
    await expect(row.getByText(NEW_DISPLAY_NAME).isVisible()).resolves.toBe(true);
    await h.shot('14-account-listed');

    await logout(page, adminName);
  });

  it('lets the new account log in, change its password and see only its own menus', async () => {
    await login(page, NEW_USERNAME, initialPassword);
    await changeInitialPassword(page, initialPassword, CLERK_NEW_PASSWORD);
    await page.getByRole('heading', { name: `${NEW_DISPLAY_NAME}，您好` }).waitFor();
    await page.getByRole('menuitem', { name: '字典管理' }).waitFor();
    await h.shot('15-clerk-home');

    for (const hidden of ['账号管理', '角色管理', '登录日志', '审计日志']) {
      await expect(page.getByRole('menuitem', { name: hidden }).count()).resolves.toBe(0);
    }
    // The workbench has nothing for this role; the account's roles are on its 个人中心.
    await page.getByRole('button', { name: NEW_DISPLAY_NAME }).click();
    await page.getByRole('menuitem', { name: '个人中心' }).click();
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    await page.getByText('信访接待', { exact: true }).first().waitFor();

    await page.goto(`${h.server.url}/system/accounts`);
    await page.getByText('无权访问').waitFor();
    await h.shot('16-clerk-forbidden');

    await logout(page, NEW_DISPLAY_NAME);
    await expect(page.getByRole('button', { name: '登录' }).isVisible()).resolves.toBe(true);
    expect(h.pageErrors).toEqual([]);
  });
});
