import { parseWatchListText, WATCH_LIST_ADD_MAX, WatchListAddInput, WatchListEntryUpdateInput, watchListNoteProblem, watchListPartyNameProblem, type WatchListEntryItem } from '@courtrisk/core';
import type { FormItemRule, FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { zodRule } from '../../utils/form-rules';

/** The names of the paste box (or a read file), each with the line it stands on. */
export interface PastedNames {
  entries: WatchListEntryItem[];
  /** `lines[i]` is the line of `entries[i]`: the server counts entries, the user sees lines. */
  lines: number[];
  /** The first problem, named by its line, or null. */
  problem: string | null;
}

/**
 * Reads the paste box with the parser the CLI uses (one name per line, a note after a tab or
 * comma, blank lines and a 名称,备注 header skipped) and checks each line as the server will.
 */
export function readPastedNames(text: string): PastedNames {
  const parsed = parseWatchListText(text);
  const entries = parsed.map((entry) => ({ name: entry.name, ...(entry.note ? { note: entry.note } : {}) }));
  const lines = parsed.map((entry) => entry.line);
  let problem: string | null = null;
  if (parsed.length === 0) problem = zh.watchLists.namesRequired;
  else if (parsed.length > WATCH_LIST_ADD_MAX) problem = zh.watchLists.tooMany(WATCH_LIST_ADD_MAX);
  else {
    for (const entry of parsed) {
      const found = watchListPartyNameProblem(entry.name) ?? (entry.note ? watchListNoteProblem(entry.note) : null);
      if (found) {
        problem = zh.watchLists.lineProblem(entry.line, found);
        break;
      }
    }
  }
  return { entries, lines, problem };
}

const namesRule: FormItemRule = {
  required: true,
  trigger: 'blur',
  validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
    const problem = readPastedNames(typeof value === 'string' ? value : '').problem;
    callback(problem ? new Error(problem) : undefined);
  },
};

/** 添加名称: the pasted lines, and the note for lines without their own. */
export const addRules: FormRules = {
  text: [namesRule],
  note: [zodRule(WatchListAddInput.shape.note, { required: false })],
};

/** 修改备注: within the server's limit; empty clears it. */
export const noteRules: FormRules = {
  note: [zodRule(WatchListEntryUpdateInput.shape.note, { required: false })],
};
