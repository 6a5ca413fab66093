import { compileRulePacks, isCauseWithin, listReferencedWatchLists, parseRulePack, type CompileResult, type RulePack, type Screener } from '@courtrisk/core';
import { AppError } from '../errors.js';

/** A court's 关注名单 by name: the names as entered (the engine compares them normalised). */
export type WatchLists = Readonly<Record<string, readonly string[]>>;

/**
 * Compiles parsed packs with the platform's options: the 案由 hierarchy from the cause catalogue,
 * and the court's watch-lists. A list that a rule names but the court has not filled yet compiles
 * empty (the rule's `watchList` condition then never holds), so a rule may name a list before
 * anyone puts a name on it.
 */
export function compilePacks(packs: readonly RulePack[], watchLists: WatchLists = {}): CompileResult {
  const lists = Object.fromEntries(listReferencedWatchLists(packs).map((name) => [name, watchLists[name] ?? []]));
  return compileRulePacks(packs, { watchLists: lists, isCauseWithin });
}

/**
 * Compiles a court's stored rule packs (YAML) and its watch-lists into one screener (throws on a
 * pack that no longer parses). Shared by the rule runtime and the import worker, so both screen alike.
 */
export function compileStoredPacks(packs: readonly { pack: string; version: number; yaml: string }[], watchLists: WatchLists = {}): Screener {
  const parsed: RulePack[] = [];
  for (const row of packs) {
    const result = parseRulePack(row.yaml);
    if (!result.ok) throw new AppError('rules_invalid', 500, `规则包 ${row.pack} 第 ${row.version} 版无法解析：${result.errors[0]?.message ?? ''}`);
    parsed.push(result.pack);
  }
  const compiled = compilePacks(parsed, watchLists);
  if (!compiled.ok) throw new AppError('rules_invalid', 500, `规则包无法编译：${compiled.errors.map((e) => e.message).join('；')}`);
  return compiled.screener;
}
