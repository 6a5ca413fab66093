import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, openMenu, startHarness, uploadCsv, type Harness } from './harness';

const chromiumPath = locateChromium();

const CASE_NUMBER = '(2026)示01民初9901号';
const NEW_PASSWORD = 'Risk#2025office';

/** A Beijing calendar date `days` from today, as the court's staff would type it. */
function beijingDate(days: number): string {
  const shifted = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/**
 * A 民事一审普通程序 case filed 160 days ago: six months (民事诉讼法（2023年修正）第一百五十二条) leave
 * about three weeks, so it is at 预警 (≤ 30 days) and past two thirds of its limit — on the lobby screen.
 */
function caseCsv(): string {
  const header = '案号*,案件类型,审理程序,案由,立案日期*,案件状态,承办法官,承办部门,当事人,事实与理由';
  const row = [CASE_NUMBER, '民事', '普通程序', '买卖合同纠纷', beijingDate(-160), '在审', '周法官', '民事审判第一庭', '原告：郑某；被告：王某', '被告收货后未支付货款。'];
  return `\uFEFF${header}\r\n${row.join(',')}\r\n`;
}

/** The 审限 panel's 剩余天数 as a number (negative when overdue). */
async function daysLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId('trial-limit-days-left').textContent())!.trim();
  const value = Number(/(\d+)/.exec(text)![1]);
  return text.startsWith('已超') ? -value : value;
}

/** The tier shown next to 剩余天数 (提示 / 预警 / 紧急 / 超审限 / 正常). */
async function tier(page: Page): Promise<string> {
  const cell = page.getByTestId('trial-limit').locator('.el-descriptions__content', { has: page.getByTestId('trial-limit-days-left') });
  return (await cell.locator('.el-tag').textContent())!.trim();
}

/** Picks a date in an el-date-picker of the 登记 form, by its label. */
async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByTestId('trial-limit').locator('.el-form-item', { hasText: label }).locator('input');
  await input.fill(date);
  await input.press('Enter');
}

describe.skipIf(!chromiumPath)('审限：延长与扣除改变剩余天数和预警档次；大屏列出已用三分之二的案件', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    const account = demoAccount(h, 'zy_risk');
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_risk', account.password);
    await changeInitialPassword(page, account.password, NEW_PASSWORD);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists the case on the lobby screen while two thirds of its limit are used', async () => {
    await openMenu(page, '案件导入');
    const result = await uploadCsv(page, '审限案件.csv', caseCsv());
    await result.getByText('已完成').first().waitFor();
    await page.goto(`${h.server.url}/trial-limits/lobby`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('示例市中级人民法院').first().waitFor();
    await page.getByText(CASE_NUMBER).first().waitFor();
    await h.shot('trial-01-lobby');
  });

  it('shows 预警 on the case page and moves to 正常 when a six-month extension is recorded', async () => {
    await page.goto(`${h.server.url}/cases`);
    await page.getByPlaceholder('案号或当事人').fill('9901');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: CASE_NUMBER }).click();
    await page.getByRole('heading', { level: 1, name: CASE_NUMBER }).waitFor();
    const panel = page.getByTestId('trial-limit');
    await panel.scrollIntoViewIfNeeded();
    const before = await daysLeft(page);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(30);
    expect(await tier(page)).toBe('预警');
    await h.shot('trial-02-before');

    await panel.getByRole('radio', { name: '延长审限' }).check({ force: true });
    await panel.locator('.el-form-item', { hasText: '延长月数' }).locator('input').fill('6');
    await fillDate(page, '批准日期', beijingDate(0));
    await panel.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => daysLeft(page)).toBeGreaterThan(before + 170);
    expect(await tier(page)).toBe('正常');
    await panel.getByText('本院院长').first().waitFor();
    await h.shot('trial-03-extended');
  });

  it('adds the days of an excluded period (扣除审限) to the days left', async () => {
    const panel = page.getByTestId('trial-limit');
    const before = await daysLeft(page);
    await panel.getByRole('radio', { name: '扣除审限' }).check({ force: true });
    await fillDate(page, '起始日', beijingDate(-40));
    await fillDate(page, '终止日', beijingDate(-21));
    await panel.getByRole('button', { name: '登记' }).click();
    // 20 calendar days, start and end included, are not counted against the limit.
    await expect.poll(() => daysLeft(page)).toBe(before + 20);
    await h.shot('trial-04-excluded');
  });

  it('drops the case from the lobby screen once it is back under two thirds', async () => {
    await page.goto(`${h.server.url}/trial-limits/lobby`);
    await page.getByText('示例市中级人民法院').first().waitFor();
    await expect.poll(() => page.getByText(CASE_NUMBER).count()).toBe(0);
    await h.shot('trial-05-lobby-after');
    expect(h.pageErrors).toEqual([]);
  });
});
