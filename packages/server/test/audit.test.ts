import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../src/services/log.service.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

/** The SM3 hash chain (GB/T 32905-2016) must expose any edited or deleted audit row. */
describe.each(testDialects())('tamper-evident audit log on %s', (dialect) => {
  let platform: TestPlatform;
  let admin: Session;
  let courtId: string;

  beforeEach(async () => {
    platform = await createTestPlatform(dialect);
    admin = await loginReady(platform, 'zy_admin');
    courtId = (await call(platform, admin, 'GET', '/api/v1/auth/me')).json().account.courtId;
    for (const code of ['a1', 'a2', 'a3']) {
      await call(platform, admin, 'POST', '/api/v1/departments', { courtId, code, name: `部门${code}` });
    }
  });
  afterEach(() => platform.close());

  const entries = () =>
    platform.database.db.selectFrom('auditLog').selectAll().where('courtId', '=', courtId).orderBy('seq').execute();

  it('verifies an untouched chain', async () => {
    const res = await call(platform, admin, 'POST', '/api/v1/audit-logs/verify');
    expect(res.json()).toMatchObject({ ok: true, broken: null });
    expect(res.json().checked).toBeGreaterThan(5);
  });

  it('records who, court, action, target, time, IP and a summary for every write', async () => {
    const created = (await entries()).filter((e) => e.action === 'department.create');
    expect(created).toHaveLength(3);
    expect(created[0]).toMatchObject({ actorName: 'zy_admin', courtId, targetType: 'department', ip: '127.0.0.1' });
    expect(created[0]!.summary).toContain('部门a1');
  });

  it('names the edited row when one summary is changed', async () => {
    const victim = (await entries()).find((e) => e.action === 'department.create')!;
    await platform.database.db.updateTable('auditLog').set({ summary: '无事发生' }).where('id', '=', victim.id).execute();
    const result = await verifyAuditChains(platform.services.store.repos);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ courtId, seq: Number(victim.seq), id: victim.id });
    expect(result.broken!.reason).toContain('篡改');
    const api = await call(platform, admin, 'POST', '/api/v1/audit-logs/verify');
    expect(api.json().broken.id).toBe(victim.id);
  });

  it('names the gap when a row in the middle is deleted', async () => {
    const all = await entries();
    const victim = all[2]!;
    await platform.database.db.deleteFrom('auditLog').where('id', '=', victim.id).execute();
    const result = await verifyAuditChains(platform.services.store.repos);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ courtId, seq: Number(victim.seq) });
    expect(result.broken!.reason).toContain('缺失');
  });

  it('notices a deleted last row through the chain head', async () => {
    const all = await entries();
    await platform.database.db.deleteFrom('auditLog').where('id', '=', all.at(-1)!.id).execute();
    const result = await verifyAuditChains(platform.services.store.repos);
    expect(result.ok).toBe(false);
    expect(result.broken!.seq).toBe(Number(all.at(-1)!.seq));
  });

  it('notices a row whose hash was recomputed after editing, by the next link', async () => {
    const victim = (await entries())[1]!;
    await platform.database.db.updateTable('auditLog').set({ hash: 'f'.repeat(64) }).where('id', '=', victim.id).execute();
    const result = await verifyAuditChains(platform.services.store.repos);
    expect(result.ok).toBe(false);
    expect(result.broken!.id).toBe(victim.id);
  });

  it('keeps appending a linear chain under concurrent writes', async () => {
    await Promise.all(
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((code) => call(platform, admin, 'POST', '/api/v1/departments', { courtId, code, name: code })),
    );
    const seqs = (await entries()).map((e) => Number(e.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await verifyAuditChains(platform.services.store.repos)).ok).toBe(true);
    await sql`select 1`.execute(platform.database.db);
  });
});
