import { compileRulePacks, listReferencedWatchLists, buildKeywordAutomaton } from '@courtrisk/core';
import { loadRulePacks } from '../scripts/eval.js';
import { generateCases } from './corpus.js';
const packs = loadRulePacks();
const kw = new Set<string>();
const cases = generateCases({ seed: 20240601, cases: 20000, minLength: 600, maxLength: 1500, riskSentenceRate: 0.03, riskKeywords: ['随意殴打','集资','民警','殴打','银行卡','信用卡','贷款','诈骗','轻微伤','酒后'] });
const watchLists = Object.fromEntries(listReferencedWatchLists(packs).map((n) => [n, ['王某']]));
const c = compileRulePacks(packs, { watchLists }); if (!c.ok) throw 1;
const s = c.screener;
let hits = 0; const a = buildKeywordAutomaton(['x']);
for (let r = 0; r < 6; r++) { const t = performance.now(); let f = 0; for (const x of cases) f += s.screen(x).length; console.log('screen', (cases.length / ((performance.now() - t) / 1000)).toFixed(0), f); }
