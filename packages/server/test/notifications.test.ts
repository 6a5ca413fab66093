import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify, type NewNotification } from '../src/services/notifier.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

/**
 * 站内通知 (issue 4, docs/risk-api.md "Notifications"): `notify` inside a transaction with
 * de-duplication keys, and the signed-in account's own inbox.
 */
describe.each(testDialects())('notifications on %s', (dialect) => {
  let platform: TestPlatform;
  let risk: Session;
  let judge: Session;
  let riskAccount: { id: string; courtId: string };
  let judgeAccount: { id: string; courtId: string };

  const at = () => platform.clock.now().toISOString();
  const send = (items: NewNotification[]) => platform.services.store.transaction((trx) => notify(trx, items, at()));
  const note = (recipient: { id: string; courtId: string }, extra: Partial<NewNotification> = {}): NewNotification => ({
    courtId: recipient.courtId,
    recipientId: recipient.id,
    kind: 'mention',
    title: '有人在风险事项中提到了您',
    body: '请查看「某小区逾期交房群体性纠纷」的最新评论',
    link: '/risks/x',
    ...extra,
  });
  const inbox = async (session: Session, query = '') => (await call(platform, session, 'GET', `/api/v1/notifications${query}`)).json();

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: { RISK_SCHEDULER_INTERVAL_SECONDS: '0' } });
    [risk, judge] = (await Promise.all(['zy_risk', 'zy_judge'].map((u) => loginReady(platform, u)))) as [Session, Session];
    const account = async (username: string) => {
      const row = (await platform.services.store.repos.accounts.getByUsername(username))!;
      return { id: row.id, courtId: row.courtId };
    };
    riskAccount = await account('zy_risk');
    judgeAccount = await account('zy_judge');
  });
  afterAll(() => platform.close());

  it('notifies a dedupe key once per recipient, across calls and within one call', async () => {
    await send([note(riskAccount, { dedupeKey: 'r1:firstAssessment:1:owner' }), note(judgeAccount, { dedupeKey: 'r1:firstAssessment:1:owner' })]);
    await send([note(riskAccount, { dedupeKey: 'r1:firstAssessment:1:owner' }), note(riskAccount, { dedupeKey: 'r1:firstAssessment:1:owner' })]);
    expect((await inbox(risk)).total).toBe(1);
    expect((await inbox(judge)).total).toBe(1);
  });

  it('keeps every notification without a key', async () => {
    await send([note(judgeAccount, { kind: 'assignment', title: '新的处置任务' }), note(judgeAccount, { kind: 'assignment', title: '新的处置任务' })]);
    expect((await inbox(judge)).total).toBe(3);
  });

  it('rolls back with the transaction that raised it', async () => {
    await expect(
      platform.services.store.transaction(async (trx) => {
        await notify(trx, [note(riskAccount, { title: '不应留下' })], at());
        throw new Error('业务写入失败');
      }),
    ).rejects.toThrow('业务写入失败');
    expect((await inbox(risk)).items.map((n: { title: string }) => n.title)).not.toContain('不应留下');
  });

  it('lists only the caller’s own notifications, newest first, with the kind in Chinese', async () => {
    platform.clock.advanceMinutes(5);
    await send([note(riskAccount, { kind: 'upward_report', title: '下级法院上报了红色风险' })]);
    const page = await inbox(risk);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ kind: 'upward_report', kindLabel: '下级上报', title: '下级法院上报了红色风险', read: false, readAt: null });
    expect(page.items.every((n: { title: string }) => n.title !== '新的处置任务')).toBe(true);
  });

  it('counts unread, marks one read, then all, and filters unread', async () => {
    expect((await call(platform, judge, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 3 });
    const first = (await inbox(judge)).items[0];
    const read = await call(platform, judge, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: first.id, read: true, readAt: at() });
    expect((await inbox(judge, '?unreadOnly=true')).total).toBe(2);
    expect((await call(platform, judge, 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ count: 2 });
    expect((await call(platform, judge, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('answers 404 for someone else’s notification and leaves it unread', async () => {
    const theirs = (await inbox(risk)).items[0];
    const res = await call(platform, judge, 'POST', `/api/v1/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('通知');
    expect((await inbox(risk)).items[0].read).toBe(false);
  });

  it('answers 401 without a session and 400 for a bad page size', async () => {
    expect((await call(platform, null, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    expect((await call(platform, null, 'GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
    const bad = await call(platform, risk, 'GET', '/api/v1/notifications?pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('pageSize');
  });
});
