import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, openMenu, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();
const RISK_NEW_PASSWORD = 'Risk#2025office';

describe.skipIf(!chromiumPath)('风险防控办维护关注名单，规则据此预警', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    const risk = demoAccount(h, 'zy_risk');
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_risk', risk.password);
    await changeInitialPassword(page, risk.password, RISK_NEW_PASSWORD);
  });
  afterAll(() => h?.close());

  it('opens 关注名单 on the list a rule uses, with the demo names and who added them', async () => {
    await openMenu(page, '关注名单');
    await page.getByText('FIN-PRO-LENDER-01 疑似职业放贷人').waitFor();
    await page.getByRole('cell', { name: '演示放贷人甲' }).waitFor();
    await expect(page.getByRole('cell', { name: '演示放贷人乙' }).isVisible()).resolves.toBe(true);
    await h.shot('watch-lists-01-list');
  });

  it('adds pasted names, skipping one already listed, and shows them', async () => {
    await page.getByRole('button', { name: '添加名称' }).first().click();
    const dialog = page.getByRole('dialog', { name: '向「职业放贷人名单」添加名称' });
    await dialog.getByRole('textbox').first().fill('示例放贷人丙\t立案庭 2025 年认定\n\n演示放贷人甲\n示例小额贷款有限公司');
    await dialog.getByText('共 3 个名称').waitFor();
    await h.shot('watch-lists-02-add');
    await dialog.getByRole('button', { name: '保存' }).click();
    const report = page.getByRole('dialog', { name: '已添加 2 个名称，1 个未添加' });
    await report.getByText('第 3 行“演示放贷人甲”：已在名单中').waitFor();
    await report.getByRole('button', { name: '确定' }).click();
    await page.getByRole('cell', { name: '示例放贷人丙' }).waitFor();
    await expect(page.getByRole('cell', { name: '立案庭 2025 年认定' }).isVisible()).resolves.toBe(true);
  });

  it('edits a note and removes a name after confirming', async () => {
    const row = page.getByRole('row', { name: /示例小额贷款有限公司/ });
    await row.getByRole('button', { name: '修改备注' }).click();
    const dialog = page.getByRole('dialog', { name: '修改备注：示例小额贷款有限公司' });
    await dialog.getByRole('textbox').fill('经审委会研究认定');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '经审委会研究认定' }).waitFor();

    await page.getByRole('row', { name: /示例放贷人丙/ }).getByRole('button', { name: '移除' }).click();
    await page.getByText('确定将「示例放贷人丙」从「职业放贷人名单」中移除吗？').waitFor();
    await page.getByRole('button', { name: '移除', exact: true }).last().click();
    await page.getByText('已移除 1 个名称，正在后台对本院案件重新筛查').waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '示例放贷人丙' }).count()).toBe(0);
    await h.shot('watch-lists-03-after');
  });

  it('cannot delete the list an enabled rule uses', async () => {
    const button = page.getByRole('button', { name: '删除名单' });
    await expect(button.isDisabled()).resolves.toBe(true);
  });

  it('starts a new list from an Excel workbook and deletes it after confirming', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['名称', '备注']);
    sheet.addRow(['示例担保有限公司', '2025 年涉众案件']);
    sheet.addRow([]);
    sheet.addRow(['示例投资人丁']);
    const workbook = Buffer.from(await book.xlsx.writeBuffer());

    const select = page.getByRole('combobox', { name: '名单' });
    await select.click();
    await select.fill('涉众担保名单');
    await page.keyboard.press('Enter');
    await page.getByText('没有启用的规则引用此名单', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '添加名称' }).first().click();
    const dialog = page.getByRole('dialog', { name: '向「涉众担保名单」添加名称' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '担保名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
    await dialog.getByText('共 2 个名称').waitFor();
    await expect(dialog.getByRole('textbox').first().inputValue()).resolves.toContain('示例担保有限公司');
    await h.shot('watch-lists-04-from-xlsx');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '示例投资人丁' }).waitFor();
    await expect(page.getByRole('cell', { name: '2025 年涉众案件' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: '删除名单' }).click();
    await page.getByText('确定删除名单「涉众担保名单」及其中全部 2 个名称吗？删除后不可恢复。').waitFor();
    await h.shot('watch-lists-05-delete');
    await page.getByRole('button', { name: '删除名单', exact: true }).last().click();
    await page.getByText('已删除名单「涉众担保名单」及其中 2 个名称').waitFor();
    await page.getByRole('cell', { name: '演示放贷人甲' }).waitFor();
    await select.click();
    await expect(page.getByRole('option', { name: /涉众担保名单/ }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    expect(h.pageErrors).toEqual([]);
  });
});
