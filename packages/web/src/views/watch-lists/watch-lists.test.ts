import type { WatchListView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { readPastedNames } from './rules';
import { decodeListFile, describeAddResult, sortLists } from './useWatchLists';

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
    const list = (name: string, enabled: boolean | null): WatchListView => ({
      courtId: 'c',
      name,
      entryCount: 0,
      referencedBy: enabled === null ? [] : [{ pack: 'financial', ruleId: 'FIN-PRO-LENDER-01', title: '疑似职业放贷人', enabled }],
      updatedAt: null,
    });
    expect(sortLists([list('甲名单', null), list('乙名单', false), list('职业放贷人名单', true)]).map((l) => l.name)).toEqual(['职业放贷人名单', '甲名单', '乙名单']);
  });
});
