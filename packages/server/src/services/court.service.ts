import { newId } from '../ids.js';
import { childCourtLevel, courtLevelLabel, type CourtCreateInput, type CourtUpdateInput, type CourtView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { CourtTable } from '../db/schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import { createCourtDefaults } from './court-defaults.js';
import type { Store } from './store.js';

export function presentCourt(row: CourtTable): CourtView {
  return { id: row.id, parentId: row.parentId, code: row.code, name: row.name, level: row.level, sort: row.sort, version: row.version };
}

export function createCourtService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;
  return {
    async list(actor: Actor): Promise<CourtView[]> {
      await access.require(actor, 'court.read');
      const rows = await repos.courts.listByIds([...actor.scope.courtIds]);
      return rows.map(presentCourt);
    },
    async get(actor: Actor, id: string): Promise<CourtView> {
      await access.require(actor, 'court.read');
      return presentCourt(access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id));
    },
    /** Adds a lower court under one in scope; its level follows from the parent's (高院 → 中院 → 基层). */
    async create(actor: Actor, input: CourtCreateInput): Promise<CourtView> {
      await access.require(actor, 'court.manage');
      const parent = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.parentId)), 'court', input.parentId);
      const level = childCourtLevel(parent.level);
      if (!level) {
        throw new ValidationError(`${courtLevelLabel[parent.level]}下不能再设下级法院`, [{ path: 'parentId', message: '基层法院没有下级法院' }]);
      }
      if (await repos.courts.getByCode(input.code)) throw new ConflictError(`法院代码 ${input.code} 已被使用`);
      const nowIso = clock.now().toISOString();
      const row: CourtTable = {
        id: newId(),
        parentId: parent.id,
        code: input.code,
        name: input.name,
        level,
        sort: input.sort,
        createdAt: nowIso,
        updatedAt: nowIso,
        version: 1,
      };
      await store.transaction(async (trx) => {
        await trx.courts.insert(row);
        await createCourtDefaults(trx, row.id, nowIso);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'court.create',
          targetType: 'court',
          targetId: row.id,
          summary: `新建${courtLevelLabel[level]}「${row.name}」（${row.code}），上级：${parent.name}`,
        });
      });
      return presentCourt(row);
    },
    async update(actor: Actor, id: string, input: CourtUpdateInput): Promise<CourtView> {
      await access.require(actor, 'court.manage');
      const current = access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id);
      if (input.code && input.code !== current.code && (await repos.courts.getByCode(input.code))) {
        throw new ConflictError(`法院代码 ${input.code} 已被使用`);
      }
      const { version, ...patch } = input;
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.courts.update(id, version, { ...patch, updatedAt: nowIso }))) throw new StaleVersionError('court');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'court.update',
          targetType: 'court',
          targetId: id,
          summary: `修改法院「${current.name}」：${describeChanges(current, patch, { code: '代码', name: '名称', sort: '排序' })}`,
        });
      });
      return presentCourt((await repos.courts.getById(id))!);
    },
  };
}
export type CourtService = ReturnType<typeof createCourtService>;
