import type { WatchListView } from '@courtrisk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteWatchList, readWatchListXlsx } from '../../api/watch-lists';
import { readPastedNames } from './rules';
import {
  appendEntriesToPasteBox,
  appendToPasteBox,
  classifyListFile,
  decodeListFile,
  deleteListBlocker,
  deleteListConfirm,
  describeAddResult,
  isStoredList,
  sortLists,
} from './useWatchLists';

const view = (overrides: Partial<WatchListView> = {}): WatchListView => ({
  courtId: 'c',
  name: '职业放贷人名单',
  entryCount: 12,
  referencedBy: [],
  updatedAt: '2026-03-02T01:00:00.000Z',
  ...overrides,
});
const lender = (enabled: boolean) => ({ pack: 'financial', ruleId: 'FIN-PRO-LENDER-01', title: '疑似职业放贷人', enabled });

describe('关注名单 paste box', () => {
  it('reads one name per line with an optional note, skipping blank lines and a header, keeping line numbers', () => {
    const pasted = readPastedNames('名称,备注\n演示放贷人甲,2025 年认定\n\n  演示放贷人乙  \n');
    expect(pasted.problem).toBeNull();
    expect(pasted.entries).toEqual([{ name: '演示放贷人甲', note: '2025 年认定' }, { name: '演示放贷人乙' }]);
    expect(pasted.lines).toEqual([2, 4]);
  });

  it('takes cells pasted from a spreadsheet (tab separated), where a comma belongs to the name', () => {
    expect(readPastedNames('某某投资有限公司,北京分公司\t来源：立案庭\n王某').entries).toEqual([
      { name: '某某投资有限公司,北京分公司', note: '来源：立案庭' },
      { name: '王某' },
    ]);
  });

  it('names the line of the first bad name, and asks for at least one', () => {
    expect(readPastedNames('王某\n\n' + '长'.repeat(101)).problem).toBe('第 3 行：名称不能超过 100 个字');
    expect(readPastedNames(' \n\n').problem).toBe('请至少填写一个名称');
  });
});

describe('关注名单 add result', () => {
  it('reports skipped names at their line of the paste and whether cases are re-screened', () => {
    expect(describeAddResult({ added: 2, skipped: [{ row: 2, name: '王某', reason: '已在名单中' }], rescreenJobId: 'job' }, [1, 3, 4])).toEqual([
      '已添加 2 个名称，1 个未添加',
      '第 3 行“王某”：已在名单中',
      '正在后台对本院案件重新筛查',
    ]);
    expect(describeAddResult({ added: 0, skipped: [{ row: 1, name: '王某', reason: '已在名单中' }], rescreenJobId: null }, [1])).toEqual(['已添加 0 个名称，1 个未添加', '第 1 行“王某”：已在名单中']);
  });
});

describe('关注名单 files and order', () => {
  it('decodes UTF-8 files and falls back to GB18030 (Excel on Chinese Windows)', () => {
    expect(decodeListFile(new TextEncoder().encode('\ufeff王某\n'))).toBe('王某\n');
    // 王某 in GBK: CD F5 C4 B3.
    expect(decodeListFile(new Uint8Array([0xcd, 0xf5, 0xc4, 0xb3]))).toBe('王某');
  });

  it('puts the lists an enabled rule uses first', () => {
    const list = (name: string, enabled: boolean | null): WatchListView => view({ name, entryCount: 0, referencedBy: enabled === null ? [] : [lender(enabled)], updatedAt: null });
    expect(sortLists([list('甲名单', null), list('乙名单', false), list('职业放贷人名单', true)]).map((l) => l.name)).toEqual(['职业放贷人名单', '甲名单', '乙名单']);
  });
});

describe('关注名单 files', () => {
  it.each([
    [{ name: '名单.xlsx', size: 2048 }, { kind: 'xlsx' }],
    [{ name: 'LENDERS.XLSX', size: 2048 }, { kind: 'xlsx' }],
    [{ name: '名单.csv', size: 10 }, { kind: 'text' }],
    [{ name: '名单.txt', size: 10 }, { kind: 'text' }],
    [{ name: '名单.xls', size: 2048 }, { problem: '名单.xls 是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再读取' }],
    [{ name: '名单.docx', size: 2048 }, { problem: '无法读取 名单.docx：只支持 Excel（.xlsx）、TXT 和 CSV 文件' }],
    [{ name: '名单.xlsx', size: 0 }, { problem: '文件 名单.xlsx 是空的' }],
    [{ name: '名单.xlsx', size: 1024 * 1024 + 1 }, { problem: '文件 名单.xlsx 过大（上限 1 MB），请拆分后分批读取' }],
  ])('classifies %o', (file, expected) => {
    expect(classifyListFile(file)).toEqual(expected);
  });

  it('appends a workbook’s names in the paste box’s own format, so the box reads them back as sent', () => {
    const entries = [
      { line: 2, name: '某某投资有限公司,北京分公司', note: '2025 年认定' },
      { line: 5, name: '王某' },
    ];
    const csv = appendEntriesToPasteBox('李某,立案庭认定\n\n', entries);
    expect(csv).toBe('李某,立案庭认定\n"某某投资有限公司,北京分公司",2025 年认定\n王某');
    expect(readPastedNames(csv).entries).toEqual([{ name: '李某', note: '立案庭认定' }, { name: '某某投资有限公司,北京分公司', note: '2025 年认定' }, { name: '王某' }]);
    // Once the box holds tab-separated cells, the whole box splits on tabs: so do the appended lines.
    const tabbed = appendEntriesToPasteBox('李某\t立案庭认定', entries);
    expect(tabbed).toBe('李某\t立案庭认定\n某某投资有限公司,北京分公司\t2025 年认定\n王某');
    expect(readPastedNames(tabbed).entries.map((e) => e.name)).toEqual(['李某', '某某投资有限公司,北京分公司', '王某']);
    expect(appendEntriesToPasteBox('  ', entries)).toBe('"某某投资有限公司,北京分公司",2025 年认定\n王某');
    expect(appendToPasteBox('甲\n', '乙')).toBe('甲\n乙');
  });
});

describe('关注名单 delete', () => {
  it('blocks deleting a list an enabled rule uses, naming the rule', () => {
    expect(deleteListBlocker(view({ referencedBy: [lender(true)] }))).toBe('启用的规则 FIN-PRO-LENDER-01 疑似职业放贷人 正在使用此名单，不能删除；请先停用这些规则或改用其他名单');
    expect(deleteListBlocker(view({ referencedBy: [lender(false)] }))).toBeNull();
    expect(deleteListBlocker(view())).toBeNull();
  });

  it('asks with the count of names, and warns of disabled rules that still name the list', () => {
    expect(deleteListConfirm(view({ name: '重点关注当事人' }))).toBe('确定删除名单「重点关注当事人」及其中全部 12 个名称吗？删除后不可恢复。');
    expect(deleteListConfirm(view({ referencedBy: [lender(false)] }))).toBe(
      '确定删除名单「职业放贷人名单」及其中全部 12 个名称吗？删除后不可恢复。停用的规则 FIN-PRO-LENDER-01 疑似职业放贷人 仍引用此名单：删除后名单仍会显示（0 个名称），这些规则重新启用后不会命中任何名称。',
    );
  });

  it('offers deleting only lists held in the register, not those only rules name', () => {
    expect(isStoredList(view())).toBe(true);
    expect(isStoredList(view({ entryCount: 0, updatedAt: null, referencedBy: [lender(false)] }))).toBe(false);
    expect(isStoredList(null)).toBe(false);
  });
});

describe('关注名单 API', () => {
  const fetchMock = vi.fn<typeof fetch>();
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('deletes a list by its encoded name in the chosen court, and posts a workbook as the raw body', async () => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ name: '职业放贷人名单', removed: 2, disabledRules: [] }), { status: 200 }));
    await expect(deleteWatchList('职业放贷人名单', 'c1')).resolves.toEqual({ name: '职业放贷人名单', removed: 2, disabledRules: [] });
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/v1/watch-lists/${encodeURIComponent('职业放贷人名单')}?courtId=c1`);
    expect(fetchMock.mock.calls[0]![1]!.method).toBe('DELETE');

    const file = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]);
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ sheet: 'Sheet1', entries: [{ line: 1, name: '王某' }] }), { status: 200 }));
    await expect(readWatchListXlsx(file)).resolves.toEqual({ sheet: 'Sheet1', entries: [{ line: 1, name: '王某' }] });
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(String(url)).toBe('/api/v1/watch-list-entries/read-xlsx');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBe(file);
    expect((init!.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
  });
});
