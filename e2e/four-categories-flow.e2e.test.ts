import path from 'node:path';
import { FOUR_CATEGORIES } from '@courtrisk/core';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, openMenu, SHOTS_DIR, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

const LEADER_NEW_PASSWORD = 'Lead#2025supervise';

/** The export's columns, in order (four-category.service.ts exportXlsx). */
const EXPORT_HEADER = ['案号', '法院', '部门', '承办法官', '立案日期', '结案日期', '四类案件类别', '具体情形', '监督次数', '最近监督时间'];

/**
 * Demo cases of the 中院 (示01), by serial (demo-cases.ts): the 5th is an illegal fund-raising
 * dispute whose screening findings make the system propose （二）; the 1st is an ordinary sale
 * dispute that the 院领导 labels by hand. Their year follows the seed's date, so they are found by
 * the end of the number.
 */
const FUND_RAISING = '示01民初5号';
const ORDINARY = '示01民初1号';
const SUPERVISION_NOTE = '听取承办法官汇报，要求两周内查明争议事实并报告进展。';

/** One row of the 四类案件 list as the page shows it. */
interface ListedRow {
  caseNumber: string;
  court: string;
  department: string;
  judge: string;
  /** “（二）当事人或者被害人人数众多……” — the category's ordinal, then its sub-items (or its label). */
  categories: string[];
  supervisionCount: string;
  lastSupervised: string;
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

/** Opens a case from 案件列表 by the end of its number; returns the full number shown. */
async function openCase(page: Page, numberEnd: string): Promise<string> {
  await openMenu(page, '案件列表');
  await page.getByPlaceholder('案号或当事人').fill(numberEnd);
  await page.getByRole('button', { name: '查询' }).click();
  const link = page.getByRole('link', { name: new RegExp(`${numberEnd}$`) }); // (2026)示01民初5号, not …民初15号
  await expect.poll(() => link.count()).toBe(1);
  const caseNumber = await text(link);
  await link.click();
  await page.getByRole('heading', { level: 1, name: caseNumber }).waitFor();
  return caseNumber;
}

/** The rows of the case table of 四类案件 (the second table; the first is 按部门统计). */
async function listedRows(page: Page): Promise<ListedRow[]> {
  const rows = page.locator('.page-card').nth(1).locator('.el-table__body-wrapper tr.el-table__row');
  const result: ListedRow[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    result.push({
      caseNumber: await text(cells.nth(0).getByRole('link')),
      court: await text(cells.nth(1)),
      department: await text(cells.nth(2)),
      judge: await text(cells.nth(3)),
      categories: (await cells.nth(4).locator('.category-line').allTextContents()).map((line) => line.replace(/\s+/g, '')),
      supervisionCount: await text(cells.nth(5)),
      lastSupervised: await text(cells.nth(6)),
    });
  }
  return result;
}

/** The export's rows (below the header) as strings, and its header. */
async function readWorkbook(download: Download, name: string): Promise<{ header: string[]; rows: string[][] }> {
  const saved = path.join(SHOTS_DIR, name);
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['四类案件']);
  const sheet = book.worksheets[0]!;
  const values = (rowNumber: number) => Array.from({ length: EXPORT_HEADER.length }, (_, i) => String(sheet.getRow(rowNumber).getCell(i + 1).value ?? ''));
  const rows: string[][] = [];
  for (let n = 2; n <= sheet.rowCount; n += 1) rows.push(values(n));
  return { header: values(1), rows };
}

/**
 * What the page would show for one exported row. The sheet gives each category's full label in one
 * column and the sub-items, each after its category's ordinal, in the next; the page shows each
 * category's ordinal with its own sub-items (or, for a category without any, its label).
 */
function asListed(row: string[]): ListedRow {
  const [caseNumber, court, department, judge, , , categoryLabels, items, supervisionCount, lastSupervised] = row as [string, string, string, string, string, string, string, string, string, string];
  const itemLabels = items.split('；').filter((item) => item !== '');
  const categories = categoryLabels.split('；').map((label) => {
    const category = FOUR_CATEGORIES.find((c) => `${c.ordinal}${c.label}` === label);
    if (!category) throw new Error(`not a 四类案件 category: ${label}`);
    const own = itemLabels.filter((item) => item.startsWith(category.ordinal)).map((item) => item.slice(category.ordinal.length));
    expect(own.every((item) => category.items.some((i) => i.label === item))).toBe(true);
    return `${category.ordinal}${own.length ? own.join('；') : category.label}`;
  });
  return { caseNumber, court, department: department || '—', judge: judge || '—', categories, supervisionCount, lastSupervised: lastSupervised || '—' };
}

async function exportList(page: Page): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 XLSX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  return download;
}

describe.skipIf(!chromiumPath)('院领导标注四类案件并登记监督，导出的四类案件清单与页面所列一致', () => {
  let h: Harness;
  let page: Page;
  let fundRaising = '';
  let ordinary = '';

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    const leader = demoAccount(h, 'zy_leader');
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_leader', leader.password);
    await changeInitialPassword(page, leader.password, LEADER_NEW_PASSWORD);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('starts with no labelled case: the demo labels none', async () => {
    await openMenu(page, '四类案件');
    await expect.poll(() => page.getByText('没有已标注的四类案件').count()).toBe(2); // counts and list both empty
    await h.shot('four-categories-01-empty');
  });

  it('confirms the system’s proposal on the fund-raising case', async () => {
    fundRaising = await openCase(page, FUND_RAISING);
    const panel = page.getByTestId('four-categories');
    const proposal = panel.getByTestId('four-category-proposal').filter({ hasText: '（二）涉及群体性纠纷' });
    await proposal.getByText('当事人或者被害人人数众多，可能引发群体性事件的').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await h.shot('four-categories-02-proposal');

    await proposal.getByRole('button', { name: '确认标注' }).click();
    const dialog = page.getByRole('dialog', { name: '标注四类案件' });
    await expect(dialog.getByRole('textbox').inputValue()).resolves.toMatch(/^系统建议：/);
    await dialog.getByRole('button', { name: '确认标注' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const label = panel.getByTestId('four-category-label');
    await label.getByText('（二）涉及群体性纠纷或者引发社会广泛关注，可能影响社会稳定的').waitFor();
    await label.getByText('分管副院长 于', { exact: false }).waitFor();
  });

  it('labels an ordinary case by hand and records a supervision on it', async () => {
    ordinary = await openCase(page, ORDINARY);
    const panel = page.getByTestId('four-categories');
    await panel.getByText('未标注为四类案件，也没有系统建议。').waitFor();
    await panel.getByRole('button', { name: '人工标注' }).click();
    const dialog = page.getByRole('dialog', { name: '标注四类案件' });
    // （一）is the default category; a category with sub-items needs one.
    const item = dialog.getByRole('checkbox', { name: '对事实认定或者法律适用存在较大争议的' });
    await dialog.locator('label.el-checkbox', { hasText: '对事实认定或者法律适用存在较大争议的' }).click(); // the input itself is hidden
    await expect(item.isChecked()).resolves.toBe(true);
    await dialog.getByRole('textbox').fill('双方对货物质量及验收标准争议较大，需院庭长全程监督。');
    await dialog.getByRole('button', { name: '确认标注' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByTestId('four-category-label').getByText('（一）重大、疑难、复杂、敏感的').waitFor();

    await panel.getByRole('button', { name: '登记监督' }).click();
    const supervision = page.getByRole('dialog', { name: '登记监督' });
    await supervision.getByRole('textbox', { name: '监督内容' }).fill(SUPERVISION_NOTE);
    await supervision.getByRole('button', { name: '保存' }).click();
    await supervision.waitFor({ state: 'hidden' });
    await panel.getByText('院庭长监督记录（1）').waitFor();
    await panel.getByText(SUPERVISION_NOTE).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await h.shot('four-categories-03-labelled-supervised');
  });

  it('lists both cases with their categories and supervision, and counts them by department', async () => {
    await openMenu(page, '四类案件');
    const list = page.locator('.page-card').nth(1);
    await list.getByRole('link', { name: fundRaising }).waitFor();
    await list.getByRole('link', { name: ordinary }).waitFor();
    const rows = await listedRows(page);
    expect(rows).toHaveLength(2);
    const byNumber = new Map(rows.map((row) => [row.caseNumber, row]));
    expect(byNumber.get(fundRaising)).toMatchObject({ court: '示例市中级人民法院', department: '民事审判第一庭', supervisionCount: '0', lastSupervised: '—' });
    expect(byNumber.get(fundRaising)!.categories).toEqual(['（二）当事人或者被害人人数众多，可能引发群体性事件的']);
    expect(byNumber.get(ordinary)).toMatchObject({ court: '示例市中级人民法院', supervisionCount: '1' });
    expect(byNumber.get(ordinary)!.categories).toEqual(['（一）对事实认定或者法律适用存在较大争议的']);
    expect(byNumber.get(ordinary)!.lastSupervised).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const counts = page.locator('.page-card').first().locator('.el-table__body-wrapper tr.el-table__row');
    await expect(counts.count()).resolves.toBe(2); // one per category: both cases sit in 民事审判第一庭
    // 案件数, then 尚无监督记录: the proposal's case has no supervision yet, the other has one.
    await expect(counts.filter({ hasText: '（二）' }).textContent()).resolves.toMatch(/民事审判第一庭（二）.*11$/);
    await expect(counts.filter({ hasText: '（一）' }).textContent()).resolves.toMatch(/民事审判第一庭（一）.*10$/);
    await h.shot('four-categories-04-list');
  });

  it('exports the list as a workbook with the same rows in the same order', async () => {
    const download = await exportList(page);
    const url = new URL(download.url());
    expect(url.pathname).toBe('/api/v1/four-categories/export.xlsx');
    const { header, rows } = await readWorkbook(download, 'four-categories.xlsx');
    expect(header).toEqual(EXPORT_HEADER);
    expect(rows.map(asListed)).toEqual(await listedRows(page));
    // The filing date is in the sheet though not on the page; the demo's cases are open.
    for (const row of rows) {
      expect(row[4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[5]).toBe('');
    }
  });

  it('exports only what a category filter leaves on the page, and ends without page errors', async () => {
    await page.getByRole('combobox', { name: '类别', exact: true }).click({ force: true });
    await page.getByRole('option', { name: /^（一）/ }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const list = page.locator('.page-card').nth(1);
    await expect.poll(() => list.getByRole('link', { name: fundRaising }).count()).toBe(0);
    const shown = await listedRows(page);
    expect(shown.map((row) => row.caseNumber)).toEqual([ordinary]);
    await expect(page.locator('.page-card').first().locator('.el-table__body-wrapper tr.el-table__row').count()).resolves.toBe(1);
    await h.shot('four-categories-05-filtered');

    const download = await exportList(page);
    expect(new URL(download.url()).searchParams.get('category')).toBe('majorComplexSensitive');
    const { header, rows } = await readWorkbook(download, 'four-categories-filtered.xlsx');
    expect(header).toEqual(EXPORT_HEADER);
    expect(rows.map(asListed)).toEqual(shown);
    expect(h.pageErrors).toEqual([]);
  });
});
