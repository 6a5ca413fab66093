import { describe, expect, it } from 'vitest';
import { formatWatchListText, parseWatchListText, readWatchListRows, WatchListAddInput, WatchListName } from './watch-list.js';

describe('parseWatchListText', () => {
  it('reads CSV (quoted fields, CRLF, BOM) with the line each name stands on, skipping a header and blank lines', () => {
    expect(parseWatchListText('\ufeff名称,备注\r\n"某某投资有限公司,北京分公司",立案庭认定\r\n\r\n王某\r\n')).toEqual([
      { line: 2, name: '某某投资有限公司,北京分公司', note: '立案庭认定' },
      { line: 4, name: '王某' },
    ]);
  });

  it('splits on tabs when the text has any (cells pasted from a spreadsheet)', () => {
    expect(parseWatchListText('甲,乙\t备注\n丙')).toEqual([
      { line: 1, name: '甲,乙', note: '备注' },
      { line: 2, name: '丙' },
    ]);
  });

  it('keeps a name called 名称 when it is not the first line', () => {
    expect(parseWatchListText('王某\n名称').map((e) => e.name)).toEqual(['王某', '名称']);
  });
});

describe('readWatchListRows', () => {
  it.each(['名称', '姓名', '名单', '当事人名称', 'Name'])('skips a first row headed %s, keeping the row numbers', (heading) => {
    expect(readWatchListRows([{ line: 1, fields: [heading, '备注'] }, { line: 3, fields: ['王某', ''] }])).toEqual([{ line: 3, name: '王某' }]);
  });
});

describe('formatWatchListText', () => {
  const entries = [{ name: '某某投资有限公司,北京分公司', note: '立案庭认定' }, { name: '王某' }, { name: '李\n某', note: '第一行\r\n第二行' }];

  it('writes CSV lines that read back as the same entries (commas quoted, cell line breaks as spaces)', () => {
    const text = formatWatchListText(entries, false);
    expect(text).toBe('"某某投资有限公司,北京分公司",立案庭认定\n王某\n李 某,第一行 第二行');
    expect(parseWatchListText(text).map(({ name, note }) => ({ name, note }))).toEqual([
      { name: '某某投资有限公司,北京分公司', note: '立案庭认定' },
      { name: '王某', note: undefined },
      { name: '李 某', note: '第一行 第二行' },
    ]);
  });

  it('writes tab-separated lines when joining text that already splits on tabs', () => {
    const text = formatWatchListText(entries.slice(0, 2), true);
    expect(text).toBe('某某投资有限公司,北京分公司\t立案庭认定\n王某');
    expect(parseWatchListText(`甲\t备注\n${text}`).map((e) => e.name)).toEqual(['甲', '某某投资有限公司,北京分公司', '王某']);
  });
});

describe('WatchListAddInput', () => {
  it('names every bad entry by its position, in Chinese', () => {
    const result = WatchListAddInput.safeParse({ listName: '职业放贷人名单', entries: [{ name: '王某' }, { name: '  ' }, { name: '李某', note: '长'.repeat(201) }, { name: '赵\n某' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['entries.1.name', '第 2 条：名称不能为空'],
      ['entries.2.note', '第 3 条：备注不能超过 200 个字'],
      ['entries.3.name', '第 4 条：名称不能包含换行或控制字符'],
    ]);
  });

  it('trims names and refuses list names with line breaks or over 50 characters', () => {
    expect(WatchListAddInput.parse({ listName: ' 职业放贷人名单 ', entries: [{ name: ' 王某 ' }] })).toEqual({ listName: '职业放贷人名单', entries: [{ name: '王某' }] });
    expect(WatchListName.safeParse('名单\n二').error?.issues[0]?.message).toBe('名单名称不能包含换行或控制字符');
    expect(WatchListName.safeParse('名'.repeat(51)).error?.issues[0]?.message).toBe('名单名称不能超过 50 个字');
    expect(WatchListAddInput.safeParse({ listName: '职业放贷人名单', entries: [] }).error?.issues[0]?.message).toBe('请至少填写一个名称');
  });
});
