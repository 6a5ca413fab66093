import { newId } from '../ids.js';
import type { Screener } from '@courtrisk/core';
import { compileStoredPacks, type WatchLists } from '../screening/compile-packs.js';
import type { Clock } from '../clock.js';
import type { RulePackSource } from '../screening/default-rule-packs.js';
import type { Store } from './store.js';

export interface CompiledCourtRules {
  screener: Screener;
  /** pack@version list and watch-list revisions the screener was built from; stored nowhere, used to detect changes. */
  key: string;
  packs: { pack: string; version: number; enabled: boolean }[];
}

type Deps = {
  store: Store;
  clock: Clock;
  defaults: readonly RulePackSource[];
};

/**
 * Each court's rule packs (versioned rows, seeded from the defaults on first use) and their
 * compiled screener, with the court's 关注名单 for the rules' `watchList` conditions. The compiled
 * form is cached per court and rebuilt when any pack version or any list's change counter moves;
 * the cache is only a cache, so several server instances stay consistent.
 */
export function createRuleRuntime({ store, clock, defaults }: Deps) {
  const cache = new Map<string, CompiledCourtRules>();

  async function currentPacks(courtId: string) {
    let rows = await store.repos.rulePacks.listCurrent(courtId);
    if (rows.length === 0) {
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if ((await trx.rulePacks.listCurrent(courtId)).length > 0) return;
        for (const d of defaults) {
          await trx.rulePacks.insert({ id: newId(), courtId, pack: d.pack, version: 1, yaml: d.yaml, enabled: 1, comment: '系统默认规则', createdBy: null, createdAt: nowIso });
        }
      });
      rows = await store.repos.rulePacks.listCurrent(courtId);
    }
    return rows;
  }

  /** The court's 关注名单, every list by name, the names as entered. */
  async function watchLists(courtId: string): Promise<WatchLists> {
    const lists: Record<string, string[]> = {};
    for (const { listName, partyName } of await store.repos.watchLists.listAllNames(courtId)) (lists[listName] ??= []).push(partyName);
    return lists;
  }

  return {
    currentPacks,
    watchLists,
    /** The shipped default of a pack (packages/core/rules), as new courts get it. */
    shippedDefault(pack: string): RulePackSource | undefined {
      return defaults.find((d) => d.pack === pack);
    },
    /** The court's compiled screener, rebuilt only when its packs or watch-lists changed. */
    async forCourt(courtId: string): Promise<CompiledCourtRules> {
      const rows = await currentPacks(courtId);
      const revisions = await store.repos.watchLists.listRevisions(courtId);
      // A list's id is part of its revision: a list dropped and made again never reads as unchanged.
      const key = `${rows.map((r) => `${r.pack}@${r.version}:${r.enabled}`).join('|')}#${revisions.map((l) => `${l.id}@${l.version}`).join('|')}`;
      const cached = cache.get(courtId);
      if (cached?.key === key) return cached;
      const screener = compileStoredPacks(
        rows.filter((r) => r.enabled === 1),
        await watchLists(courtId),
      );
      const entry = { screener, key, packs: rows.map((r) => ({ pack: r.pack, version: r.version, enabled: r.enabled === 1 })) };
      cache.set(courtId, entry);
      return entry;
    },
  };
}
export type RuleRuntime = ReturnType<typeof createRuleRuntime>;
