import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as risksApi from '../../api/risks';
import { instructionState } from '../risks/risk-display';
import { useLowerReports } from './useLowerReports';

vi.mock('vue-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vue-router')>()),
  useRouter: () => ({ push: vi.fn() }),
}));
vi.mock('../../api/risks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/risks')>()),
  listRisks: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 20 })),
}));
vi.mock('../../stores/courts', () => ({ useCourtStore: () => ({ load: async () => undefined }) }));
const listRisks = vi.mocked(risksApi.listRisks);

beforeEach(() => {
  setActivePinia(createPinia());
  listRisks.mockClear();
});

describe('下级上报', () => {
  it('asks for the lower courts’ reports only, not the own court’s risks reported further up', async () => {
    const page = useLowerReports();
    await vi.waitFor(() => expect(listRisks).toHaveBeenCalledOnce());
    const query = listRisks.mock.calls[0]![0];
    expect(query).toMatchObject({ lowerCourtsOnly: 'true', reportedUpward: 'true' });
    expect(query.includeLowerCourts).toBeUndefined();
    expect(page.exportUrl.value).toContain('lowerCourtsOnly=true');
  });

  it('shows where the 批示 stand: 待签收 N, 已签收, 无批示', () => {
    expect(instructionState({ total: 3, unacknowledged: 2 })).toEqual({ text: '待签收 2', type: 'danger', pending: true });
    expect(instructionState({ total: 3, unacknowledged: 0 })).toEqual({ text: '已签收', type: 'success', pending: false });
    expect(instructionState({ total: 0, unacknowledged: 0 })).toEqual({ text: '无批示', type: 'info', pending: false });
  });
});
