import { z } from 'zod';
import { parseCsv } from '../cases/csv.js';
import { normalizePartyName } from '../screening/party-name.js';
import { Id, PageQuery, Version } from './common.js';

/**
 * 关注名单 (watch-lists, docs/screening.md): per court, named lists of parties (职业放贷人名单 …) that
 * rules with a `watchList` condition look names up in. An entry is a name (person or organisation)
 * and an optional note saying why and on what source it was listed; names are unique in a list in
 * the form of `normalizePartyName`, the form the rule engine compares them in.
 */

export const WATCH_LIST_NAME_MAX = 50;
export const WATCH_LIST_PARTY_NAME_MAX = 100;
export const WATCH_LIST_NOTE_MAX = 200;
/** Names in one add request (a pasted or uploaded list). */
export const WATCH_LIST_ADD_MAX = 2000;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** 名单名称, as rules name it (`watchList: { list: 职业放贷人名单 }`). */
export const WatchListName = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写名单名称' : '名单名称必须是文字') })
  .trim()
  .min(1, { error: '请填写名单名称' })
  .max(WATCH_LIST_NAME_MAX, { error: `名单名称不能超过 ${WATCH_LIST_NAME_MAX} 个字` })
  .refine((name) => !CONTROL_CHARACTERS.test(name), { error: '名单名称不能包含换行或控制字符' });

/** What is wrong with a (trimmed) party name for a list, in Chinese, or null. */
export function watchListPartyNameProblem(name: string): string | null {
  if (!normalizePartyName(name)) return '名称不能为空';
  if (name.length > WATCH_LIST_PARTY_NAME_MAX) return `名称不能超过 ${WATCH_LIST_PARTY_NAME_MAX} 个字`;
  if (CONTROL_CHARACTERS.test(name)) return '名称不能包含换行或控制字符';
  return null;
}

/** What is wrong with a (trimmed) note, in Chinese, or null. */
export function watchListNoteProblem(note: string): string | null {
  return note.length > WATCH_LIST_NOTE_MAX ? `备注不能超过 ${WATCH_LIST_NOTE_MAX} 个字` : null;
}

/** One name to list, with its own note (a CSV row) or none (the request's note applies). */
export const WatchListEntryItem = z.strictObject(
  {
    name: z.string({ error: (issue) => (issue.input === undefined ? '请填写名称' : '名称必须是文字') }).trim(),
    note: z.string({ error: '备注必须是文字' }).trim().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `名单条目中有未知字段：${issue.keys.join('、')}` : '名单条目应为 { name, note } 对象') },
);
export type WatchListEntryItem = z.infer<typeof WatchListEntryItem>;

/**
 * Body of `POST /watch-list-entries`: one or many names (pasted one per line, or from a file) for
 * one list of the caller's court or of `courtId`. Every bad entry is named by its number (1-based,
 * in the order sent). Names already on the list, or repeated in the request, are skipped and
 * reported, not refused.
 */
export const WatchListAddInput = z.strictObject(
  {
    courtId: Id.optional(),
    listName: WatchListName,
    entries: z
      .array(WatchListEntryItem, { error: '名单条目应为列表' })
      .min(1, { error: '请至少填写一个名称' })
      .max(WATCH_LIST_ADD_MAX, { error: `一次最多添加 ${WATCH_LIST_ADD_MAX} 个名称` })
      .superRefine((entries, ctx) => {
        entries.forEach((entry, index) => {
          const nameProblem = watchListPartyNameProblem(entry.name);
          if (nameProblem) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `第 ${index + 1} 条：${nameProblem}` });
          const noteProblem = entry.note === undefined ? null : watchListNoteProblem(entry.note);
          if (noteProblem) ctx.addIssue({ code: 'custom', path: [index, 'note'], message: `第 ${index + 1} 条：${noteProblem}` });
        });
      }),
    /** Note for the entries that carry none: why and on what source they were listed. */
    note: z
      .string({ error: '备注必须是文字' })
      .trim()
      .max(WATCH_LIST_NOTE_MAX, { error: `备注不能超过 ${WATCH_LIST_NOTE_MAX} 个字` })
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `请求中有未知字段：${issue.keys.join('、')}` : '请填写名单名称和名称') },
);
export type WatchListAddInput = z.infer<typeof WatchListAddInput>;

/** Body of `PATCH /watch-list-entries/:id`: the note (empty clears it) and the version last read. */
export const WatchListEntryUpdateInput = z.strictObject({
  note: z
    .string({ error: '备注必须是文字' })
    .trim()
    .max(WATCH_LIST_NOTE_MAX, { error: `备注不能超过 ${WATCH_LIST_NOTE_MAX} 个字` }),
  version: Version,
});
export type WatchListEntryUpdateInput = z.infer<typeof WatchListEntryUpdateInput>;

/** Body of `POST /watch-list-entries/remove`: entries to take off their lists. */
export const WatchListRemoveInput = z.strictObject({
  ids: z.array(Id, { error: '请选择要移除的条目' }).min(1, { error: '请选择要移除的条目' }).max(500, { error: '一次最多移除 500 条' }),
});
export type WatchListRemoveInput = z.infer<typeof WatchListRemoveInput>;

/** `GET /watch-lists`: the caller's court unless `courtId` names another court in its scope. */
export const WatchListQuery = z.object({ courtId: Id.optional() });
export type WatchListQuery = z.infer<typeof WatchListQuery>;

/** `GET /watch-list-entries`: one list, newest first by default (`order=asc` for oldest first). */
export const WatchListEntryQuery = PageQuery.extend({
  courtId: Id.optional(),
  listName: WatchListName,
  keyword: z.string({ error: '关键词必须是文字' }).trim().max(60, { error: '关键词不能超过 60 个字' }).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type WatchListEntryQuery = z.infer<typeof WatchListEntryQuery>;

/** A rule that looks names up in a list (enabled or not, in an enabled pack or not). */
export const WatchListRuleRef = z.object({ pack: z.string(), ruleId: z.string(), title: z.string(), enabled: z.boolean() });
export type WatchListRuleRef = z.infer<typeof WatchListRuleRef>;

/** A list of a court: those holding entries and those that the court's rules name, even empty. */
export const WatchListView = z.object({
  courtId: z.string(),
  name: z.string(),
  entryCount: z.number().int(),
  /** Rules that name the list; a list no enabled rule uses is kept but screens nothing. */
  referencedBy: z.array(WatchListRuleRef),
  updatedAt: z.string().nullable(),
});
export type WatchListView = z.infer<typeof WatchListView>;

export const WatchListEntryView = z.object({
  id: z.string(),
  courtId: z.string(),
  listName: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WatchListEntryView = z.infer<typeof WatchListEntryView>;

/** A change to a list: the re-screening job it queued, or null when no enabled rule uses the list. */
export const WatchListChangeResult = z.object({ rescreenJobId: z.string().nullable() });
export type WatchListChangeResult = z.infer<typeof WatchListChangeResult>;

export const WatchListAddResult = WatchListChangeResult.extend({
  added: z.number().int(),
  /** Entries not added (`row`: 1-based position in the request): already on the list, or a repeat of an earlier entry (same name after normalising). */
  skipped: z.array(z.object({ row: z.number().int(), name: z.string(), reason: z.string() })),
});
export type WatchListAddResult = z.infer<typeof WatchListAddResult>;

/** A name read from pasted text or a file, with the line it stands on (1-based). */
export interface WatchListTextEntry {
  line: number;
  name: string;
  note?: string;
}

/** First-column headings that mark a header row (skipped). */
const HEADER_NAMES = new Set(['名称', '姓名', '姓名或名称', '当事人', '当事人名称', 'name']);

/**
 * Names to list from pasted text or a CSV/TXT file: one name per line, optionally followed by a
 * note in the second column — tab separated (cells pasted from a spreadsheet) or comma separated
 * (CSV, quoted fields allowed). Blank lines and a header row (`名称,备注`) are skipped; the line
 * numbers stay those of the text, so problems can be reported where the user sees them. Only
 * ASCII commas separate: 全角逗号 is part of a name or note.
 */
export function parseWatchListText(text: string): WatchListTextEntry[] {
  const body = text.replace(/^\ufeff/, '');
  const records = body.includes('\t')
    ? body.split(/\r\n|\r|\n/).map((line, index) => ({ line: index + 1, fields: line.split('\t') }))
    : parseCsv(body);
  const entries: WatchListTextEntry[] = [];
  for (const record of records) {
    const name = (record.fields[0] ?? '').trim();
    const note = (record.fields[1] ?? '').trim();
    if (!name && !note) continue;
    if (entries.length === 0 && HEADER_NAMES.has(name.toLowerCase())) continue;
    entries.push({ line: record.line, name, ...(note ? { note } : {}) });
  }
  return entries;
}
