import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeInitialPassword, demoAccount, locateChromium, login, logout, openMenu, SHOTS_DIR, startHarness, type Harness } from './harness';

const chromiumPath = locateChromium();

/** Passwords that satisfy the policy (≥10, three classes, no account name). */
const OFFICE_PASSWORD = 'Dongcheng#2025risk';
const UPPER_LEADER_PASSWORD = 'Zhongyuan#2025lead';
const LOCAL_LEADER_PASSWORD = 'Dongcheng#2025lead';

/** The 东城 demo warning this suite confirms: a 黄 (score 9) 帮信 finding on 刑初35号. */
const CASE_NUMBER = /示0101刑初35号/;
const WARNING_TITLE = '疑似帮助信息网络犯罪活动';
const RISK_TITLE = '刑初35号帮信案件银行卡收购团伙涉案风险';
const LEVEL_REASON = '查明收卡团伙在本区多所高校发展下线，涉案银行卡逾百张';
const INSTRUCTION = '请东城法院会同公安东城分局查清收卡团伙上下游，每周报送进展。';
const AGENCY = '示例市公安局东城分局';
const TASK = '查明收卡团伙上下游人员并通报涉案银行卡清单';
const FEEDBACK = '已抓获收卡人员 3 名，查明涉案银行卡 112 张，清单已移送法院';
const RESOLUTION = '收卡团伙已被刑事拘留，涉案银行卡全部冻结，校园宣传已开展，风险已化解。';
const APPROVAL_OPINION = '同意销号，继续关注校园“两卡”治理';

/** A date `days` after today in Beijing, as `YYYY-MM-DD` (the server's calendar). */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Picks `option` in the Element Plus select named `name` (its aria-label or its form label). */
async function choose(page: Page, scope: Page | Locator, name: string, option: string | RegExp): Promise<void> {
  // The select's placeholder (or the chosen value) lies over its input and takes the click.
  await scope.getByRole('combobox', { name, exact: true }).click({ force: true });
  await page.getByRole('option', { name: option }).click();
}

describe.skipIf(!chromiumPath)('东城风险办确认预警为风险，研判升级并上报，中院批示，处置、化解与审批销号', () => {
  let h: Harness;
  let page: Page;
  let office: { password: string; displayName: string };
  let upperLeader: { password: string; displayName: string };
  let localLeader: { password: string; displayName: string };

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    page = h.page;
    office = demoAccount(h, 'dc_risk');
    upperLeader = demoAccount(h, 'zy_leader');
    localLeader = demoAccount(h, 'dc_leader');
  });

  afterAll(async () => {
    await h?.close();
  });

  // The steps build on each other: after a failure, the rest would only repeat it.
  let failed = false;
  beforeEach(({ skip, onTestFailed, task }) => {
    if (failed) skip();
    onTestFailed(async () => {
      failed = true;
      await h.shot(`risk-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
    });
  });

  /** The risk's file, found in the register by its title. */
  async function openRisk(): Promise<void> {
    await openMenu(page, '风险登记册');
    await page.getByLabel('关键字', { exact: true }).fill(RISK_TITLE);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: RISK_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: RISK_TITLE }).waitFor();
  }

  /** Runs one lifecycle action from the risk page's action bar; `fill` completes its dialog. */
  async function act(label: string, fill: (dialog: Locator) => Promise<void> = async () => undefined): Promise<Locator> {
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: label });
    await dialog.waitFor();
    await fill(dialog);
    return dialog;
  }
  async function submit(dialog: Locator, label: string): Promise<void> {
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  const badges = () => page.locator('.risk-detail__badges');
  const tab = (name: RegExp | string) => page.getByRole('tab', { name });
  const panel = (name: RegExp | string) => page.getByRole('tabpanel', { name });

  it('lets the 东城 risk office confirm a 黄 warning into a new risk from the warning list', async () => {
    await page.goto(`${h.server.url}/login`);
    await login(page, 'dc_risk', office.password);
    await changeInitialPassword(page, office.password, OFFICE_PASSWORD);
    await openMenu(page, '预警列表');
    await choose(page, page, '风险类别', '网络安全');
    await choose(page, page, '等级', '三级（黄）');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: CASE_NUMBER }).filter({ hasText: WARNING_TITLE });
    await row.waitFor();
    await row.getByRole('button', { name: '确认' }).click();

    const dialog = page.getByRole('dialog', { name: /^确认预警：疑似帮助信息网络犯罪活动/ });
    await dialog.waitFor();
    await expect(dialog.getByRole('radio', { name: '新建风险' }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('风险标题', { exact: true }).fill(RISK_TITLE);
    const preview = dialog.getByTestId('risk-level-preview');
    await expect(preview.textContent()).resolves.toContain('评分 9');
    await expect(preview.textContent()).resolves.toContain('三级（黄）');
    await dialog.getByLabel('备注', { exact: true }).fill('经核实，被告人系收卡团伙下线');
    await h.shot('risk-01-confirm-warning');
    await submit(dialog, '确认');
    await page.getByText('已确认预警').first().waitFor();
    await expect(row.count()).resolves.toBe(0); // no longer 待研判

    // The confirmed warning leads to its risk.
    await choose(page, page, '状态', '已确认');
    await page.getByRole('button', { name: '查询' }).click();
    const confirmed = page.getByRole('row').filter({ hasText: CASE_NUMBER }).filter({ hasText: WARNING_TITLE });
    await confirmed.getByRole('link', { name: '查看风险' }).click();
    await page.getByRole('heading', { level: 1, name: RISK_TITLE }).waitFor();
    await badges().getByText('三级（黄）').waitFor();
    await badges().getByText('待研判').waitFor();
    await expect(badges().getByText('已自动上报上级法院').count()).resolves.toBe(0); // 黄 stays in the court
    // The case is linked twice: under 关联案件, and in 关联预警 beside the warning that became the risk.
    await page.locator('a.case-link', { hasText: CASE_NUMBER }).waitFor();
    await page.getByRole('row').filter({ hasText: WARNING_TITLE }).getByRole('link', { name: CASE_NUMBER }).waitFor();
    await h.shot('risk-02-new-risk');
  });

  it('records an assessment that raises the risk to 橙, which reports it upward automatically', async () => {
    const start = await act('开始研判', (dialog) => dialog.getByLabel('说明', { exact: true }).fill('商请公安东城分局参加会商'));
    await submit(start, '开始研判');
    await badges().getByText('研判中').waitFor();

    const dialog = await act('记录研判');
    await dialog.getByLabel('研判结论', { exact: true }).fill('收卡团伙组织化程度高，涉及在校学生，需会同公安查清上下游并开展校园治理。');
    await dialog.getByText('调整等级（重新评估可能性与影响程度）').click();
    await choose(page, dialog, '影响程度', '4 - 重大');
    const change = dialog.getByTestId('level-change-preview');
    await change.getByText('二级（橙）').waitFor();
    await expect(change.textContent()).resolves.toContain('评分 9 → 12');
    await dialog.getByLabel('调整理由', { exact: true }).fill(LEVEL_REASON);
    await h.shot('risk-03-assessment-dialog');
    await submit(dialog, '记录研判');

    await badges().getByText('二级（橙）').waitFor();
    await badges().getByText('处置中').waitFor();
    await badges().getByText(/已自动上报上级法院 · /).waitFor();
    const entry = panel('时间线').locator('.el-timeline-item', { hasText: '记录研判' });
    await entry.getByText(`调整理由：${LEVEL_REASON}`).waitFor();
    await expect(entry.getByText('三级（黄）', { exact: true }).count()).resolves.toBe(1);
    await expect(entry.getByText('二级（橙）', { exact: true }).count()).resolves.toBe(1);
    await entry.getByText('已自动上报上级法院', { exact: true }).waitFor();
    await entry.scrollIntoViewIfNeeded();
    await h.shot('risk-04-raised-and-reported');
    await logout(page, office.displayName);
  });

  it('shows the report at the 中院, whose leader gives an instruction (批示)', async () => {
    await login(page, 'zy_leader', upperLeader.password);
    await changeInitialPassword(page, upperLeader.password, UPPER_LEADER_PASSWORD);
    await openMenu(page, '下级上报');
    const row = page.getByRole('row').filter({ hasText: RISK_TITLE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('示例市东城区人民法院');
    await row.getByText('二级（橙）').waitFor();
    await row.getByText('自动上报', { exact: true }).waitFor();
    await h.shot('risk-05-lower-reports');

    await row.getByRole('button', { name: '批示' }).click();
    await page.getByRole('heading', { level: 1, name: RISK_TITLE }).waitFor();
    const instructions = panel(/^批示/);
    await instructions.getByLabel('作出批示').fill(INSTRUCTION);
    await instructions.getByPlaceholder('要求反馈日期（选填）').fill(chinaDate(7));
    await instructions.getByPlaceholder('要求反馈日期（选填）').press('Enter');
    await instructions.getByRole('button', { name: '发送批示' }).click();
    await page.getByText('已发送批示，下级法院将收到通知').waitFor();
    const item = instructions.locator('article', { hasText: INSTRUCTION });
    await item.getByText('待签收').waitFor();
    await item.getByText(`要求 ${chinaDate(7)} 前反馈`).waitFor();
    await h.shot('risk-06-instruction-sent');
    await logout(page, upperLeader.displayName);
  });

  it('has 东城 sign for the instruction and plan a task for an outside agency', async () => {
    await login(page, 'dc_risk', OFFICE_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await openRisk();
    await badges().getByText('1 条批示待签收').waitFor();
    await tab('批示（1 条待签收）').click();
    const item = panel(/^批示/).locator('article', { hasText: INSTRUCTION });
    await item.getByText('示例市中级人民法院 · 分管副院长').waitFor();
    await item.getByRole('button', { name: '签收' }).click();
    const ack = page.getByRole('dialog', { name: '签收' });
    await ack.getByRole('textbox').fill('已成立专班，会同公安东城分局每周报送');
    await ack.getByRole('button', { name: '签收' }).click();
    await item.getByText('已签收', { exact: true }).waitFor();
    await item.getByText('已成立专班，会同公安东城分局每周报送').waitFor();
    await expect(badges().getByText(/条批示待签收/).count()).resolves.toBe(0);
    await h.shot('risk-07-acknowledged');

    const plan = await act('制定处置方案');
    await plan.getByLabel('处置方案', { exact: true }).fill('会同公安查清收卡团伙，冻结涉案银行卡，开展校园“两卡”宣传');
    const task = plan.getByRole('row').filter({ has: page.getByRole('combobox', { name: '承办类型' }) });
    await choose(page, task, '承办类型', '协同单位');
    await choose(page, task, '承办对象', new RegExp(AGENCY));
    await task.getByRole('combobox', { name: '办理期限' }).fill(chinaDate(10));
    await task.getByRole('combobox', { name: '办理期限' }).press('Enter');
    await task.getByRole('textbox', { name: '任务内容' }).fill(TASK);
    await h.shot('risk-08-plan-dialog');
    await submit(plan, '制定处置方案');

    await tab(/^处置方案与任务/).click();
    const row = panel(/^处置方案与任务/).getByRole('row').filter({ hasText: TASK });
    await row.getByText(AGENCY).waitFor();
    await row.getByText('协同单位').waitFor();
    await row.getByText(chinaDate(10)).waitFor();
    await row.getByText('待接收').waitFor();
  });

  it('records the agency’s receipt and feedback on the task for it', async () => {
    const row = panel(/^处置方案与任务/).getByRole('row').filter({ hasText: TASK });
    await row.getByRole('button', { name: '接收' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `确定接收任务「${TASK}」吗？` });
    await confirm.getByRole('button', { name: '接收' }).click();
    await row.getByText('办理中').waitFor();

    await row.getByRole('button', { name: '反馈' }).click();
    const feedback = page.getByRole('dialog', { name: '反馈任务' });
    await feedback.getByLabel('反馈情况', { exact: true }).fill(FEEDBACK);
    await h.shot('risk-09-feedback-dialog');
    await submit(feedback, '反馈');
    await row.getByText(FEEDBACK).waitFor();
    await row.getByText('已反馈').waitFor();

    await row.getByRole('button', { name: '办结' }).click();
    await page.getByRole('dialog').filter({ hasText: `确定办结任务「${TASK}」吗？` }).getByRole('button', { name: '办结' }).click();
    await row.getByText('已办结').waitFor();
    await row.scrollIntoViewIfNeeded();
    await h.shot('risk-10-task-done');
  });

  it('resolves the risk with a residual level; 橙 needs the leader before 销号', async () => {
    const resolve = await act('确认已化解');
    await resolve.getByLabel('化解情况', { exact: true }).fill(RESOLUTION);
    await resolve.getByText('四级（蓝）', { exact: true }).click();
    await expect(resolve.getByRole('radio', { name: '四级（蓝）' }).isChecked()).resolves.toBe(true);
    await expect(resolve.getByRole('radio', { name: '一级（红）' }).count()).resolves.toBe(0); // not above 橙
    await submit(resolve, '确认已化解');
    await badges().getByText('已化解').waitFor();
    await page.getByText(RESOLUTION).first().waitFor();

    // 橙: no 销号 yet; the page says whose turn it is.
    await badges().getByText('待院领导审批销号').waitFor();
    await expect(page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '销号', exact: true }).count()).resolves.toBe(0);
    await h.shot('risk-11-awaiting-approval');
    await logout(page, office.displayName);
  });

  it('lets the 东城 leader approve the closure (审批销号)', async () => {
    await login(page, 'dc_leader', localLeader.password);
    await changeInitialPassword(page, localLeader.password, LOCAL_LEADER_PASSWORD);
    await openRisk();
    const approve = await act('审批销号');
    await approve.getByText(RESOLUTION).waitFor();
    await approve.getByLabel('审批意见', { exact: true }).fill(APPROVAL_OPINION);
    await h.shot('risk-12-approve-closure');
    await submit(approve, '审批销号');
    await page.getByText('已审批销号').first().waitFor();
    await panel('时间线').locator('.el-timeline-item', { hasText: '审批销号' }).waitFor();
    await expect(badges().getByText('待院领导审批销号').count()).resolves.toBe(0);
    await logout(page, localLeader.displayName);
  });

  it('closes the risk citing the approval', async () => {
    await login(page, 'dc_risk', OFFICE_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await openRisk();
    const close = await act('销号');
    await close.getByRole('combobox', { name: '销号审批' }).waitFor();
    await expect(close.getByText(APPROVAL_OPINION).count()).resolves.toBeGreaterThan(0); // the approval is picked
    await close.getByLabel('销号说明', { exact: true }).fill('经分管副院长审批销号');
    await h.shot('risk-13-close');
    await submit(close, '销号');
    await badges().getByText('已销号').waitFor();
    await expect(page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '销号' }).count()).resolves.toBe(0);
    await panel('时间线').locator('.el-timeline-item', { hasText: '销号' }).last().scrollIntoViewIfNeeded();
    await h.shot('risk-14-closed');
  });

  it('exports the filtered register as an XLSX workbook', async () => {
    await openMenu(page, '风险登记册');
    await page.getByLabel('关键字', { exact: true }).fill('帮信');
    await choose(page, page, '状态', '已销号');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: RISK_TITLE });
    await row.waitFor();
    await row.getByText('已销号').waitFor();
    await h.shot('risk-15-register');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const url = new URL(download.url());
    expect(url.pathname).toBe('/api/v1/risks/export');
    expect(url.searchParams.get('keyword')).toBe('帮信');
    expect(url.searchParams.get('status')).toBe('closed');
    const saved = path.join(SHOTS_DIR, 'risk-register.xlsx');
    await download.saveAs(saved);
    const bytes = await readFile(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container, as XLSX is
  });

  it('draws the workbench heat grid of the open risks', async () => {
    await page.getByRole('menuitem', { name: '工作台', exact: true }).click(); // titled with a greeting
    await page.getByRole('heading', { level: 1, name: `${office.displayName}，您好` }).waitFor();
    const chart = page.getByRole('img', { name: /按风险类别与等级分布的热力图/ });
    const canvas = chart.locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(200);
    // Painted, not blank: the share of pixels that are drawn at all, and of those in a strong colour
    // (the 红/橙 cells of the open risks). ECharts may paint the cells on a layer canvas of their own.
    const painted = () =>
      chart.evaluate((root) => {
        let drawn = 0;
        let coloured = 0;
        let all = 0;
        type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null };
        const canvases = Array.from((root as unknown as { querySelectorAll(selector: string): ArrayLike<Canvas> }).querySelectorAll('canvas'));
        for (const el of canvases) {
          const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
          all = Math.max(all, el.width * el.height);
          for (let i = 0; i < data.length; i += 4) {
            const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
            if (a === 0 || (r > 250 && g > 250 && b > 250)) continue;
            drawn += 1;
            if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured += 1;
          }
        }
        return { drawn: drawn / all, coloured: coloured / all };
      });
    await expect.poll(async () => (await painted()).coloured, { timeout: 10_000 }).toBeGreaterThan(0.005);
    expect((await painted()).drawn).toBeGreaterThan(0.02);
    await chart.scrollIntoViewIfNeeded();
    await h.shot('risk-16-workbench');
    expect(h.pageErrors).toEqual([]);
  });
});
