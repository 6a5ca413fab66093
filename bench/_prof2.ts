import { compileRulePacks, listReferencedWatchLists } from '@courtrisk/core';
import { loadRulePacks } from '../scripts/eval.js';
import { generateCases } from './corpus.js';
const packs = loadRulePacks();
const kws = new Set<string>();
const visit = (c: any) => { if (c.kind === 'keywords') { c.keywords.forEach((k: string) => kws.add(k)); c.near?.keywords.forEach((k: string) => kws.add(k)); } else if (c.kind === 'not') visit(c.condition); else if (c.conditions) c.conditions.forEach(visit); };
for (const p of packs) for (const r of p.rules) { visit(r.when); r.exclusions?.keywords.forEach((k: string) => kws.add(k)); }
const cases = generateCases({ seed: 20240601, cases: 20000, minLength: 600, maxLength: 1500, riskSentenceRate: 0.03, riskKeywords: [...kws] });
const watchLists = Object.fromEntries(listReferencedWatchLists(packs).map((n) => [n, ['王某']]));
const c = compileRulePacks(packs, { watchLists }); if (!c.ok) throw 1;
const s = c.screener;
for (let r = 0; r < 6; r++) { const t = performance.now(); let f = 0; for (const x of cases) f += s.screen(x).length; console.log('screen', (cases.length / ((performance.now() - t) / 1000)).toFixed(0), f); }
const counts = new Map<string, number>(); for (const x of cases) for (const f of s.screen(x)) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 15));
