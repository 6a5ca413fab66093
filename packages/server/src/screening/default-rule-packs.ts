import fs from 'node:fs';
import path from 'node:path';

/** The default rule packs shipped in packages/core/rules; each court starts from a copy (version 1). */
export const DEFAULT_RULES_DIR = path.resolve(import.meta.dirname, '../../../core/rules');

export interface RulePackSource {
  pack: string;
  yaml: string;
}

export function loadDefaultRulePacks(dir = DEFAULT_RULES_DIR): RulePackSource[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ pack: path.basename(f, '.yaml'), yaml: fs.readFileSync(path.join(dir, f), 'utf8') }));
}
