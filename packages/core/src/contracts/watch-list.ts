import { z } from 'zod';
import { formatCsvField, parseCsv } from '../cases/csv.js';
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
/**
 * Largest names workbook the server reads: an XLSX of 2,000 names is some 50 KB, so 1 MB leaves
 * room for formatting and equals the API's request body limit (the message says the same limit).
 */
export const WATCH_LIST_FILE_MAX_BYTES = 1024 * 1024;

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

/** A name read from pasted text or a file, with the line (or worksheet row) it stands on (1-based). */
export const WatchListTextEntry = z.object({ line: z.number().int(), name: z.string(), note: z.string().optional() });
export type WatchListTextEntry = z.infer<typeof WatchListTextEntry>;

/** `POST /watch-list-entries/read-xlsx`: the names of the workbook's first sheet, for review; nothing is written. */
export const WatchListFileResult = z.object({
  /** Name of the worksheet read (the first). */
  sheet: z.string(),
  entries: z.array(WatchListTextEntry),
});
export type WatchListFileResult = z.infer<typeof WatchListFileResult>;

/** `DELETE /watch-lists/:name`: the list to delete. */
export const WatchListNameParams = z.strictObject({ name: WatchListName });
export type WatchListNameParams = z.infer<typeof WatchListNameParams>;

/** A deleted list: how many names went with it, and the disabled rules that still name it. */
export const WatchListDeleteResult = z.object({
  name: z.string(),
  removed: z.number().int(),
  /** Disabled rules naming the list: it stays shown (empty) for them, and screens nothing if they are enabled. */
  disabledRules: z.array(WatchListRuleRef),
});
export type WatchListDeleteResult = z.infer<typeof WatchListDeleteResult>;

/** First-column headings that mark a header row (skipped). */
const HEADER_NAMES = new Set(['名称', '姓名', '姓名或名称', '名单', '当事人', '当事人名称', 'name']);

/**
 * Names from rows of cells (lines of text, or worksheet rows): the first cell is the name, the
 * second the note. Rows with both empty are skipped, and so is a first row whose name cell is a
 * heading (`名称`, `姓名`, `名单`, `当事人名称` …). A row with a note but no name is kept, so the
 * caller can point at it.
 */
export function readWatchListRows(rows: Iterable<{ line: number; fields: readonly string[] }>): WatchListTextEntry[] {
  const entries: WatchListTextEntry[] = [];
  for (const record of rows) {
    const name = (record.fields[0] ?? '').trim();
    const note = (record.fields[1] ?? '').trim();
    if (!name && !note) continue;
    if (entries.length === 0 && HEADER_NAMES.has(name.toLowerCase())) continue;
    entries.push({ line: record.line, name, ...(note ? { note } : {}) });
  }
  return entries;
}

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
  return readWatchListRows(records);
}

/**
 * The inverse of `parseWatchListText`: lines for the paste box, tab separated when `tabbed` (the
 * text they join already splits on tabs) and CSV otherwise (a comma in a name is quoted). A line
 * break or tab inside a cell (Excel's Alt+Enter) becomes a space, so each entry stays one line.
 */
export function formatWatchListText(entries: readonly Pick<WatchListTextEntry, 'name' | 'note'>[], tabbed: boolean): string {
  const cell = (value: string) => value.replace(/[\t\r\n]+/g, ' ').trim();
  return entries
    .map((entry) => {
      const fields = entry.note ? [cell(entry.name), cell(entry.note)] : [cell(entry.name)];
      return tabbed ? fields.join('\t') : fields.map(formatCsvField).join(',');
    })
    .join('\n');
}
