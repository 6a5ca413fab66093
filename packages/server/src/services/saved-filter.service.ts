import { SAVED_FILTER_LIMIT, type SavedFilterInput, type SavedFilterPage, type SavedFilterView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { SavedFilterTable } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { Actor } from './actor.js';
import type { Store } from './store.js';

function present(row: SavedFilterTable): SavedFilterView {
  return { id: row.id, page: row.page as SavedFilterPage, name: row.name, query: JSON.parse(row.query) as SavedFilterView['query'], createdAt: row.createdAt };
}

/**
 * 常用筛选: an account's own named list filters. Signed in is enough; every query is bound to the
 * caller's court and account, so someone else's filter answers 404. Not audited: a personal
 * preference, no record of the court changes.
 */
export function createSavedFilterService({ store, clock }: { store: Store; clock: Clock }) {
  const { repos } = store;
  return {
    async list(actor: Actor, page: SavedFilterPage) {
      return { items: (await repos.savedFilters.list(actor.courtId, actor.accountId, page)).map(present) };
    },
    async create(actor: Actor, input: SavedFilterInput): Promise<SavedFilterView> {
      if ((await repos.savedFilters.count(actor.courtId, actor.accountId, input.page)) >= SAVED_FILTER_LIMIT) {
        throw new ConflictError(`每个页面最多保存 ${SAVED_FILTER_LIMIT} 个常用筛选，请先删除不用的`);
      }
      const row: SavedFilterTable = {
        id: newId(),
        courtId: actor.courtId,
        accountId: actor.accountId,
        page: input.page,
        name: input.name,
        query: JSON.stringify(input.query),
        createdAt: clock.now().toISOString(),
      };
      if (!(await repos.savedFilters.insert(row))) throw new ConflictError(`已有名为「${input.name}」的常用筛选，请换一个名称`);
      return present(row);
    },
    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repos.savedFilters.get(actor.courtId, actor.accountId, id))) throw new NotFoundError('savedFilter', id);
      await repos.savedFilters.delete(actor.courtId, actor.accountId, id);
    },
  };
}
export type SavedFilterService = ReturnType<typeof createSavedFilterService>;
