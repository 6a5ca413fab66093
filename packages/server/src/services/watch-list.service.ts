import {
  listReferencedWatchLists,
  normalizePartyName,
  parseRulePack,
  type Paged,
  type WatchListAddInput,
  type WatchListAddResult,
  type WatchListChangeResult,
  type WatchListDeleteResult,
  type WatchListEntryQuery,
  type WatchListEntryUpdateInput,
  type WatchListEntryView,
  type WatchListFileResult,
  type WatchListQuery,
  type WatchListRuleRef,
  type WatchListView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { WatchListEntryTable } from '../db/schema.js';
import { AppError, ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, CLI_ACTOR, type Actor, type AuditActor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { JobRunner } from './job-runner.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';
import { readWatchListXlsx } from './watch-list-file.js';

/** Who writes: the audit actor, and the account and name the entry shows as its author. */
interface Writer {
  audit: AuditActor;
  accountId: string | null;
  name: string;
}

const writerOf = (actor: Actor): Writer => ({ audit: auditActorOf(actor), accountId: actor.accountId, name: actor.displayName });
const CLI_WRITER: Writer = { audit: CLI_ACTOR, accountId: null, name: CLI_ACTOR.name };

/** At most this many names are spelled out in an audit summary; the count says the rest. */
const AUDIT_NAMES = 20;

function namesText(names: readonly string[]): string {
  const shown = names.slice(0, AUDIT_NAMES).join('、');
  return names.length > AUDIT_NAMES ? `${shown} 等 ${names.length} 个` : shown;
}

/** Rules as staff name them: `FIN-PRO-LENDER-01 疑似职业放贷人、…`. */
const rulesText = (refs: readonly WatchListRuleRef[]) => refs.map((ref) => `${ref.ruleId} ${ref.title}`).join('、');

export function presentEntry(row: WatchListEntryTable): WatchListEntryView {
  return {
    id: row.id,
    courtId: row.courtId,
    listName: row.listName,
    name: row.partyName,
    note: row.note,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

type Deps = {
  store: Store;
  access: AccessChecker;
  clock: Clock;
  rules: Pick<RuleRuntime, 'currentPacks'>;
  jobs: Pick<JobRunner, 'create' | 'kick'>;
};

/**
 * 关注名单 (docs/screening.md): per court, the named lists that rules' `watchList` conditions look
 * party names up in. Reading needs `rule.read` (the lists are part of the rules); changing names,
 * reading a names workbook and deleting a list need `watchlist.manage`. Every change is audited in
 * the list's court and, when an enabled rule uses the list, queues the same background
 * re-screening of the court's cases as a rule change (a list in use cannot be deleted).
 * `operator` is the CLI's way in (it holds the database already), audited as 命令行.
 */
export function createWatchListService({ store, access, clock, rules, jobs }: Deps) {
  const { repos } = store;

  async function courtOf(actor: Actor, courtId?: string) {
    const id = courtId ?? actor.courtId;
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id);
  }

  /** Every rule of the court's current packs that names a list, by list (disabled ones too). */
  async function referencesOf(courtId: string): Promise<Map<string, WatchListRuleRef[]>> {
    const refs = new Map<string, WatchListRuleRef[]>();
    for (const row of await rules.currentPacks(courtId)) {
      const parsed = parseRulePack(row.yaml);
      if (!parsed.ok) continue;
      for (const rule of parsed.pack.rules) {
        // listReferencedWatchLists reads enabled rules only; a disabled rule is shown as such.
        for (const list of listReferencedWatchLists([{ ...parsed.pack, rules: [{ ...rule, enabled: true }] }])) {
          const ref = { pack: row.pack, ruleId: rule.id, title: rule.title, enabled: row.enabled === 1 && rule.enabled };
          refs.set(list, [...(refs.get(list) ?? []), ref]);
        }
      }
    }
    return refs;
  }

  async function listViews(courtId: string): Promise<WatchListView[]> {
    const [stored, refs] = await Promise.all([repos.watchLists.listLists(courtId), referencesOf(courtId)]);
    const views = new Map<string, WatchListView>();
    for (const list of stored) views.set(list.name, { courtId, name: list.name, entryCount: list.entryCount, referencedBy: refs.get(list.name) ?? [], updatedAt: list.updatedAt });
    for (const [name, referencedBy] of refs) if (!views.has(name)) views.set(name, { courtId, name, entryCount: 0, referencedBy, updatedAt: null });
    return [...views.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** True when an enabled rule of the court reads one of the lists. Call before the transaction (it reads outside it). */
  async function inUse(courtId: string, listNames: readonly string[]): Promise<boolean> {
    const refs = await referencesOf(courtId);
    return listNames.some((name) => refs.get(name)?.some((ref) => ref.enabled));
  }

  /** Queues re-screening of the court's cases inside the write's transaction, as a rule change does. */
  function rescreen(trx: Repositories, courtId: string, by: Writer): Promise<string> {
    return jobs.create(trx, { courtId, kind: 'rescreen', params: {}, createdBy: by.accountId });
  }

  function afterCommit<T extends { rescreenJobId: string | null }>(result: T): T {
    if (result.rescreenJobId) jobs.kick();
    return result;
  }

  async function add(by: Writer, courtId: string, input: Pick<WatchListAddInput, 'listName' | 'entries' | 'note'>): Promise<WatchListAddResult> {
    const { listName } = input;
    const skipped: WatchListAddResult['skipped'] = [];
    const firstRowOf = new Map<string, number>();
    const fresh: { row: number; name: string; key: string; note: string | null }[] = [];
    input.entries.forEach((entry, index) => {
      const row = index + 1;
      const name = entry.name.trim();
      const key = normalizePartyName(name);
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        skipped.push({ row, name, reason: `与第 ${earlier} 条重复` });
        return;
      }
      firstRowOf.set(key, row);
      fresh.push({ row, name, key, note: entry.note?.trim() || input.note?.trim() || null });
    });
    const used = await inUse(courtId, [listName]);
    const nowIso = clock.now().toISOString();
    const result = await store.transaction(async (trx) => {
      const listed = new Set((await trx.watchLists.listEntriesByKeys(courtId, listName, fresh.map((f) => f.key))).map((row) => row.nameKey));
      const added = fresh.filter((f) => !listed.has(f.key));
      for (const f of fresh) if (listed.has(f.key)) skipped.push({ row: f.row, name: f.name, reason: '已在名单中' });
      skipped.sort((a, b) => a.row - b.row);
      if (added.length === 0) return { added: 0, skipped, rescreenJobId: null };
      // Insert-or-touch, not read-then-write: a list deleted meanwhile comes back with these names.
      await trx.watchLists.insertList({ id: newId(), courtId, name: listName, createdByName: by.name, createdAt: nowIso, updatedAt: nowIso, version: 1 });
      await trx.watchLists.touchList(courtId, listName, nowIso);
      const rows = added.map((f) => ({
        id: newId(),
        courtId,
        listName,
        partyName: f.name,
        nameKey: f.key,
        note: f.note,
        createdBy: by.accountId,
        createdByName: by.name,
        updatedByName: null,
        createdAt: nowIso,
        updatedAt: nowIso,
        version: 1,
      }));
      const inserted = await trx.watchLists.insertEntries(rows);
      // A name another add listed between the read above and this insert is reported, not counted.
      const written = added.filter((_, index) => inserted.has(rows[index]!.id));
      for (const [index, f] of added.entries()) if (!inserted.has(rows[index]!.id)) skipped.push({ row: f.row, name: f.name, reason: '已在名单中' });
      skipped.sort((a, b) => a.row - b.row);
      if (written.length === 0) return { added: 0, skipped, rescreenJobId: null };
      await writeAudit(trx, clock, by.audit, {
        courtId,
        action: 'watchlist.add',
        targetType: 'watch_list',
        targetId: listName,
        summary: `向关注名单「${listName}」添加 ${written.length} 个名称：${namesText(written.map((f) => f.name))}${skipped.length ? `（另有 ${skipped.length} 个已在名单中或重复，未添加）` : ''}`,
      });
      return { added: written.length, skipped, rescreenJobId: used ? await rescreen(trx, courtId, by) : null };
    });
    return afterCommit(result);
  }

  /** Removes entries (of one court), audited per list; re-screens once when any of the lists is in use. */
  async function removeRows(by: Writer, courtId: string, rows: readonly WatchListEntryTable[]): Promise<WatchListChangeResult> {
    const byList = groupBy(rows, (row) => row.listName);
    const used = await inUse(courtId, [...byList.keys()]);
    const nowIso = clock.now().toISOString();
    const result = await store.transaction(async (trx) => {
      let changed = false;
      for (const [listName, entries] of byList) {
        const removed = await trx.watchLists.deleteEntries(courtId, entries.map((e) => e.id));
        // Someone else removed them first: nothing of this list changed here.
        if (removed === 0) continue;
        changed = true;
        await trx.watchLists.touchList(courtId, listName, nowIso);
        await writeAudit(trx, clock, by.audit, {
          courtId,
          action: 'watchlist.remove',
          targetType: 'watch_list',
          targetId: listName,
          summary: `从关注名单「${listName}」移除 ${entries.length} 个名称：${namesText(entries.map((e) => e.partyName))}`,
        });
      }
      return { rescreenJobId: used && changed ? await rescreen(trx, courtId, by) : null };
    });
    return afterCommit(result);
  }

  /**
   * Deletes a list with all its names, in one transaction with one audit entry. Refused (409) while
   * an enabled rule reads it, so nothing screens against a list that is gone; disabled rules that
   * name it are reported (the list shows again, empty, for them) and need no re-screening.
   */
  async function deleteList(by: Writer, courtId: string, listName: string): Promise<WatchListDeleteResult> {
    const refs = (await referencesOf(courtId)).get(listName) ?? [];
    const enabled = refs.filter((ref) => ref.enabled);
    if (enabled.length > 0) {
      throw new ConflictError(`关注名单「${listName}」正被启用的规则使用：${rulesText(enabled)}。请先停用这些规则或改用其他名单，再删除`, 'watch_list_in_use');
    }
    const disabledRules = refs.filter((ref) => !ref.enabled);
    return store.transaction(async (trx) => {
      const hadList = await trx.watchLists.deleteList(courtId, listName);
      const removed = await trx.watchLists.deleteListEntries(courtId, listName);
      if (!hadList && removed === 0) throw new AppError('not_found', 404, `未找到关注名单（${listName}）`);
      const still = disabledRules.length ? `；停用的规则 ${rulesText(disabledRules)} 仍引用此名单` : '';
      await writeAudit(trx, clock, by.audit, {
        courtId,
        action: 'watchlist.delete',
        targetType: 'watch_list',
        targetId: listName,
        summary: `删除关注名单「${listName}」及其中 ${removed} 个名称${still}`,
      });
      return { name: listName, removed, disabledRules };
    });
  }

  return {
    /** The court's lists: those with names and those its rules name, each with the rules that use it. */
    async listLists(actor: Actor, query: WatchListQuery): Promise<WatchListView[]> {
      await access.require(actor, 'rule.read');
      const court = await courtOf(actor, query.courtId);
      return listViews(court.id);
    },

    async listEntries(actor: Actor, query: WatchListEntryQuery): Promise<Paged<WatchListEntryView>> {
      await access.require(actor, 'rule.read');
      const court = await courtOf(actor, query.courtId);
      const keywordKey = query.keyword ? normalizePartyName(query.keyword) : undefined;
      const { rows, total } = await repos.watchLists.listEntries(court.id, query.listName, { ...query, ...(keywordKey ? { keywordKey } : {}) });
      return { items: rows.map(presentEntry), total, page: query.page, pageSize: query.pageSize };
    },

    /** Adds one or many names; a list named for the first time is created with them. */
    async add(actor: Actor, input: WatchListAddInput): Promise<WatchListAddResult> {
      await access.require(actor, 'watchlist.manage');
      const court = await courtOf(actor, input.courtId);
      return add(writerOf(actor), court.id, input);
    },

    /** Changes an entry's note (empty clears it); the name itself is removed and added, not edited. */
    async updateNote(actor: Actor, id: string, input: WatchListEntryUpdateInput): Promise<WatchListEntryView> {
      await access.require(actor, 'watchlist.manage');
      const current = access.inScope(actor, await repos.watchLists.getEntryById(id), 'watchListEntry', id);
      if (current.version !== input.version) throw new StaleVersionError('watchListEntry');
      const note = input.note || null;
      await store.transaction(async (trx) => {
        const updated = await trx.watchLists.updateEntry(current.courtId, id, input.version, { note, updatedByName: actor.displayName, updatedAt: clock.now().toISOString() });
        if (!updated) throw new StaleVersionError('watchListEntry');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: current.courtId,
          action: 'watchlist.update',
          targetType: 'watch_list_entry',
          targetId: id,
          summary: `修改关注名单「${current.listName}」中「${current.partyName}」的备注：${current.note ?? '（空）'} → ${note ?? '（空）'}`,
        });
      });
      return presentEntry((await repos.watchLists.getEntryById(id))!);
    },

    /** Removes entries of one court; an id outside the caller's scope (or gone) is 404 and removes nothing. */
    async remove(actor: Actor, ids: readonly string[]): Promise<WatchListChangeResult> {
      await access.require(actor, 'watchlist.manage');
      const rows = await repos.watchLists.listEntriesByIds(ids);
      const found = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids) access.inScope(actor, found.get(id), 'watchListEntry', id);
      const courts = new Set(rows.map((row) => row.courtId));
      if (courts.size > 1) throw new ValidationError('一次只能移除同一法院关注名单中的条目');
      return removeRows(writerOf(actor), rows[0]!.courtId, rows);
    },

    /** Deletes a list of the caller's court (or of `courtId` in scope) with all its names; 409 while an enabled rule uses it. */
    async deleteList(actor: Actor, listName: string, query: WatchListQuery): Promise<WatchListDeleteResult> {
      await access.require(actor, 'watchlist.manage');
      const court = await courtOf(actor, query.courtId);
      return deleteList(writerOf(actor), court.id, listName);
    },

    /** The names of an XLSX workbook, for the add dialog to review before adding; writes nothing. */
    async readFile(actor: Actor, bytes: Buffer): Promise<WatchListFileResult> {
      await access.require(actor, 'watchlist.manage');
      return readWatchListXlsx(bytes);
    },

    /** For the CLI, which runs on the server with the database: no session, audited as 命令行. */
    operator: {
      listLists: (courtId: string) => listViews(courtId),
      async listEntries(courtId: string, listName: string, page = { page: 1, pageSize: 200 }) {
        const { rows, total } = await repos.watchLists.listEntries(courtId, listName, { order: 'asc', ...page });
        return { items: rows.map(presentEntry), total };
      },
      add: (courtId: string, input: Pick<WatchListAddInput, 'listName' | 'entries' | 'note'>) => add(CLI_WRITER, courtId, input),
      readFile: (bytes: Buffer) => readWatchListXlsx(bytes),
      deleteList: (courtId: string, listName: string) => deleteList(CLI_WRITER, courtId, listName),
      /** Removes the named entries (compared normalised); names not on the list are reported back. */
      async removeByNames(courtId: string, listName: string, names: readonly string[]): Promise<WatchListChangeResult & { removed: string[]; notFound: string[] }> {
        const rows = await repos.watchLists.listEntriesByKeys(courtId, listName, names.map(normalizePartyName));
        const keys = new Set(rows.map((row) => row.nameKey));
        const notFound = names.filter((name) => !keys.has(normalizePartyName(name)));
        if (rows.length === 0) return { rescreenJobId: null, removed: [], notFound };
        const result = await removeRows(CLI_WRITER, courtId, rows);
        return { ...result, removed: rows.map((row) => row.partyName), notFound };
      },
    },
  };
}
export type WatchListService = ReturnType<typeof createWatchListService>;
