import { newId } from '../ids.js';
import type { DictionaryCreateInput, DictionaryItemView, DictionaryUpdateInput } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { DictionaryItemTable } from '../db/schema.js';
import { ConflictError, StaleVersionError } from '../errors.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

function present(row: DictionaryItemTable): DictionaryItemView {
  return {
    id: row.id,
    courtId: row.courtId,
    type: row.type,
    code: row.code,
    label: row.label,
    sort: row.sort,
    enabled: row.enabled === 1,
    version: row.version,
  };
}

export function createDictionaryService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  return {
    async list(actor: Actor, query: { courtId?: string; type?: string }): Promise<DictionaryItemView[]> {
      await access.require(actor, 'dictionary.read');
      const courtIds = query.courtId ? [query.courtId].filter((id) => actor.scope.courtIds.has(id)) : [actor.courtId];
      return (await repos.dictionaries.list(courtIds, query.type)).map(present);
    },
    async create(actor: Actor, input: DictionaryCreateInput): Promise<DictionaryItemView> {
      await access.require(actor, 'dictionary.manage');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.courtId)), 'court', input.courtId);
      if (await repos.dictionaries.getByCode(court.id, input.type, input.code)) {
        throw new ConflictError(`字典 ${input.type} 中已有编码 ${input.code}`);
      }
      const nowIso = clock.now().toISOString();
      const row: DictionaryItemTable = { id: newId(), ...input, enabled: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 };
      await store.transaction(async (trx) => {
        await trx.dictionaries.insert(row);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'dictionary.create',
          targetType: 'dictionary_item',
          targetId: row.id,
          summary: `在「${court.name}」字典 ${row.type} 新增「${row.label}」（${row.code}）`,
        });
      });
      return present(row);
    },
    async update(actor: Actor, id: string, input: DictionaryUpdateInput): Promise<DictionaryItemView> {
      await access.require(actor, 'dictionary.manage');
      const current = access.inScope(actor, await repos.dictionaries.getById(id), 'dictionaryItem', id);
      const { version, enabled, ...rest } = input;
      const patch = { ...rest, ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }) };
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.dictionaries.update(id, version, { ...patch, updatedAt: nowIso }))) throw new StaleVersionError('dictionaryItem');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'dictionary.update',
          targetType: 'dictionary_item',
          targetId: id,
          summary: `修改字典 ${current.type} 的「${current.label}」：${describeChanges(current, patch, { label: '名称', sort: '排序', enabled: '启用' })}`,
        });
      });
      return present((await repos.dictionaries.getById(id))!);
    },
    async remove(actor: Actor, id: string): Promise<void> {
      await access.require(actor, 'dictionary.manage');
      const current = access.inScope(actor, await repos.dictionaries.getById(id), 'dictionaryItem', id);
      await store.transaction(async (trx) => {
        await trx.dictionaries.delete(current.courtId, id);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'dictionary.delete',
          targetType: 'dictionary_item',
          targetId: id,
          summary: `删除字典 ${current.type} 的「${current.label}」（${current.code}）`,
        });
      });
    },
  };
}
export type DictionaryService = ReturnType<typeof createDictionaryService>;
