import { describe, expect, it } from 'vitest';
import { checkEventFile, MAX_EVENT_FILE_BYTES } from './useTrialEventImport';

describe('trial event import file check', () => {
  it('accepts CSV, XLSX and JSONL up to 10 MB', () => {
    expect(checkEventFile({ name: '审限事项.xlsx', size: 1000 })).toBeNull();
    expect(checkEventFile({ name: 'events.CSV', size: MAX_EVENT_FILE_BYTES })).toBeNull();
    expect(checkEventFile({ name: 'events.jsonl', size: 10 })).toBeNull();
  });

  it('names the problem for other types and oversized files', () => {
    expect(checkEventFile({ name: 'events.xls', size: 10 })).toBe('只支持 CSV、XLSX、JSONL 文件');
    expect(checkEventFile({ name: 'events.csv', size: MAX_EVENT_FILE_BYTES + 1 })).toBe('文件超过 10 MB，请拆分后导入');
  });
});
