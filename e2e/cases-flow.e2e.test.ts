import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, logout, openMenu, SHOTS_DIR, startHarness, uploadCsv, type Harness } from './harness';

const chromiumPath = locateChromium();

const RISK_NEW_PASSWORD = 'Risk#2025office';
const ADMIN_NEW_PASSWORD = 'Court#2025admin';

/** Case numbers of this suite: 示01 is the 中院's code; serials far from the demo's. */
const FLAGGED = '(2023)示01民初8801号';
const PLAIN = '(2023)示01民初8802号';
const WAGES = '(2023)示01民初8806号';
const FUND_RAISING_FACTS =
  '被告某某财富投资有限公司自2021年起在多个小区举办讲座，向社会公众宣传其“稳盈宝”理财产品，承诺年化收益15%，' +
  '到期还本付息，共吸收资金六千余万元。原告于2022年3月投入80万元，到期后被告以资金周转困难为由拒不兑付。';

const WAGES_FACTS = '原告等二十余名农民工受雇于被告承建的安置房项目，被告拖欠工资共计八十万元，原告多次讨薪未果，扬言要到市政府集体上访。';

/** A CSV as court staff would save it from Excel: three good rows, three bad ones. */
function casesCsv(): string {
  const header = '案号*,案件类型,审理程序,案由,立案日期*,案件状态,承办法官,承办部门,标的额（元）,当事人,诉讼请求,事实与理由';
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = [
    [FLAGGED, '民事', '普通程序', '民间借贷纠纷', '2023-05-08', '在审', '周法官', '民事审判第一庭', '800000',
      '原告：陈某；被告：某某财富投资有限公司（法人）', '判令被告返还投资款80万元及利息', FUND_RAISING_FACTS],
    [PLAIN, '民事', '简易程序', '买卖合同纠纷', '2023-06-01', '在审', '吴法官', '民事审判第二庭', '30000',
      '原告：郑某；被告：王某', '判令被告支付货款3万元', '原、被告之间存在买卖合同关系，被告收货后未支付货款。'],
    ['(2023)示01民初8803号', '民事', '普通程序', '民间借贷纠纷', '2023-02-30', '在审', '', '', '', '原告：冯某', '', '立案日期不存在'],
    ['示01民初8804号', '民事', '普通程序', '', '2023-04-02', '在审', '', '', '', '', '', '案号缺少年度'],
    ['(2023)示01民初8805号', '民事', '普通程序', '', '2023-04-03', '审理中', '', '', '', '', '', '状态写错'],
    [WAGES, '民事', '普通程序', '劳动争议', '2023-07-10', '在审', '周法官', '民事审判第一庭', '800000',
      '原告：赵某；原告：钱某；被告：某某建筑工程有限公司', '判令被告支付拖欠的工资', WAGES_FACTS],
  ];
  return `\uFEFF${[header, ...rows.map((row) => row.map(quote).join(','))].join('\r\n')}\r\n`;
}

/** The number shown next to a label in the import result (新增 / 更新 / 未变 / 错误). */
async function count(result: ReturnType<Page['getByTestId']>, label: string) {
  const cell = result.locator('.el-descriptions__cell', { hasText: label }).first();
  const text = await cell.locator('xpath=following-sibling::*[1]').textContent();
  return text?.trim();
}

describe.skipIf(!chromiumPath)('风险防控办导入案件、查看证据并研判预警；管理员维护筛查规则', () => {
  let h: Harness;
  let page: Page;
  let risk: { password: string; displayName: string };
  let admin: { password: string; displayName: string };

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    risk = demoAccount(h, 'zy_risk');
    admin = demoAccount(h, 'zy_admin');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lets the risk office in, with the 案件与预警 menu', async () => {
    await page.goto(`${h.server.url}/login`);
    await login(page, 'zy_risk', risk.password);
    await changeInitialPassword(page, risk.password, RISK_NEW_PASSWORD);
    for (const title of ['案件列表', '案件导入', '预警列表', '筛查规则']) {
      await page.getByRole('menuitem', { name: title, exact: true }).waitFor();
    }
    await openMenu(page, '案件列表');
    await page.getByPlaceholder('案号或当事人').fill('不存在的当事人名称');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有符合条件的案件，请调整筛选条件').waitFor();
    await h.shot('cases-01-list-no-match');
  });

  it('imports a CSV with bad rows, shows the progress bar at 100% and the problems by row', async () => {
    await openMenu(page, '案件导入');
    await page.getByText('GB18030 / GBK').first().waitFor();
    await h.shot('cases-02-import-page');

    const result = await uploadCsv(page, '示例案件.csv', casesCsv());
    await result.getByText('已完成').first().waitFor();
    expect(await count(result, '新增')).toBe('3');
    expect(await count(result, '错误')).toBe('3');
    expect(await count(result, '文件编码')).toBe('UTF-8');
    const problems = result.locator('.el-table');
    await problems.getByText('日期不存在').waitFor();
    await problems.getByText('格式不正确').waitFor();
    await problems.getByText('“审理中”不在可选范围内', { exact: false }).waitFor();
    await expect(problems.locator('.el-table__row').count()).resolves.toBe(3);
    await h.shot('cases-03-import-result');
  });

  it('downloads the error report as an XLSX workbook', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-result').getByRole('link', { name: '下载错误报告' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(SHOTS_DIR, 'cases-error-report.xlsx');
    await download.saveAs(saved);
    const bytes = await readFile(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container, as XLSX is
  });

  it('updates rather than duplicates when the same file is imported again', async () => {
    const result = await uploadCsv(page, '示例案件（重复导入）.csv', casesCsv());
    await result.getByText('已完成').first().waitFor();
    expect(await count(result, '新增')).toBe('0');
    expect(await count(result, '未变')).toBe('3');
    await page.getByRole('table').last().getByText('示例案件（重复导入）.csv').waitFor();
    await h.shot('cases-04-reimport');
  });

  it('reads a CSV saved in GBK (Excel on Chinese Windows) and says so', async () => {
    const header = '案号*,案件类型,案由,立案日期*,当事人,事实与理由';
    const row = '(2023)示01民初8807号,民事,买卖合同纠纷,2023-08-01,原告：孙某；被告：李某,双方系买卖合同关系，被告收货后未付款。';
    const result = await uploadCsv(page, '案件-GBK.csv', iconv.encode(`${header}\r\n${row}\r\n`, 'gbk'));
    await result.getByText('已完成').first().waitFor();
    expect(await count(result, '新增')).toBe('1');
    expect(await count(result, '错误')).toBe('0');
    expect(await count(result, '文件编码')).toBe('GB18030 / GBK');
    await result.getByText('所有行均已成功导入。').waitFor();
  });

  it('lists the flagged case with a coloured warning tag and opens it with the evidence highlighted', async () => {
    await openMenu(page, '案件列表');
    await page.getByPlaceholder('案号或当事人').fill('8801');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row', { name: new RegExp(FLAGGED.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    await expect(row.getByText('800,000.00 元').isVisible()).resolves.toBe(true);
    await expect(row.locator('.risk-level').count()).resolves.toBe(1);
    await page.getByPlaceholder('案号或当事人').fill('示01民初88');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: PLAIN }).waitFor();
    await expect(page.locator('.el-table__row').count()).resolves.toBe(4); // the first file imported twice, stored once
    await h.shot('cases-05-list');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 XLSX' }).click()]);
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(exported.url()).toContain('keyword=%E7%A4%BA01%E6%B0%91%E5%88%9D88'); // the filters on screen

    await page.getByRole('link', { name: FLAGGED }).click();
    await page.getByRole('heading', { level: 1, name: FLAGGED }).waitFor();
    const facts = page.getByTestId('case-facts');
    const mark = facts.locator('mark', { hasText: '社会公众' });
    await mark.waitFor();
    await expect(facts.locator('mark', { hasText: '还本付息' }).count()).resolves.toBe(1);
    await expect(facts.textContent()).resolves.toBe(FUND_RAISING_FACTS);
    await mark.hover();
    await page.locator('.evidence-tip', { hasText: 'FIN-DEPOSIT-01 疑似非法吸收公众存款（关键词「社会公众」）' }).waitFor();
    await h.shot('cases-06-detail-evidence');
  });

  it('comes back from a case to the list as it was filtered, by 返回案件列表 or the browser’s Back', async () => {
    const keyword = page.getByPlaceholder('案号或当事人');
    await page.getByRole('button', { name: '返回案件列表' }).click();
    await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('keyword') === '示01民初88');
    await expect(keyword.inputValue()).resolves.toBe('示01民初88');
    await page.getByRole('link', { name: PLAIN }).waitFor();
    await expect(page.locator('.el-table__row').count()).resolves.toBe(4);

    await page.locator('.el-form-item', { hasText: '有无预警' }).locator('.el-select').click();
    await page.getByRole('option', { name: '有预警', exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((url) => url.searchParams.get('hasWarnings') === 'true');
    await page.getByRole('link', { name: PLAIN }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: FLAGGED }).click();
    await page.getByRole('heading', { level: 1, name: FLAGGED }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: WAGES }).waitFor();
    await expect(keyword.inputValue()).resolves.toBe('示01民初88');
    await expect(page.locator('.el-form-item', { hasText: '有无预警' }).locator('.el-select').textContent()).resolves.toContain('有预警');
    await expect(page.getByRole('link', { name: PLAIN }).count()).resolves.toBe(0);
    await h.shot('cases-06b-list-restored');

    await page.getByRole('link', { name: FLAGGED }).click(); // the next steps work on this case
    await page.getByRole('heading', { level: 1, name: FLAGGED }).waitFor();
  });

  it('dismisses a warning only with a reason, and shows its new status', async () => {
    const card = page.locator('.finding-card', { hasText: '疑似非法吸收公众存款' });
    await expect(card.getByTestId('warning-status').textContent()).resolves.toContain('待研判');
    await card.getByRole('button', { name: '排除' }).click();
    const dialog = page.getByRole('dialog', { name: /排除预警/ });
    await dialog.getByRole('button', { name: '排除' }).click();
    await dialog.getByText('请填写排除理由').waitFor();
    await dialog.getByLabel('排除理由').fill('经核实，被告系向少数亲友借款，未向社会公众宣传，不构成非法集资。');
    await h.shot('cases-07-dismiss-dialog');
    await dialog.getByRole('button', { name: '排除' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByTestId('warning-status').filter({ hasText: '已排除' }).waitFor();
    await card.getByText('未向社会公众宣传').waitFor();
    // The dismissed warning's keywords stay marked, in grey, and say so on hover.
    const greyed = page.getByTestId('case-facts').locator('mark.evidence-mark--none', { hasText: '社会公众' });
    await greyed.hover();
    await page.locator('.evidence-tip', { hasText: '（已排除）' }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole('button', { name: '排除' }).count()).resolves.toBe(0);
    await h.shot('cases-08-dismissed');
  });

  it('confirms one warning and merges another of the same case into it', async () => {
    await openMenu(page, '案件列表');
    await page.getByPlaceholder('案号或当事人').fill('8806');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: WAGES }).click();
    await page.getByRole('heading', { level: 1, name: WAGES }).waitFor();
    const gathering = page.locator('.finding-card', { hasText: '非正常上访' });
    const labour = page.locator('.finding-card', { hasText: '劳动争议或欠薪群体案件' });

    await gathering.getByRole('button', { name: '确认' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await gathering.getByTestId('warning-status').filter({ hasText: '已确认' }).waitFor();

    await labour.getByRole('button', { name: '合并' }).click();
    const dialog = page.getByRole('dialog', { name: '合并预警' });
    await dialog.getByRole('button', { name: '合并' }).click();
    await dialog.getByText('请选择要合并到的预警').waitFor();
    await dialog.locator('.el-select').click();
    await page.getByRole('option', { name: /非正常上访/ }).click();
    await dialog.getByRole('button', { name: '合并' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await labour.getByTestId('warning-status').filter({ hasText: '已合并' }).waitFor();
    await labour.getByText('已合并到「聚众扰乱秩序、冲击国家机关或非正常上访」').waitFor();
    await h.shot('cases-09-confirm-merge');
  });

  it('lists pending warnings and opens a case from the list', async () => {
    await openMenu(page, '预警列表');
    await page.locator('.el-table__row').first().waitFor();
    await expect(page.getByRole('link', { name: FLAGGED }).count()).resolves.toBe(0); // dismissed: no longer 待研判
    await expect(page.getByRole('link', { name: WAGES }).count()).resolves.toBe(0);
    await h.shot('cases-10-warnings');
    await page.locator('.el-table__row').first().getByRole('button', { name: '查看案件' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.locator('.finding-card').first().waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the risk office the rules read-only, with 试运行 but no 回测 or saving', async () => {
    await openMenu(page, '筛查规则');
    const financial = page.getByRole('region', { name: '金融风险' });
    await expect(financial.locator('.el-switch').count()).resolves.toBe(0);
    await financial.getByRole('button', { name: '查看规则' }).click();
    await page.getByText('您没有维护规则的权限，只能查看。').waitFor();
    await expect(page.getByRole('textbox', { name: '规则内容（YAML）' }).getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByRole('button', { name: '保存为新版本' }).count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: '回测' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: '试运行' }).waitFor();
    await logout(page, risk.displayName);
  });

  it('shows the administrator the rule packs with the dismissal counted against the rule', async () => {
    await login(page, 'zy_admin', admin.password);
    await changeInitialPassword(page, admin.password, ADMIN_NEW_PASSWORD);
    await openMenu(page, '筛查规则');
    const financial = page.getByRole('region', { name: '金融风险' });
    await financial.waitFor();
    await financial.getByRole('button', { name: /规则明细/ }).click();
    const rule = financial.getByRole('row', { name: /FIN-DEPOSIT-01/ });
    await rule.waitFor();
    await expect(rule.textContent()).resolves.toContain('0%'); // one dismissal, no confirmation
    await h.shot('cases-11-rules');

    const cyber = page.getByRole('region', { name: '网络安全风险' });
    await cyber.locator('.el-switch').click();
    const toggle = page.getByRole('dialog', { name: '停用规则包「网络安全风险」' });
    await toggle.getByLabel('说明').fill('演练：临时停用网络安全规则包');
    await toggle.getByRole('button', { name: '停用' }).click();
    await toggle.waitFor({ state: 'hidden' });
    await expect(cyber.getByRole('switch').getAttribute('aria-checked')).resolves.toBe('false');
    await cyber.getByText('演练：临时停用网络安全规则包').waitFor();
  });

  it('marks the lines of an invalid edit, dry-runs and backtests the edited rules, then saves a version', async () => {
    await page.getByRole('region', { name: '金融风险' }).getByRole('button', { name: '编辑规则' }).click();
    await page.getByRole('heading', { level: 1, name: '规则编辑：金融风险' }).waitFor();
    const editor = page.getByRole('textbox', { name: '规则内容（YAML）' });
    const original = await editor.inputValue();
    expect(original).toContain('FIN-DEPOSIT-01');

    await editor.fill(original.replace('id: FIN-DEPOSIT-01', 'id: fin-deposit-01'));
    await page.getByRole('button', { name: '保存为新版本' }).click();
    const save = page.getByRole('dialog', { name: '保存规则包' });
    await save.getByLabel('修改说明').fill('误改规则编号');
    await save.getByRole('button', { name: '保存' }).click();
    const problems = page.getByTestId('rule-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('规则编号');
    const marked = page.locator('.code-editor__gutter-mark');
    await expect(marked.count()).resolves.toBeGreaterThanOrEqual(1);
    const badLine = Number(await marked.first().getAttribute('data-line'));
    expect(original.split('\n')[badLine - 1]).toContain('FIN-DEPOSIT-01');
    await marked.first().waitFor(); // scrolled into view beside the editor's text
    await h.shot('cases-12-rule-problems');

    const edited = original.replace('高额回报, ', '高额回报, 保本保息, ');
    expect(edited).not.toBe(original);
    await editor.fill(edited);
    await page.getByLabel('事实与理由', { exact: true }).fill('某公司向社会公众推销理财产品，承诺保本保息，共吸收资金三百万元。');
    await page.getByRole('button', { name: '试运行' }).last().click();
    const dry = page.getByTestId('dry-run-result');
    await dry.getByText(/命中 \d+ 条规则/).waitFor();
    await dry.locator('.finding-card', { hasText: '疑似非法吸收公众存款' }).waitFor();
    await expect(dry.locator('mark', { hasText: '保本保息' }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(problems.count()).resolves.toBe(0);
    await dry.scrollIntoViewIfNeeded();
    await h.shot('cases-13-dry-run');

    await page.getByRole('tab', { name: '回测' }).click();
    await page.getByRole('button', { name: '开始回测' }).click();
    await page.getByRole('progressbar', { name: '回测进度' }).and(page.locator('[aria-valuenow="100"]')).waitFor({ timeout: 30_000 });
    await page.getByTestId('backtest-result').getByText('FIN-DEPOSIT-01').waitFor();
    await page.getByTestId('backtest-result').scrollIntoViewIfNeeded();
    await h.shot('cases-14-backtest');

    await page.getByRole('button', { name: '保存为新版本' }).click();
    await save.getByLabel('修改说明').fill('增加“保本保息”关键词');
    await save.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存为本院第 2 版').waitFor();
    await page.getByRole('progressbar', { name: '重新筛查案件' }).waitFor();
    await page.getByRole('tab', { name: '版本历史' }).click();
    const history = page.getByRole('tabpanel', { name: '版本历史' });
    await history.getByText('增加“保本保息”关键词').waitFor();
    await history.getByRole('row', { name: /v1/ }).getByRole('button', { name: '查看' }).click();
    await page.getByText('正在查看第 1 版（只读）').waitFor();
    await expect(editor.getAttribute('readonly')).resolves.not.toBeNull();
    await h.shot('cases-15-rule-history');
    expect(h.pageErrors).toEqual([]);
  });
});
