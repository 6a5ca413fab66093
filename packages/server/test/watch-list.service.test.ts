import { WatchListAddInput, type Permission } from '@courtrisk/core';
import { describe, expect, it, vi } from 'vitest';
import { ConflictError, ForbiddenError } from '../src/errors.js';
import type { Actor } from '../src/services/actor.js';
import { createWatchListService } from '../src/services/watch-list.service.js';

const COURT = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-03-02T01:00:00Z');

/** One pack whose rule reads 职业放贷人名单 (`enabled` toggles the rule). */
const packYaml = (enabled: boolean) => `pack: test_pack
version: 1
domain: financial
rules:
  - id: T-LIST-01
    version: 1
    title: 名单测试
    subtype: 测试
    level: yellow
    enabled: ${enabled}
    source: [{ document: 测试依据, edition: 2024年 }]
    suggestedAction: 核查
    when: { watchList: { list: 职业放贷人名单, roles: [原告] } }
`;

function actorWith(...permissions: Permission[]): Actor {
  return {
    accountId: 'account-1',
    username: 'risk_user',
    displayName: '风险办专员',
    courtId: COURT,
    departmentId: null,
    permissions: new Set(permissions),
    scopeKind: 'court',
    scope: { courtIds: new Set([COURT]) },
    sessionId: 's',
    ip: '127.0.0.1',
    mustChangePassword: false,
  } as Actor;
}

/** The service over mocked repositories: every call is recorded, the transaction runs on the same mocks. */
function newTestService({ ruleEnabled = true, listed = [] as string[], listedMeanwhile = [] as string[] } = {}) {
  const repos = {
    courts: { getById: vi.fn(async (id: string) => ({ id, name: '示例法院' })) },
    watchLists: {
      listEntriesByKeys: vi.fn(async (_court: string, _list: string, keys: readonly string[]) => keys.filter((k) => listed.includes(k)).map((nameKey) => ({ nameKey }))),
      insertList: vi.fn(async () => {}),
      touchList: vi.fn(async () => {}),
      // `listedMeanwhile`: names another add wrote after this add's read, which the insert then skips.
      insertEntries: vi.fn(async (rows: readonly { id: string; nameKey: string }[]) => new Set(rows.filter((row) => !listedMeanwhile.includes(row.nameKey)).map((row) => row.id))),
      deleteList: vi.fn(async () => true),
      deleteListEntries: vi.fn(async () => 3),
    },
    audit: { append: vi.fn(async () => ({})) },
  };
  const mocks = {
    repos,
    store: { repos, transaction: vi.fn(async (work: (r: typeof repos) => unknown) => work(repos)) },
    access: {
      require: vi.fn(async (actor: Actor, permission: Permission) => {
        if (!actor.permissions.has(permission)) throw new ForbiddenError();
      }),
      inScope: vi.fn(<T>(_actor: Actor, record: T) => record),
    },
    rules: { currentPacks: vi.fn(async () => [{ pack: 'test_pack', version: 1, enabled: 1, yaml: packYaml(ruleEnabled) }]) },
    jobs: { create: vi.fn(async () => 'job-1'), kick: vi.fn() },
  };
  const sut = createWatchListService({ store: mocks.store, access: mocks.access, clock: { now: () => NOW }, rules: mocks.rules, jobs: mocks.jobs } as never);
  return { sut, mocks };
}

const input = (...names: string[]) => WatchListAddInput.parse({ listName: '职业放贷人名单', entries: names.map((name) => ({ name })), note: '立案庭认定' });

describe('watch-list service', () => {
  it('refuses an add without 维护关注名单 before touching anything', async () => {
    const { sut, mocks } = newTestService();
    await expect(sut.add(actorWith('rule.read'), input('王某'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(mocks.access.require).toHaveBeenCalledWith(expect.anything(), 'watchlist.manage');
    expect(mocks.repos.courts.getById).not.toHaveBeenCalled();
    expect(mocks.store.transaction).not.toHaveBeenCalled();
  });

  it('refuses reading without 查看筛查规则', async () => {
    const { sut, mocks } = newTestService();
    await expect(sut.listLists(actorWith('watchlist.manage'), {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(mocks.rules.currentPacks).not.toHaveBeenCalled();
  });

  it('creates the list with its names, audits the add and queues re-screening when an enabled rule reads the list', async () => {
    const { sut, mocks } = newTestService();
    const result = await sut.add(actorWith('watchlist.manage'), input('王　某', 'ＡＢＣ投资有限公司'));
    expect(result).toEqual({ added: 2, skipped: [], rescreenJobId: 'job-1' });
    expect(mocks.repos.watchLists.insertList).toHaveBeenCalledWith(expect.objectContaining({ courtId: COURT, name: '职业放贷人名单', createdByName: '风险办专员', version: 1 }));
    expect(mocks.repos.watchLists.insertEntries).toHaveBeenCalledWith([
      expect.objectContaining({ partyName: '王　某', nameKey: '王某', note: '立案庭认定', createdBy: 'account-1', createdByName: '风险办专员' }),
      expect.objectContaining({ partyName: 'ＡＢＣ投资有限公司', nameKey: 'abc投资有限公司' }),
    ]);
    expect(mocks.repos.audit.append).toHaveBeenCalledWith(
      expect.objectContaining({ courtId: COURT, action: 'watchlist.add', actorName: 'risk_user', targetId: '职业放贷人名单', summary: '向关注名单「职业放贷人名单」添加 2 个名称：王　某、ＡＢＣ投资有限公司' }),
    );
    expect(mocks.jobs.create).toHaveBeenCalledWith(mocks.repos, { courtId: COURT, kind: 'rescreen', params: {}, createdBy: 'account-1' });
    expect(mocks.jobs.kick).toHaveBeenCalledOnce();
  });

  it('skips names already listed, counts a change on the existing list, and does not re-screen for a disabled rule', async () => {
    const { sut, mocks } = newTestService({ ruleEnabled: false, listed: ['王某'] });
    const result = await sut.add(actorWith('watchlist.manage'), input('王某', '李某'));
    expect(result).toEqual({ added: 1, skipped: [{ row: 1, name: '王某', reason: '已在名单中' }], rescreenJobId: null });
    expect(mocks.repos.watchLists.touchList).toHaveBeenCalledWith(COURT, '职业放贷人名单', NOW.toISOString());
    expect(mocks.jobs.create).not.toHaveBeenCalled();
    expect(mocks.jobs.kick).not.toHaveBeenCalled();
  });

  it('does not count a name another add listed at the same moment', async () => {
    const { sut, mocks } = newTestService({ listedMeanwhile: ['王某'] });
    const result = await sut.add(actorWith('watchlist.manage'), input('王某', '李某'));
    expect(result).toEqual({ added: 1, skipped: [{ row: 1, name: '王某', reason: '已在名单中' }], rescreenJobId: 'job-1' });
    expect(mocks.repos.audit.append).toHaveBeenCalledWith(expect.objectContaining({ summary: '向关注名单「职业放贷人名单」添加 1 个名称：李某（另有 1 个已在名单中或重复，未添加）' }));
  });

  it('writes and audits nothing when every name was listed at the same moment by another add', async () => {
    const { sut, mocks } = newTestService({ listedMeanwhile: ['王某'] });
    const result = await sut.add(actorWith('watchlist.manage'), input('王某'));
    expect(result).toEqual({ added: 0, skipped: [{ row: 1, name: '王某', reason: '已在名单中' }], rescreenJobId: null });
    expect(mocks.repos.audit.append).not.toHaveBeenCalled();
    expect(mocks.jobs.kick).not.toHaveBeenCalled();
  });

  it('refuses deleting a list and reading a workbook without 维护关注名单 before touching anything', async () => {
    const { sut, mocks } = newTestService();
    await expect(sut.deleteList(actorWith('rule.read'), '职业放贷人名单', {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sut.readFile(actorWith('rule.read'), Buffer.from('x'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(mocks.repos.courts.getById).not.toHaveBeenCalled();
    expect(mocks.rules.currentPacks).not.toHaveBeenCalled();
    expect(mocks.store.transaction).not.toHaveBeenCalled();
  });

  it('refuses deleting a list an enabled rule reads, naming the rule, without a transaction', async () => {
    const { sut, mocks } = newTestService();
    const refused = sut.deleteList(actorWith('watchlist.manage'), '职业放贷人名单', {});
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow('关注名单「职业放贷人名单」正被启用的规则使用：T-LIST-01 名单测试。');
    expect(mocks.store.transaction).not.toHaveBeenCalled();
  });

  it('deletes a list only a disabled rule reads, with one audit entry naming the list, the count and the rule', async () => {
    const { sut, mocks } = newTestService({ ruleEnabled: false });
    const result = await sut.deleteList(actorWith('watchlist.manage'), '职业放贷人名单', {});
    expect(result).toEqual({ name: '职业放贷人名单', removed: 3, disabledRules: [{ pack: 'test_pack', ruleId: 'T-LIST-01', title: '名单测试', enabled: false }] });
    expect(mocks.access.inScope).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ id: COURT }), 'court', COURT);
    expect(mocks.repos.watchLists.deleteList).toHaveBeenCalledWith(COURT, '职业放贷人名单');
    expect(mocks.repos.watchLists.deleteListEntries).toHaveBeenCalledWith(COURT, '职业放贷人名单');
    expect(mocks.repos.audit.append).toHaveBeenCalledOnce();
    expect(mocks.repos.audit.append).toHaveBeenCalledWith(
      expect.objectContaining({ courtId: COURT, action: 'watchlist.delete', targetId: '职业放贷人名单', summary: '删除关注名单「职业放贷人名单」及其中 3 个名称；停用的规则 T-LIST-01 名单测试 仍引用此名单' }),
    );
    expect(mocks.jobs.create).not.toHaveBeenCalled();
  });

  it('writes nothing, not even an audit entry, when every name is already listed', async () => {
    const { sut, mocks } = newTestService({ listed: ['王某'] });
    expect(await sut.add(actorWith('watchlist.manage'), input('王 某'))).toEqual({ added: 0, skipped: [{ row: 1, name: '王 某', reason: '已在名单中' }], rescreenJobId: null });
    expect(mocks.repos.watchLists.insertEntries).not.toHaveBeenCalled();
    expect(mocks.repos.audit.append).not.toHaveBeenCalled();
  });
});
