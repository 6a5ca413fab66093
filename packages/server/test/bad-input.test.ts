import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

describe.each(testDialects())('bad input on %s', (dialect) => {
  let platform: TestPlatform;
  let admin: Session;
  let courtId: string;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    admin = await loginReady(platform, 'zy_admin');
    courtId = (await call(platform, admin, 'GET', '/api/v1/auth/me')).json().account.courtId;
  });
  afterAll(() => platform.close());

  const post = (url: string, payload: string, contentType = 'application/json') =>
    platform.app.inject({ method: 'POST', url, payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType } });

  it('answers malformed JSON with a Chinese 400', async () => {
    const res = await post('/api/v1/departments', '{"courtId": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input', message: '请求体不是有效的 JSON' });
  });

  it('rejects unknown fields by name', async () => {
    const res = await call(platform, admin, 'POST', '/api/v1/departments', { courtId, code: 'x1', name: '庭', isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('isAdmin');
  });

  it('rejects over-long strings naming the field and the limit', async () => {
    const res = await call(platform, admin, 'POST', '/api/v1/departments', { courtId, code: 'x2', name: '庭'.repeat(101) });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'name' });
    expect(res.json().fields[0].message).toContain('100');
  });

  it('answers bodies over 1 MB with 413', async () => {
    const res = await post('/api/v1/departments', JSON.stringify({ courtId, code: 'x3', name: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await post('/api/v1/departments', 'name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
  });

  it.each([
    ["Robert'); DROP TABLE account;--", 'sql'],
    ['<script>alert("xss")</script>', 'script'],
    ['" OR 1=1 --', 'quote'],
  ])('stores %s verbatim and keeps every table intact', async (hostile, code) => {
    const created = await call(platform, admin, 'POST', '/api/v1/departments', { courtId, code: `h_${code}`, name: hostile });
    expect(created.statusCode).toBe(200);
    const listed = (await call(platform, admin, 'GET', `/api/v1/departments?courtId=${courtId}`)).json() as { name: string }[];
    expect(listed.map((d) => d.name)).toContain(hostile);
    const search = await call(platform, admin, 'GET', `/api/v1/accounts?keyword=${encodeURIComponent(hostile)}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
    expect((await call(platform, admin, 'GET', '/api/v1/accounts')).json().total).toBeGreaterThan(5);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const res = await call(platform, admin, 'GET', `/api/v1/accounts?keyword=${encodeURIComponent('%')}`);
    expect(res.json().items).toEqual([]);
  });

  it('answers unknown API paths with the JSON error body', async () => {
    const res = await call(platform, admin, 'GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('neutralises spreadsheet formulas in exports', async () => {
    await call(platform, admin, 'POST', '/api/v1/accounts', { courtId, username: 'formula_user', displayName: '=HYPERLINK("http://x")' });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const res = await call(platform, admin, 'GET', '/api/v1/accounts/export.xlsx?keyword=formula_user');
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(2).value;
    expect(cell).toBe(`'=HYPERLINK("http://x")`);
  });
});
