import { changeInitialPassword, locateChromium, login, openMenu, startHarness } from './harness';
const h = await startHarness(locateChromium()!);
const page = h.page;
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text().slice(0, 500)); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack?.slice(0, 800)));
const a = h.server.demoAccounts.find((x) => x.username === 'dc_risk')!;
await page.goto(`${h.server.url}/login`);
await login(page, 'dc_risk', a.password);
await changeInitialPassword(page, a.password, 'Dongcheng#2025risk');
console.log('home ok');
await openMenu(page, '风险登记册');
console.log('register ok');
await page.getByRole('menuitem', { name: '工作台', exact: true }).click();
try { await page.getByRole('heading', { level: 1, name: '风险办专员，您好' }).waitFor({ timeout: 20000 }); console.log('back home ok'); } catch (e) { console.log('FAILED back home', page.url()); }
await h.shot('probe-home');
await h.close();
