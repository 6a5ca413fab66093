import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, logout, openMenu, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

const OFFICER_NEW_PASSWORD = 'Visit#2025office';
const CHIEF_NEW_PASSWORD = 'Chief#2025petition';
const ADMIN_NEW_PASSWORD = 'Audit#2025admin';

/** The second visit's words as registered, and the 诉求 the officer corrects them to. */
const SECOND_VISIT_CONTENT = '再次来院反映开发商逾期交房，询问案件进展。';
const REGISTERED_DEMANDS = '要求尽快判决开发商交房。';
const EDITED_DEMANDS = '要求开发商限期交房，并赔偿逾期交房期间的租房损失。';

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
  await dialog.getByLabel('信访诉求').fill(REGISTERED_DEMANDS);
  return dialog;
}

/** The row of the person page's 信访件 tab for the visit received on `receivedOn`. */
function petitionRow(page: Page, receivedOn: string): Locator {
  return page.getByRole('tabpanel', { name: /^信访件/ }).getByRole('row', { name: new RegExp(receivedOn) });
}

/** 编辑 on that row: the 编辑信访件 dialog, pre-filled with the record. */
async function openPetitionEdit(page: Page, receivedOn: string): Promise<Locator> {
  await petitionRow(page, receivedOn).getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑信访件' });
  await dialog.waitFor();
  return dialog;
}

/** The status of a GET against the API in the page's own session (cookies included). */
async function apiStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, `/api/v1${path}`);
}

describe.skipIf(!chromiumPath)('信访接待登记来访形成重复访，修改信访件记入审计日志；保密记录与完整身份证号只对信访负责人开放', () => {
  let h: Harness;
  let page: Page;
  let officer: { password: string; displayName: string };
  let chief: { password: string; displayName: string };
  let buyerUrl = '';
  let zhangUrl = '';
  /** 收到日期 of the second visit, which the officer later edits. */
  const secondVisitOn = beijingDaysAgo(10);

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
    const dialog = await registerVisit(page, '王某某', secondVisitOn, SECOND_VISIT_CONTENT);
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

  it('refuses an edit that empties 信访内容, saving nothing', async () => {
    const saves: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'PUT' && request.url().includes('/api/v1/petitions/')) saves.push(request.url());
    };
    page.on('request', onRequest);
    await page.getByRole('tab', { name: /^信访件/ }).click();
    const dialog = await openPetitionEdit(page, secondVisitOn);
    await dialog.getByText('修改记入审计日志', { exact: false }).waitFor();
    await expect(dialog.getByLabel('信访诉求').inputValue()).resolves.toBe(REGISTERED_DEMANDS);
    await expect(dialog.getByLabel('信访内容').inputValue()).resolves.toBe(SECOND_VISIT_CONTENT);
    await expect(dialog.getByLabel('到访人数').inputValue()).resolves.toBe('1');

    await dialog.getByLabel('信访诉求').fill(EDITED_DEMANDS);
    await dialog.getByLabel('信访内容').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    const message = dialog.locator('.el-form-item', { hasText: '信访内容' }).locator('.el-form-item__error');
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('请填写信访内容');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await h.shot('petitions-05-edit-invalid');

    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = petitionRow(page, secondVisitOn);
    await expect(row.textContent()).resolves.toContain(REGISTERED_DEMANDS);
    await expect(row.textContent()).resolves.not.toContain(EDITED_DEMANDS);
    // Reopened, the form is the stored record again, not the abandoned attempt.
    const reopened = await openPetitionEdit(page, secondVisitOn);
    await expect(reopened.getByLabel('信访诉求').inputValue()).resolves.toBe(REGISTERED_DEMANDS);
    await expect(reopened.getByLabel('信访内容').inputValue()).resolves.toBe(SECOND_VISIT_CONTENT);
    await reopened.getByRole('button', { name: '取消' }).click();
    await reopened.waitFor({ state: 'hidden' });
    page.off('request', onRequest);
    expect(saves).toEqual([]);
  });

  it('edits 信访诉求 and 到访人数 of a visit and shows them on the person page and the timeline', async () => {
    const dialog = await openPetitionEdit(page, secondVisitOn);
    await dialog.getByLabel('信访诉求').fill(EDITED_DEMANDS);
    const headcount = dialog.getByLabel('到访人数');
    await headcount.fill('2');
    await headcount.press('Tab'); // the number input commits on blur; Enter would submit the form
    await expect(headcount.inputValue()).resolves.toBe('2');
    await h.shot('petitions-06-edit-dialog');
    const [saved] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/api/v1/petitions/')),
      dialog.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    const row = petitionRow(page, secondVisitOn);
    await row.getByText(EDITED_DEMANDS).waitFor();
    await expect(row.textContent()).resolves.not.toContain(REGISTERED_DEMANDS);
    // Still three visits in 90 days: the edit leaves 重复访 standing.
    await page.locator('.el-descriptions').getByText('重复访').first().waitFor();
    await expect(page.locator('.el-descriptions').textContent()).resolves.toContain('3 次');
    await h.shot('petitions-07-edited-row');

    await page.getByRole('tab', { name: '时间线' }).click();
    // The visit's entry (dated by 收到日期, titled 渠道（处理结果）) carries the 诉求 as now stored.
    const visit = page.getByRole('tabpanel', { name: '时间线' }).locator('.el-timeline-item', { hasText: secondVisitOn }).filter({ hasText: '来访（办理中）' });
    await visit.getByText(EDITED_DEMANDS).waitFor();
    await expect(visit.count()).resolves.toBe(1);
    await expect(visit.textContent()).resolves.not.toContain(REGISTERED_DEMANDS);
    await h.shot('petitions-08-edited-timeline');
  });

  it('lists the edited visit on 信访件 with its new 到访人数, and reads it back into the dialog', async () => {
    await openMenu(page, '信访件');
    const row = page.getByRole('row', { name: new RegExp(EDITED_DEMANDS) });
    await row.waitFor();
    await row.getByRole('cell', { name: secondVisitOn, exact: true }).waitFor();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor(); // 到访人数
    await row.getByRole('link', { name: '王某某' }).waitFor();
    await h.shot('petitions-09-petition-list');

    // 编辑 on this page reads the whole record from the server first.
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑信访件' });
    await expect.poll(() => dialog.getByLabel('信访诉求').inputValue()).toBe(EDITED_DEMANDS);
    await expect(dialog.getByLabel('到访人数').inputValue()).resolves.toBe('2');
    await expect(dialog.getByLabel('信访内容').inputValue()).resolves.toBe(SECOND_VISIT_CONTENT);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(buyerUrl);
    await page.getByRole('heading', { level: 1, name: '信访人详情：王某某' }).waitFor();
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
    await h.shot('petitions-10-officer-no-confidential');
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
    await h.shot('petitions-11-chief-confidential');

    const number = page.locator('.el-descriptions .mono').first();
    await expect(number.textContent()).resolves.toContain('********');
    await page.getByRole('button', { name: '查看完整号码' }).click();
    await expect.poll(() => number.textContent()).toMatch(/^\d{17}[\dX]$/);
    await expect(page.getByRole('button', { name: '查看完整号码' }).count()).resolves.toBe(0);
    await h.shot('petitions-12-chief-revealed');
  });

  it('shows the chief the new repeat warning too', async () => {
    await page.goto(buyerUrl);
    await page.getByRole('heading', { level: 1, name: '信访人详情：王某某' }).waitFor();
    await page.getByRole('tab', { name: /标记与预警/ }).click();
    await page.locator('.warning-card', { hasText: '重复访' }).first().waitFor();
    expect(h.pageErrors).toEqual([]);
    await logout(page, chief.displayName);
  });

  it("records the officer's edit in the audit log, naming the changed fields, and ends without page errors", async () => {
    const admin = demoAccount(h, 'zy_admin');
    await login(page, 'zy_admin', admin.password);
    await changeInitialPassword(page, admin.password, ADMIN_NEW_PASSWORD);
    await openMenu(page, '审计日志');
    await page.getByRole('combobox', { name: '操作', exact: true }).click({ force: true });
    await page.getByRole('option', { name: '修改信访件', exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const entry = page.getByRole('row', { name: /修改信访件（/ });
    await entry.waitFor();
    await expect(page.getByRole('row', { name: /修改信访件（/ }).count()).resolves.toBe(1); // the refused attempt left no trace
    await entry.getByRole('cell', { name: 'zy_petition', exact: true }).waitFor();
    // The 摘要 column is cut short; hovering it shows the whole line, as staff would read it.
    await entry.locator('.cell', { hasText: '修改信访件（' }).hover();
    const tip = page.locator('.el-popper:visible', { hasText: '修改信访件（' });
    await tip.waitFor();
    const summary = (await tip.textContent()) ?? '';
    expect(summary).toContain(`修改信访件（${secondVisitOn} 来访）：`);
    expect(summary).toContain('到访人数：1 人 → 2 人');
    expect(summary).toContain('信访诉求：已修改（内容不记入日志）');
    expect(summary).not.toContain('信访内容'); // unchanged fields are not listed
    expect(summary).not.toContain(EDITED_DEMANDS); // the petition's own words stay out of the log
    await expect.poll(() => page.locator('.el-loading-mask:visible').count()).toBe(0);
    await h.shot('petitions-13-audit-log');
    expect(h.pageErrors).toEqual([]);
  });
});
