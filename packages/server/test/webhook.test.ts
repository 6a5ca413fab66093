import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/services/notifier.js';
import { createSecretBox } from '../src/services/secret-box.js';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

/** A receiver on 127.0.0.1 that records each request and answers with the status the test sets. */
async function startReceiver() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let status = 200;
  let hang = false;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (hang) return; // never answers: the sender must time out
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    answer: (code: number) => (status = code),
    hangUp: (value: boolean) => (hang = value),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const SECRET = 'court-hook-secret-0001';

/**
 * 消息推送 (issue 4, docs/risk-api.md): court.manage settings with a write-only secret sealed at rest,
 * an outbox filled by `notify`, a worker that signs (HMAC-SHA256 over timestamp.body), times out, and
 * retries 1 min / 5 min / 30 min / 2 h before giving up, recording every attempt.
 */
describe.each(testDialects())('webhook on %s', (dialect) => {
  let platform: TestPlatform;
  let admin: Session;
  let judge: Session;
  let dcAdmin: Session;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let courtId: string;
  let xcCourtId: string;
  let recipient: { id: string; courtId: string };
  let version = 1;

  const hookUrl = () => `/api/v1/courts/${courtId}/webhook`;
  const save = async (body: Record<string, unknown>) => {
    const res = await call(platform, admin, 'PUT', hookUrl(), { version, ...body });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };
  const raise = (kind: 'escalation' | 'mention', title: string) =>
    platform.services.store.transaction((trx) =>
      notify(trx, [{ courtId: recipient.courtId, recipientId: recipient.id, kind, title, body: `${title}：请及时处理`, riskId: undefined }], platform.clock.now().toISOString()),
    );
  const deliveries = async () => (await call(platform, admin, 'GET', `${hookUrl()}/deliveries?pageSize=50`)).json();

  beforeAll(async () => {
    receiver = await startReceiver();
    platform = await createTestPlatform(dialect, { env: { RISK_SCHEDULER_INTERVAL_SECONDS: '0', WEBHOOK_TIMEOUT_SECONDS: '1' } });
    [admin, judge, dcAdmin] = (await Promise.all(['zy_admin', 'zy_judge', 'dc_admin'].map((u) => loginReady(platform, u)))) as [Session, Session, Session];
    const courts = (await call(platform, admin, 'GET', '/api/v1/courts')).json() as { id: string; code: string }[];
    courtId = courts.find((c) => c.code === '示01')!.id;
    xcCourtId = courts.find((c) => c.code === '示0102')!.id;
    const account = (await platform.services.store.repos.accounts.getByUsername('zy_risk'))!;
    recipient = { id: account.id, courtId: account.courtId };
  });
  afterAll(async () => {
    await platform.close();
    await receiver.close();
  });

  it('starts empty and disabled', async () => {
    const res = await call(platform, admin, 'GET', hookUrl());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ courtId, url: '', enabled: false, kinds: [], hasSecret: false, updatedAt: null, version: 1 });
  });

  it('refuses a non-http URL and enabling without a secret, naming the field', async () => {
    const badUrl = await save({ url: 'ftp://example.org/x', enabled: false, kinds: [] });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().fields[0]).toMatchObject({ path: 'url', message: '推送地址应为 http:// 或 https:// 开头的网址' });
    const noKinds = await save({ url: receiver.url, secret: SECRET, enabled: true, kinds: [] });
    expect(noKinds.json().fields[0]).toMatchObject({ path: 'kinds', message: '启用推送时至少选择一种推送类型' });
    const noSecret = await save({ url: receiver.url, enabled: true, kinds: ['escalation'] });
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.json().fields[0]).toMatchObject({ path: 'secret' });
  });

  it('saves the setting, never returns the secret and stores it sealed', async () => {
    const res = await save({ url: receiver.url, secret: SECRET, enabled: true, kinds: ['escalation', 'task_overdue'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ url: receiver.url, enabled: true, kinds: ['escalation', 'task_overdue'], hasSecret: true, version: 2 });
    expect(res.body).not.toContain(SECRET);
    const row = (await platform.services.store.repos.webhooks.getSetting(courtId))!;
    expect(row.secretSealed).toMatch(/^v1\./);
    expect(row.secretSealed).not.toContain(SECRET);
    const audit = (await call(platform, admin, 'GET', '/api/v1/audit-logs?pageSize=5')).json();
    expect(audit.items[0]).toMatchObject({ action: 'webhook.update' });
    expect(audit.items[0].summary).toContain('已更换签名密钥');
    expect(audit.items[0].summary).not.toContain(SECRET);
  });

  it('refuses a stale version', async () => {
    const res = await call(platform, admin, 'PUT', hookUrl(), { url: receiver.url, enabled: true, kinds: ['escalation'], version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale_version');
  });

  it('queues only the kinds the court chose and signs what it sends', async () => {
    await raise('mention', '不推送的提及');
    await raise('escalation', '督办：逾期未研判');
    expect((await deliveries()).total).toBe(1);
    expect(await platform.services.webhooks.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({ event: 'escalation', eventLabel: '逐级督办', title: '督办：逾期未研判', recipient: { id: recipient.id, username: 'zy_risk' } });
    const [t, v1] = String(headers['x-courtrisk-signature']).split(',');
    const timestamp = t!.slice(2);
    expect(Number(timestamp)).toBe(Math.floor(platform.clock.now().getTime() / 1000));
    expect(v1).toBe(`v1=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
    const [delivery] = (await deliveries()).items;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, attemptLog: [{ attempt: 1, statusCode: 200, error: null }] });
    expect(headers['x-courtrisk-delivery']).toBe(delivery.id);
    expect(await platform.services.webhooks.deliverDue()).toBe(0);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    receiver.hangUp(true);
    try {
      const res = await call(platform, admin, 'POST', `${hookUrl()}/test`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ delivered: false, status: null, error: '超时（1 秒内未响应）' });
    } finally {
      receiver.hangUp(false);
    }
  });

  it('sends a test message on demand, audited and listed', async () => {
    const res = await call(platform, admin, 'POST', `${hookUrl()}/test`);
    expect(res.json()).toEqual({ delivered: true, status: 200 });
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ event: 'test', title: '测试推送' });
    expect((await deliveries()).items[0]).toMatchObject({ kind: 'test', status: 'delivered' });
    expect((await call(platform, admin, 'GET', '/api/v1/audit-logs?pageSize=1')).json().items[0].action).toBe('webhook.test');
  });

  it('stops sending what is still queued once the court disables the webhook', async () => {
    await raise('escalation', '督办：停用后不发');
    const before = receiver.received.length;
    expect((await save({ url: receiver.url, enabled: false, kinds: ['escalation'] })).statusCode).toBe(200);
    expect(await platform.services.webhooks.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(before);
    expect((await deliveries()).items.find((d: { lastError: string | null }) => d.lastError === '推送已停用，未发送')).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await save({ url: receiver.url, enabled: true, kinds: ['escalation'] })).statusCode).toBe(200);
  });

  it('seals secrets so that a tampered or foreign ciphertext is refused', () => {
    const box = createSecretBox(() => Buffer.alloc(32, 7));
    const sealed = box.seal(SECRET);
    expect(box.open(sealed)).toBe(SECRET);
    expect(box.seal(SECRET)).not.toBe(sealed); // a fresh IV each time
    const [tag, iv, body, mac] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0]! ^= 1;
    expect(() => box.open([tag, iv, flipped.toString('base64'), mac].join('.'))).toThrow('密文校验失败');
    expect(() => createSecretBox(() => Buffer.alloc(32, 8)).open(sealed)).toThrow('密文校验失败');
  });

  it('is court.manage only: 401, 403, and 404 outside the scope', async () => {
    expect((await call(platform, null, 'GET', hookUrl())).statusCode).toBe(401);
    expect((await call(platform, judge, 'GET', hookUrl())).statusCode).toBe(403);
    expect((await call(platform, judge, 'GET', `${hookUrl()}/deliveries`)).statusCode).toBe(403);
    // 东城区's admin manages its own court only: the 中院 and the sibling 西城区 do not exist for it.
    expect((await call(platform, dcAdmin, 'GET', hookUrl())).statusCode).toBe(404);
    expect((await call(platform, dcAdmin, 'PUT', `/api/v1/courts/${xcCourtId}/webhook`, { url: receiver.url, enabled: false, kinds: [], version: 1 })).statusCode).toBe(404);
  });

  // Last: it moves the clock a day on, past every session's expiry.
  it('retries after 1 min, 5 min, 30 min and 2 h, then gives up, recording each attempt', async () => {
    receiver.answer(500);
    await raise('escalation', '督办：重试');
    const sent = () => receiver.received.filter((r) => JSON.parse(r.body).title === '督办：重试').length;
    expect(await platform.services.webhooks.deliverDue()).toBe(1);
    for (const minutes of [1, 5, 30, 120]) {
      platform.clock.advanceMinutes(minutes - 1);
      expect(await platform.services.webhooks.deliverDue(), `${minutes - 1} min after the failure it waits`).toBe(0);
      platform.clock.advanceMinutes(1);
      expect(await platform.services.webhooks.deliverDue()).toBe(1);
    }
    expect(sent()).toBe(5);
    platform.clock.advanceMinutes(24 * 60);
    expect(await platform.services.webhooks.deliverDue()).toBe(0);
    admin = await login(platform, 'zy_admin', STRONG_PASSWORD); // the day ended the old session
    const failed = (await deliveries()).items.find((d: { status: string }) => d.status === 'failed');
    expect(failed).toMatchObject({ attempts: 5, lastStatusCode: 500, lastError: '接收方返回 HTTP 500', nextAttemptAt: null });
    expect(failed.attemptLog.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    receiver.answer(200);
  });
});
