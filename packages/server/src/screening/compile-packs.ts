import { compileRulePacks, isCauseWithin, listReferencedWatchLists, parseRulePack, type CompileResult, type RulePack, type Screener } from '@courtrisk/core';
import { AppError } from '../errors.js';

/**
 * Compiles parsed packs with the platform's options: the 案由 hierarchy from the cause catalogue,
 * and every referenced watch-list empty until a watch-list register exists.
 */
export function compilePacks(packs: readonly RulePack[]): CompileResult {
  const watchLists = Object.fromEntries(listReferencedWatchLists(packs).map((name) => [name, [] as string[]]));
  return compileRulePacks(packs, { watchLists, isCauseWithin });
}

/**
 * Compiles a court's stored rule packs (YAML) into one screener (throws on a pack that no longer
 * parses). Shared by the rule runtime and the import worker, so both screen alike.
 */
export function compileStoredPacks(packs: readonly { pack: string; version: number; yaml: string }[]): Screener {
  const parsed: RulePack[] = [];
  for (const row of packs) {
    const result = parseRulePack(row.yaml);
    if (!result.ok) throw new AppError('rules_invalid', 500, `规则包 ${row.pack} 第 ${row.version} 版无法解析：${result.errors[0]?.message ?? ''}`);
    parsed.push(result.pack);
  }
  const compiled = compilePacks(parsed);
  if (!compiled.ok) throw new AppError('rules_invalid', 500, `规则包无法编译：${compiled.errors.map((e) => e.message).join('；')}`);
  return compiled.screener;
}
