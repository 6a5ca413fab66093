import type { ImportJobView, SessionView } from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { setHttpSessionHooks } from '../../api/http';
import { useAuthStore } from '../../stores/auth';
import { isImportableFile, useCaseImport } from './useCaseImport';

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessage: Object.assign(vi.fn(), { warning: vi.fn(), error: vi.fn(), success: vi.fn() }),
}));

const session: SessionView = {
  account: {
    id: 'a1',
    username: 'zy_risk',
    displayName: '风险办专员',
    courtId: 'c1',
    courtName: '示例市中级人民法院',
    departmentId: null,
    departmentName: null,
    mustChangePassword: false,
  },
  roles: [{ id: 'r1', code: 'risk_office', name: '风险防控办' }],
  permissions: ['case.read', 'case.import'],
  scope: 'court_and_below',
  csrfToken: 'csrf-1',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

const job = (overrides: Partial<ImportJobView>): ImportJobView => ({
  id: 'job-1',
  courtId: 'c1',
  kind: 'case',
  fileName: '案件.csv',
  format: 'csv',
  encoding: null,
  sizeBytes: 2048,
  status: 'queued',
  totalRows: null,
  processedRows: 0,
  okRows: 0,
  errorRows: 0,
  createdCount: 0,
  updatedCount: 0,
  unchangedCount: 0,
  percent: 0,
  message: null,
  createdAt: '2025-01-15T01:00:00.000Z',
  finishedAt: null,
  ...overrides,
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** The server as the import page sees it: the job advances one step per poll. */
function fakeServer(steps: ImportJobView[]) {
  const calls: { method: string; url: string; init: RequestInit }[] = [];
  let latest: ImportJobView | undefined;
  const fetchMock = vi.fn<typeof fetch>(async (input, init = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, init });
    if (method === 'POST' && url.startsWith('/api/v1/imports/cases')) return json(job({}));
    if (url === '/api/v1/imports') return json(latest ? [latest] : []);
    if (url === '/api/v1/imports/job-1') return json((latest = steps.shift()));
    if (url === '/api/v1/imports/job-1/errors') {
      return json([
        { row: 4, column: '立案日期', message: '日期不存在', caseNumber: '(2024)示01民初103号' },
        { row: 5, column: '案号', message: '案号格式不正确', caseNumber: null },
      ]);
    }
    throw new Error(`unexpected ${method} ${url}`);
  });
  return { calls, fetchMock, polls: () => calls.filter((c) => c.url === '/api/v1/imports/job-1').length };
}

let scope: ReturnType<typeof effectScope>;

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  const auth = useAuthStore();
  auth.setSession(session);
  setHttpSessionHooks({ csrfToken: () => auth.csrfToken, onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() });
  scope = effectScope();
});

afterEach(() => {
  scope.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useCaseImport', () => {
  it('uploads the raw file, polls the job every second to 100%, then loads its problems and the recent jobs', async () => {
    const server = fakeServer([
      job({ status: 'running', percent: 45, processedRows: 2 }),
      job({ status: 'completed', percent: 100, totalRows: 4, processedRows: 4, okRows: 2, errorRows: 2, createdCount: 2, encoding: 'gb18030' }),
    ]);
    vi.stubGlobal('fetch', server.fetchMock);
    const page = scope.run(() => useCaseImport())!;
    await vi.advanceTimersByTimeAsync(0);

    const file = new File(['案号,立案日期\n'], '案件.csv');
    expect(page.pickFile(file)).toBe(true);
    await page.upload();

    const post = server.calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(`/api/v1/imports/cases?fileName=${encodeURIComponent('案件.csv')}&courtId=c1`);
    expect(post.init.body).toBe(file);
    expect((post.init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect((post.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
    expect(page.form.file).toBeNull();
    expect(page.job.value?.status).toBe('queued');
    expect(server.polls()).toBe(0);

    await vi.advanceTimersByTimeAsync(1000);
    expect(server.polls()).toBe(1);
    expect(page.job.value?.percent).toBe(45);
    expect(page.polling.value).toBe(true);

    await vi.advanceTimersByTimeAsync(1000);
    expect(page.job.value?.percent).toBe(100);
    expect(page.polling.value).toBe(false);
    expect(page.problems.value.map((p) => p.row)).toEqual([4, 5]);
    expect(page.encodingText(page.job.value!.encoding)).toBe('GB18030 / GBK');
    expect(page.recent.value[0]?.status).toBe('completed');

    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.polls()).toBe(2);
  });

  it('stops polling when the page is left mid-import', async () => {
    const server = fakeServer([job({ status: 'running', percent: 10 }), job({ status: 'running', percent: 20 })]);
    vi.stubGlobal('fetch', server.fetchMock);
    const page = scope.run(() => useCaseImport())!;
    await page.show(job({ status: 'running', percent: 5 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.polls()).toBe(1);
    scope.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.polls()).toBe(1);
  });

  it('refuses a file type the importer cannot read', () => {
    vi.stubGlobal('fetch', fakeServer([]).fetchMock);
    const page = scope.run(() => useCaseImport())!;
    expect(page.pickFile(new File([''], '案件.docx'))).toBe(false);
    expect(page.form.file).toBeNull();
    expect(ElMessage.warning).toHaveBeenCalledWith('只支持 CSV、XLSX、JSONL 文件');
  });
});

describe('isImportableFile', () => {
  it('accepts CSV, XLSX and JSONL by extension, in any case', () => {
    for (const name of ['a.csv', 'B.XLSX', 'c.jsonl', 'd.ndjson']) expect(isImportableFile(name)).toBe(true);
    for (const name of ['a.xls', 'b.txt', 'csv', 'c.csv.exe']) expect(isImportableFile(name)).toBe(false);
  });
});
