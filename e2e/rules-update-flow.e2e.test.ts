import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, openMenu, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

const ADMIN_NEW_PASSWORD = 'Court#2025admin';
const PACK = 'social_stability';
const PACK_TITLE = '社会稳定风险';
/** A keyword the revision of the default added to SOC-PROVOCATION-01 (its rule version 1 → 2). */
const ADDED_KEYWORD = '公共场所秩序严重混乱';

const declaredVersion = (yaml: string) => Number(/^version: (\d+)$/m.exec(yaml)?.[1]);

/**
 * The pack as a court would hold it had it copied the default before its latest revision: the
 * pack's `version:` one lower, and SOC-PROVOCATION-01 still at its rule version 1, without the
 * keyword the revision added. Each edit must apply, or the diff below would check nothing.
 */
function olderCopyOf(shipped: string): string {
  const edits: [RegExp | string, string][] = [
    [/^version: (\d+)$/m, `version: ${declaredVersion(shipped) - 1}`],
    [/(- id: SOC-PROVOCATION-01\n {4}version: )2\n/, '$11\n'],
    [`, ${ADDED_KEYWORD}`, ''],
  ];
  return edits.reduce((yaml, [from, to]) => {
    const next = yaml.replace(from, to);
    expect(next, `the shipped ${PACK} pack no longer matches ${String(from)}`).not.toBe(yaml);
    return next;
  }, shipped);
}

describe.skipIf(!chromiumPath)('管理员查看并采用修订后的系统默认规则包', () => {
  let h: Harness;
  let page: Page;
  let admin: { password: string; displayName: string };
  let shipped: string;
  let shippedVersion: number;
  /** The court's version of the pack once it holds the older copy. */
  let courtVersion: number;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    admin = demoAccount(h, 'zy_admin');
    shipped = h.server.services.rules.shippedDefault(PACK)!.yaml;
    shippedVersion = declaredVersion(shipped);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lets the administrator in', async () => {
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_admin', admin.password);
    await changeInitialPassword(page, admin.password, ADMIN_NEW_PASSWORD);
  });

  it('arranges a court copy of the pack older than the shipped default', async () => {
    // A court's copy is older than the default only after core ships a revision, which a running
    // server cannot do. The nearest honest state goes through the product: the administrator saves,
    // as an ordinary audited version, the pack as it was before the revision. `defaultUpdate` is
    // decided by the declared `version:` alone (rules.service.ts), so the feature sees what a court
    // meets after an upgrade; only the history differs (its older copy is v2 by zy_admin, not v1 by 系统).
    const { services } = h.server;
    const meta = { ip: '127.0.0.1', userAgent: 'e2e arrange' };
    const { token } = await services.auth.login({ username: 'zy_admin', password: ADMIN_NEW_PASSWORD }, meta);
    const { actor } = await services.auth.authenticate(token, meta.ip);
    const current = await services.ruleAdmin.getPack(actor, PACK, {});
    expect(current).toMatchObject({ defaultUpdate: null, yaml: shipped });
    const saved = await services.ruleAdmin.savePack(actor, PACK, { yaml: olderCopyOf(shipped), comment: '模拟：本院规则包取自修订前的系统默认规则' });
    courtVersion = saved.pack.version;
    expect(saved.pack.defaultUpdate).toEqual({ version: shippedVersion, courtPackVersion: shippedVersion - 1 });
    await services.auth.logout(actor);
    await services.jobs.idle(); // the re-screen the save queued, so the pages below show a settled court
  });

  it('tags the pack whose default was revised, and only that pack', async () => {
    await openMenu(page, '筛查规则');
    const pack = page.getByRole('region', { name: PACK_TITLE });
    await pack.getByText(`系统默认规则有新修订（修订号 ${shippedVersion}）`).waitFor();
    await expect(pack.getByText(`本院版本 v${courtVersion}`, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(/系统默认规则有新修订/).count()).resolves.toBe(1);
    await h.shot('rules-update-01-list-tag');
  });

  it('shows a notice in the editor and the line diff against the new default', async () => {
    await page.getByRole('region', { name: PACK_TITLE }).getByRole('button', { name: '编辑规则' }).click();
    await page.getByRole('heading', { level: 1, name: `规则编辑：${PACK_TITLE}` }).waitFor();
    const notice = page.getByTestId('default-update');
    await notice.getByText(`修订号 ${shippedVersion - 1} → ${shippedVersion}`).waitFor();
    await h.shot('rules-update-02-editor-notice');

    await notice.getByRole('button', { name: '查看差异' }).click();
    const dialog = page.getByRole('dialog', { name: `本院规则包与系统默认规则（修订号 ${shippedVersion}）的差异` });
    await dialog.getByText('红色为本院现有、默认规则没有的行（3 行），绿色为默认规则新增或改写的行（3 行）。').waitFor();
    const removed = dialog.locator('.diff__line--removed .diff__text');
    const added = dialog.locator('.diff__line--added .diff__text');
    await expect(removed.allTextContents()).resolves.toEqual([
      `version: ${shippedVersion - 1}`,
      '    version: 1',
      expect.not.stringContaining(ADDED_KEYWORD),
    ]);
    await expect(added.allTextContents()).resolves.toEqual([`version: ${shippedVersion}`, '    version: 2', expect.stringContaining(ADDED_KEYWORD)]);
    await expect(dialog.locator('.diff__gap').count()).resolves.toBeGreaterThanOrEqual(1); // unchanged stretches folded
    await h.shot('rules-update-03-diff');
    await dialog.locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('loads the new default into the editor unsaved and saves it as a new court version', async () => {
    const editor = page.getByRole('textbox', { name: '规则内容（YAML）' });
    const notice = page.getByTestId('default-update');
    await notice.getByRole('button', { name: '载入新版默认规则' }).click();
    await page.getByText(`已载入系统默认规则（修订号 ${shippedVersion}），请核对后保存为本院新版本`).waitFor();
    await expect(editor.inputValue()).resolves.toBe(shipped);
    await page.getByText('有未保存的修改').waitFor();
    await expect(notice.getByRole('button', { name: '载入新版默认规则' }).isDisabled()).resolves.toBe(true);
    await h.shot('rules-update-04-default-loaded');

    await page.getByRole('button', { name: '保存为新版本' }).click();
    const save = page.getByRole('dialog', { name: '保存规则包' });
    const comment = save.getByLabel('修改说明');
    await expect(comment.inputValue()).resolves.toBe(`采用系统默认规则（修订号 ${shippedVersion}）`);
    await h.shot('rules-update-05-save-dialog');
    await save.getByRole('button', { name: '保存' }).click();
    await save.waitFor({ state: 'hidden' });
    await page.getByText(`已保存为本院第 ${courtVersion + 1} 版`).waitFor();
    await notice.waitFor({ state: 'detached' });
    await expect(page.getByText('有未保存的修改').count()).resolves.toBe(0);
    await page.getByRole('progressbar', { name: '重新筛查案件' }).and(page.locator('[aria-valuenow="100"]')).waitFor({ timeout: 30_000 });

    await page.getByRole('tab', { name: '版本历史' }).click();
    const history = page.getByRole('tabpanel', { name: '版本历史' });
    const newest = history.getByRole('row', { name: new RegExp(`v${courtVersion + 1}`) });
    await newest.getByText(`采用系统默认规则（修订号 ${shippedVersion}）`).waitFor();
    await newest.getByText('zy_admin').waitFor();
    await newest.getByText('当前').waitFor();
    await h.shot('rules-update-06-saved-history');
  });

  it('no longer tags the pack on the list, and the audit log records the adoption', async () => {
    await page.getByRole('button', { name: '返回筛查规则' }).click();
    const pack = page.getByRole('region', { name: PACK_TITLE });
    await pack.getByText(`本院版本 v${courtVersion + 1}`, { exact: true }).waitFor();
    await pack.getByText(`采用系统默认规则（修订号 ${shippedVersion}）`).waitFor();
    await expect(page.getByText(/系统默认规则有新修订/).count()).resolves.toBe(0);
    await h.shot('rules-update-07-list-no-tag');

    await openMenu(page, '审计日志');
    const entry = page.getByRole('row', { name: `修改规则包 ${PACK}（第 ${courtVersion + 1} 版）：采用系统默认规则（修订号 ${shippedVersion}）` });
    await entry.getByText('zy_admin').waitFor();
    await expect.poll(() => page.locator('.el-loading-mask:visible').count()).toBe(0); // the table has settled for the picture
    await h.shot('rules-update-08-audit');
    expect(h.pageErrors).toEqual([]);
  });
});
