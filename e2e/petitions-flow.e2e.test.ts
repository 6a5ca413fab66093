import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, logout, openMenu, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

const OFFICER_NEW_PASSWORD = 'Visit#2025office';
const CHIEF_NEW_PASSWORD = 'Chief#2025petition';

/** A Beijing calendar date `days` before today, as the form's date picker takes it. */
function beijingDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** 登记来访 on the 信访人 page for one registered person, on a given date. */
async function registerVisit(page: Page, name: string, receivedOn: string, content: string) {
  await page.getByRole('button', { name: '登记来访' }).click();
  const dialog = page.getByRole('dialog', { name: '登记来访' });
  await dialog.locator('.el-form-item', { hasText: '信访人' }).first().locator('.el-select').click();
  await page.keyboard.type(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.keyboard.press('Escape'); // closes the multiple select's dropdown, not the dialog
  const date = dialog.locator('.el-form-item', { hasText: '收到日期' }).locator('input');
  await date.fill(receivedOn);
  await date.press('Tab'); // Enter would submit the form (FormDialog)
  await expect(date.inputValue()).resolves.toBe(receivedOn);
  await dialog.getByLabel('信访内容').fill(content);
  await dialog.getByLabel('信访诉求').fill('要求尽快判决开发商交房。');
  return dialog;
}

/** The status of a GET against the API in the page's own session (cookies included). */
async function apiStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, `/api/v1${path}`);
}

describe.skipIf(!chromiumPath)('信访接待登记来访形成重复访；保密记录与完整身份证号只对信访负责人开放', () => {
  let h: Harness;
  let page: Page;
  let officer: { password: string; displayName: string };
  let chief: { password: string; displayName: string };
  let buyerUrl = '';
  let zhangUrl = '';

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    officer = demoAccount(h, 'zy_petition');
    chief = demoAccount(h, 'zy_petition_chief');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lets the reception officer in, with the 信访人 list of the demo', async () => {
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_petition', officer.password);
    await changeInitialPassword(page, officer.password, OFFICER_NEW_PASSWORD);
    await openMenu(page, '信访人');
    const buyer = page.getByRole('row', { name: /王某某/ });
    await buyer.waitFor();
    await expect(buyer.textContent()).resolves.not.toContain('重复访'); // one (collective) visit so far
    await expect(buyer.locator('.mono').textContent()).resolves.toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await h.shot('petitions-01-list');
  });

  it('registers a second visit: two visits in 90 days are not yet 重复访', async () => {
    const dialog = await registerVisit(page, '王某某', beijingDaysAgo(10), '再次来院反映开发商逾期交房，询问案件进展。');
    await h.shot('petitions-02-visit-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const buyer = page.getByRole('row', { name: /王某某/ });
    await buyer.getByRole('cell', { name: '2', exact: true }).waitFor(); // 信访次数
    await expect(buyer.textContent()).resolves.not.toContain('重复访');
  });

  it('registers the third visit, which makes the person a repeat petitioner', async () => {
    const dialog = await registerVisit(page, '王某某', beijingDaysAgo(0), '第三次来院反映逾期交房问题，要求法院尽快判决。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const buyer = page.getByRole('row', { name: /王某某/ });
    await buyer.getByText('重复访').waitFor();
    await h.shot('petitions-03-list-repeat');
  });

  it("shows 重复访 on the person's page with the visits that make it", async () => {
    await page.getByRole('row', { name: /王某某/ }).getByRole('link', { name: '王某某' }).click();
    await page.getByRole('heading', { level: 1, name: '信访人详情：王某某' }).waitFor();
    buyerUrl = page.url();
    await page.locator('.el-descriptions').getByText('重复访').first().waitFor();
    await page.getByRole('tab', { name: /标记与预警/ }).click();
    const card = page.locator('.warning-card', { hasText: '重复访' }).first();
    await card.waitFor();
    await card.getByText(/内信访 3 次（.*），达到“90 日内 3 次”的重复访标准/).waitFor();
    await h.shot('petitions-04-repeat-warning');
  });

  it('hides the confidential records and the full ID number from the reception officer', async () => {
    await page.goto(page.url().replace(/\/petitioners\/.*/, '/petitioners'));
    await page.getByRole('row', { name: /张某某/ }).getByRole('link', { name: '张某某' }).click();
    await page.getByRole('heading', { level: 1, name: '信访人详情：张某某' }).waitFor();
    zhangUrl = page.url();
    await page.getByRole('tab', { name: '时间线' }).waitFor();
    await expect(page.getByRole('tab', { name: /心理疏导与回访/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '查看完整号码' }).count()).resolves.toBe(0);
    await expect(page.locator('.el-descriptions .mono').first().textContent()).resolves.toContain('********');
    const id = zhangUrl.split('/').pop()!;
    expect([403, 404]).toContain(await apiStatus(page, `/petitioners/${id}/confidential`));
    await h.shot('petitions-05-officer-no-confidential');
    await logout(page, officer.displayName);
  });

  it('opens the counselling record and reveals the full ID number for the 信访负责人', async () => {
    await login(page, 'zy_petition_chief', chief.password);
    await changeInitialPassword(page, chief.password, CHIEF_NEW_PASSWORD);
    await page.goto(zhangUrl);
    await page.getByRole('heading', { level: 1, name: '信访人详情：张某某' }).waitFor();
    const id = zhangUrl.split('/').pop()!;
    expect(await apiStatus(page, `/petitioners/${id}/confidential`)).toBe(200);

    await page.getByRole('tab', { name: /心理疏导与回访/ }).click();
    const confidential = page.getByRole('tabpanel', { name: /心理疏导与回访/ });
    await confidential.getByText('保密记录，每次查看都会记入审计日志。').waitFor();
    await confidential.getByText('自述因执行款未到位长期失眠', { exact: false }).waitFor();
    await h.shot('petitions-06-chief-confidential');

    const number = page.locator('.el-descriptions .mono').first();
    await expect(number.textContent()).resolves.toContain('********');
    await page.getByRole('button', { name: '查看完整号码' }).click();
    await expect.poll(() => number.textContent()).toMatch(/^\d{17}[\dX]$/);
    await expect(page.getByRole('button', { name: '查看完整号码' }).count()).resolves.toBe(0);
    await h.shot('petitions-07-chief-revealed');
  });

  it('shows the chief the new repeat warning too, and ends without page errors', async () => {
    await page.goto(buyerUrl);
    await page.getByRole('heading', { level: 1, name: '信访人详情：王某某' }).waitFor();
    await page.getByRole('tab', { name: /标记与预警/ }).click();
    await page.locator('.warning-card', { hasText: '重复访' }).first().waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
