import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { useDateRange } from './useDateRange';

describe('useDateRange', () => {
  it('maps the picker onto from / to by default', () => {
    const filters = reactive<{ from?: string; to?: string }>({});
    const range = useDateRange(filters);
    expect(range.value).toBeNull();
    range.value = ['2024-01-01', '2024-01-31'];
    expect(filters).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    range.value = null;
    expect(filters).toEqual({ from: undefined, to: undefined });
  });

  it('maps onto other keys when named', () => {
    const filters = reactive<{ filedFrom?: string; filedTo?: string }>({ filedFrom: '2024-03-01', filedTo: '2024-03-31' });
    const range = useDateRange(filters, { from: 'filedFrom', to: 'filedTo' });
    expect(range.value).toEqual(['2024-03-01', '2024-03-31']);
    range.value = ['2023-01-01', '2023-12-31'];
    expect(filters).toEqual({ filedFrom: '2023-01-01', filedTo: '2023-12-31' });
  });
});
