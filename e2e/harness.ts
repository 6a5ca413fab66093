import { execFileSync } from 'node:child_process';
import { access, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '@courtrisk/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Screenshots land here so a person can look at every step of a run. */
export const SHOTS_DIR = '/tmp/e2e-shots';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The system's Chromium (Debian package; a browser is never downloaded). Missing it fails the
 * run in CI and skips the suite, loudly, on a developer machine.
 */
export function locateChromium(): string | null {
  let found = '';
  try {
    found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    found = '';
  }
  if (found) return found;
  const hint = 'Chromium not found: install it with `apt-get install -y chromium`.';
  if (process.env.CI === 'true') throw new Error(`${hint} Browser end-to-end tests cannot be skipped in CI.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING browser end-to-end tests. ${hint}\n${'!'.repeat(78)}\n`);
  return null;
}

/** How many animations in the page will still end (spinners, which never do, left out). Runs in the page. */
function finiteAnimations(): number {
  // These suites are type-checked without the DOM library: the little of it used here, spelled out.
  type Animations = { getAnimations(): { effect: { getTiming(): { iterations?: number } } | null }[] };
  const { document } = globalThis as unknown as { document: Animations };
  return document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).length;
}

/** Menus, dialogs and messages have stopped moving, so a screenshot shows the page at rest. */
async function animationsSettled(page: Page): Promise<void> {
  // Polled from outside: the page's CSP forbids the string evaluation page.waitForFunction uses.
  await expect.poll(() => page.evaluate(finiteAnimations)).toBe(0);
}

export interface Harness {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a flow should end with none. */
  pageErrors: string[];
  /** Saves `<SHOTS_DIR>/<name>.png` of the whole page, once its animations have ended. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The web build under test; E2E_WEB_DIST points a run at a build made elsewhere, leaving the shared `dist` alone. */
const WEB_DIST = process.env.E2E_WEB_DIST ? path.resolve(process.env.E2E_WEB_DIST) : path.resolve(import.meta.dirname, '../packages/web/dist');

/**
 * A copy of the web build for one run. A rebuild in the shared tree (another suite, a colleague)
 * empties `dist` and renames every chunk; the page of a running suite would then fail to load its
 * next view. The copy must be complete: every asset index.html names is there.
 */
async function snapshotWebBuild(into: string): Promise<string> {
  const target = path.join(into, 'web');
  await cp(WEB_DIST, target, { recursive: true });
  const index = await readFile(path.join(target, 'index.html'), 'utf8').catch(() => '');
  const assets = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
  const missing: string[] = [];
  for (const asset of assets) await access(path.join(target, asset)).catch(() => missing.push(asset));
  if (!index || missing.length > 0) {
    throw new Error(`The web build in ${WEB_DIST} is missing or incomplete (a build in progress?): run \`npm run build --workspace @courtrisk/web\`.`);
  }
  return target;
}

/** Starts the platform on a fresh demo database and a fresh browser profile, both in temp dirs. */
export async function startHarness(executablePath: string): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courtrisk-e2e-data-'));
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'courtrisk-e2e-profile-'));
  await mkdir(SHOTS_DIR, { recursive: true });

  const server = await startServer({
    env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_DIST: await snapshotWebBuild(dataDir) },
    demo: true,
  });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  return {
    server,
    context,
    page,
    pageErrors,
    async shot(name) {
      await animationsSettled(page);
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A demo account with its one-time password, as the demo seed printed it. */
export function demoAccount(h: Harness, username: string) {
  const account = h.server.demoAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`demo data has no ${username}`);
  return account;
}

/** Fills the login form and submits it. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The forced first-login password change, ending on the home page. */
export async function changeInitialPassword(page: Page, current: string, next: string): Promise<void> {
  await page.waitForURL('**/password');
  await expect(page.getByText('首次登录，请先修改密码').isVisible()).resolves.toBe(true);
  await page.getByLabel('当前密码', { exact: true }).fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码', { exact: true }).fill(next);
  await page.getByText('新密码符合要求').waitFor();
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

/** Opens a page from the side menu and waits for its title. */
export async function openMenu(page: Page, title: string): Promise<void> {
  await page.getByRole('menuitem', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Uploads a CSV on the 案件导入 page, starts the import and waits until its progress bar is full. */
export async function uploadCsv(page: Page, name: string, content: string | Buffer) {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.locator('.import-upload input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByText(name).first().waitFor();
  await page.getByRole('button', { name: '开始导入' }).click();
  const result = page.getByTestId('import-result');
  await result.getByRole('progressbar').and(page.locator('[aria-valuenow="100"]')).waitFor({ timeout: 30_000 });
  // …and the bar itself has grown to full width (it animates), as the person watching sees it.
  const width = async (selector: string) => (await result.locator(selector).boundingBox())?.width ?? 0;
  await expect
    .poll(async () => (await width('.el-progress-bar__inner')) >= (await width('.el-progress-bar__outer')) - 1, { timeout: 10_000 })
    .toBe(true);
  return result;
}
