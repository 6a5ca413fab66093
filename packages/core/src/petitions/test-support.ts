import type { LocalDate } from '../deadlines/local-date.js';
import { compileRulePacks } from '../screening/compile.js';
import type { Screener } from '../screening/evaluate.js';
import { parseRulePack } from '../screening/parse-rule-pack.js';
import type { PetitionFacts, PetitionPerson } from './flags.js';

// Test-only helpers (imported by *.test.ts files only; they read files, this module may not).

export const ZHANG: PetitionPerson = { id: 'p-zhang', name: '张某' };
export const LI: PetitionPerson = { id: 'p-li', name: '李某' };

let serial = 0;

/** A petition by 张某 to the intermediate court about a case of that court, overridable. */
export function petition(receivedOn: string, overrides: Partial<PetitionFacts> = {}): PetitionFacts {
  serial += 1;
  return {
    id: `pet-${serial}`,
    receivedOn: receivedOn as LocalDate,
    channel: 'visit',
    petitioners: [ZHANG],
    headcount: 1,
    venueLevel: 'intermediate',
    responsibleLevel: 'intermediate',
    caseIds: ['case-1'],
    content: '反映案件执行迟缓。',
    demands: '请求尽快执行。',
    ...overrides,
  };
}

/** Where the shipped petition-content pack lives (tests read it with node:fs). */
export const PETITION_PACK_URL = new URL('../../rules/petition/petition_content.yaml', import.meta.url);

/** Compiles the petition-content pack text as the server will. */
export function compilePetitionPack(text: string): Screener {
  const parsed = parseRulePack(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  const compiled = compileRulePacks([parsed.pack]);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
  return compiled.screener;
}
