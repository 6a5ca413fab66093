import nameDictionaryJson from '../../data/opinion/name-dictionary.json' with { type: 'json' };
import { parseCaseNumber } from '../cases/case-number.js';
import { buildKeywordAutomaton } from '../screening/automaton.js';
import { snippetAround } from '../screening/evaluate.js';
import type { PartyKind } from '../screening/rule-schema.js';

/**
 * Matching a public-opinion item to cases (issue 6): 案号 in the text (parsed by the case module's
 * parser), party names, court names and judge names. Every match carries its evidence (offsets and a
 * snippet) and is a suggestion for staff to confirm, never a link by itself.
 *
 * Chinese has no spaces, so a short personal name (2–3 characters) would match inside longer words
 * and other people's names — 王伟 in 王伟东, 高明 in 手段高明. A short name therefore counts only at a
 * *boundary*: the character before it is not a Han character, or is a particle or role word
 * (原告、被告人、法官、与、和…), AND the text after it is not a Han character or starts with a
 * particle or verb that follows names (称、表示、的、与、诉、一案…). Short names that are not
 * personal names by the name dictionary (no known surname) or that are ordinary words (高明、平安)
 * need a role word right before them. Masked names (张某、李某某) are never matched.
 */

export interface MatchableParty {
  readonly name: string;
  readonly kind: PartyKind;
}

export interface MatchableCase {
  readonly id: string;
  readonly caseNumber: string;
  readonly courtId: string;
  readonly parties: readonly MatchableParty[];
  readonly judgeNames: readonly string[];
}

export interface MatchableCourt {
  readonly id: string;
  /** Full name, e.g. 示例市朝阳区人民法院. */
  readonly name: string;
  /** Short forms used in the press, e.g. 朝阳法院, 朝阳区法院. */
  readonly aliases: readonly string[];
}

export interface NameDictionary {
  readonly surnames: readonly string[];
  readonly compoundSurnames: readonly string[];
  readonly commonWords: readonly string[];
}

/** The dictionary shipped in packages/core/data/opinion/name-dictionary.json (see its `source`). */
export const DEFAULT_NAME_DICTIONARY: NameDictionary = nameDictionaryJson;

export interface NameBoundaryRules {
  /** Names of at most this many characters need a boundary. Default 3. */
  readonly shortNameMaxLength: number;
  /** Role words that may stand right before a name (longest first is not required). */
  readonly leftRoles: readonly string[];
  /** Single characters that may stand right before a name. */
  readonly leftParticles: string;
  /** Words that may follow a name. */
  readonly rightContext: readonly string[];
}

export const DEFAULT_NAME_BOUNDARY_RULES: NameBoundaryRules = {
  shortNameMaxLength: 3,
  leftRoles: [
    '原告', '被告', '被告人', '上诉人', '被上诉人', '申请人', '被申请人', '申请执行人', '被执行人', '第三人', '当事人', '再审申请人', '自诉人', '被害人',
    '法院', '法官', '审判长', '审判员', '书记员', '法官助理', '承办法官', '执行法官', '院长', '庭长', '律师', '网友', '记者', '村民', '市民', '男子', '女子', '老人', '居民', '业主', '工人',
  ],
  leftParticles: '与和及向对被让给由将把称是为叫名的跟同找据说因替帮请令使到见问有、',
  rightContext: [
    '称', '说', '表示', '认为', '介绍', '回应', '的', '与', '和', '及', '等', '在', '于', '被', '向', '因', '将', '是', '已', '也', '都', '曾', '诉', '系', '为', '对', '就',
    '还', '又', '才', '便', '却', '并', '则', '自', '从', '到', '把', '给', '让', '要', '会', '不', '没', '未', '告', '起诉', '上诉', '申请', '一案', '案', '法官', '律师',
    '夫妇', '一家', '家', '女士', '先生', '老人', '父亲', '母亲', '妻子', '丈夫', '儿子', '女儿', '之', '以', '拿', '借', '欠', '拒', '坚持', '多次', '随后', '当时', '今年', '去年',
  ],
};

export type MatchEvidenceKind = 'caseNumber' | 'party' | 'judge' | 'court';
export const matchEvidenceKindLabel: Record<MatchEvidenceKind, string> = { caseNumber: '案号', party: '当事人', judge: '法官', court: '法院' };

export interface MatchEvidence {
  readonly kind: MatchEvidenceKind;
  /** The name or 案号 as in the case record. */
  readonly value: string;
  /** UTF-16 offsets of the hit in the item text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly snippet: string;
  readonly snippetStart: number;
}

export type MatchConfidence = 'high' | 'medium' | 'low';
export const matchConfidenceLabel: Record<MatchConfidence, string> = { high: '高', medium: '中', low: '低' };

export interface CaseMatch {
  readonly caseId: string;
  readonly caseNumber: string;
  /** caseNumber 100; each distinct party 40 (≥ 4 characters) or 30; judge 15; court 10. */
  readonly score: number;
  /** high: 案号, or score ≥ 60 (two parties, or a party with judge and court); medium ≥ 35; else low. */
  readonly confidence: MatchConfidence;
  readonly evidence: readonly MatchEvidence[];
}

export interface CaseMatcher {
  /** Candidate cases for `text`, best first: those with a 案号 or party hit (a court or judge alone is too common). */
  match(text: string): CaseMatch[];
}

const HAN = /\p{Script=Han}/u;
const MASKED = /某/;
const CASE_NUMBER_IN_TEXT = /[(（]\s*\d{4}\s*[)）]\s*[\u4e00-\u9fa5]?\d{1,6}\s*[\u4e00-\u9fa5]{1,6}\s*\d{1,7}\s*号/g;
const SCORE = { caseNumber: 100, longParty: 40, shortParty: 30, judge: 15, court: 10 } as const;

type Target = { kind: 'party' | 'judge'; caseId: string } | { kind: 'court'; courtId: string };

/**
 * Builds a matcher over a court's cases (one automaton over every party, judge and court name).
 * Rebuild it when the case set changes; matching is one pass over the item text.
 */
export function createCaseMatcher(input: {
  cases: readonly MatchableCase[];
  courts: readonly MatchableCourt[];
  dictionary?: NameDictionary;
  rules?: NameBoundaryRules;
}): CaseMatcher {
  const dictionary = input.dictionary ?? DEFAULT_NAME_DICTIONARY;
  const rules = input.rules ?? DEFAULT_NAME_BOUNDARY_RULES;
  const surnames = new Set(dictionary.surnames);
  const commonWords = new Set(dictionary.commonWords);
  const casesById = new Map(input.cases.map((courtCase) => [courtCase.id, courtCase]));
  const casesByNumber = new Map<string, string[]>();
  const names: string[] = [];
  const targetsOf: Target[][] = [];
  const idOfName = new Map<string, number>();
  const register = (name: string, target: Target) => {
    const trimmed = name.trim();
    if (trimmed.length < 2 || MASKED.test(trimmed)) return;
    let id = idOfName.get(trimmed);
    if (id === undefined) {
      id = names.length;
      names.push(trimmed);
      targetsOf.push([]);
      idOfName.set(trimmed, id);
    }
    targetsOf[id]!.push(target);
  };
  for (const courtCase of input.cases) {
    const parsed = parseCaseNumber(courtCase.caseNumber);
    const key = parsed.ok ? parsed.value.text : courtCase.caseNumber;
    casesByNumber.set(key, [...(casesByNumber.get(key) ?? []), courtCase.id]);
    for (const party of courtCase.parties) register(party.name, { kind: 'party', caseId: courtCase.id });
    for (const judge of courtCase.judgeNames) register(judge, { kind: 'judge', caseId: courtCase.id });
  }
  for (const court of input.courts) for (const name of [court.name, ...court.aliases]) register(name, { kind: 'court', courtId: court.id });
  const automaton = buildKeywordAutomaton(names);

  const looksLikePersonalName = (name: string) =>
    !commonWords.has(name) && (surnames.has(name[0]!) || dictionary.compoundSurnames.some((surname) => name.startsWith(surname) && name.length > surname.length));
  const roleBefore = (text: string, start: number) => rules.leftRoles.some((role) => text.startsWith(role, start - role.length));
  const leftOk = (text: string, start: number) => start === 0 || !HAN.test(text[start - 1]!) || rules.leftParticles.includes(text[start - 1]!) || roleBefore(text, start);
  const rightOk = (text: string, end: number) => end === text.length || !HAN.test(text[end]!) || rules.rightContext.some((word) => text.startsWith(word, end));
  /** The boundary rule for a short name; long names (companies, 4-character names) always count. */
  const atBoundary = (text: string, name: string, start: number, end: number) => {
    if (name.length > rules.shortNameMaxLength) return true;
    if (!rightOk(text, end)) return false;
    return looksLikePersonalName(name) ? leftOk(text, start) : roleBefore(text, start);
  };

  return {
    match(text) {
      const evidenceOf = new Map<string, MatchEvidence[]>();
      const add = (caseId: string, evidence: MatchEvidence) => evidenceOf.set(caseId, [...(evidenceOf.get(caseId) ?? []), evidence]);
      const evidence = (kind: MatchEvidenceKind, value: string, start: number, end: number): MatchEvidence => ({ kind, value, start, end, ...snippetAround(text, start, end) });

      for (const hit of text.matchAll(CASE_NUMBER_IN_TEXT)) {
        const parsed = parseCaseNumber(hit[0]);
        if (!parsed.ok) continue;
        for (const caseId of casesByNumber.get(parsed.value.text) ?? []) add(caseId, evidence('caseNumber', parsed.value.text, hit.index, hit.index + hit[0].length));
      }
      const courtHits: { courtId: string; evidence: MatchEvidence }[] = [];
      automaton.scan(text, (id, start, end) => {
        const name = names[id]!;
        for (const target of targetsOf[id]!) {
          if (target.kind === 'court') courtHits.push({ courtId: target.courtId, evidence: evidence('court', name, start, end) });
          else if (atBoundary(text, name, start, end)) add(target.caseId, evidence(target.kind, name, start, end));
        }
      });

      const matches: CaseMatch[] = [];
      for (const [caseId, found] of evidenceOf) {
        if (!found.some((e) => e.kind === 'caseNumber' || e.kind === 'party')) continue;
        const courtCase = casesById.get(caseId)!;
        const all = [...found, ...courtHits.filter((hit) => hit.courtId === courtCase.courtId).map((hit) => hit.evidence)].sort((a, b) => a.start - b.start);
        const distinct = (kind: MatchEvidenceKind) => [...new Set(all.filter((e) => e.kind === kind).map((e) => e.value))];
        const score =
          (distinct('caseNumber').length > 0 ? SCORE.caseNumber : 0) +
          distinct('party').reduce((sum, name) => sum + (name.length > rules.shortNameMaxLength ? SCORE.longParty : SCORE.shortParty), 0) +
          (distinct('judge').length > 0 ? SCORE.judge : 0) +
          (distinct('court').length > 0 ? SCORE.court : 0);
        const confidence: MatchConfidence = distinct('caseNumber').length > 0 || score >= 60 ? 'high' : score >= 35 ? 'medium' : 'low';
        matches.push({ caseId, caseNumber: courtCase.caseNumber, score, confidence, evidence: all });
      }
      return matches.sort((a, b) => b.score - a.score || a.caseNumber.localeCompare(b.caseNumber));
    },
  };
}

/**
 * Short forms of a court's full name as the press writes them: 示例市东城区人民法院 → 示例市东城区法院,
 * 东城区法院, 东城法院; 示例市中级人民法院 → 示例市中级法院, 示例市中院, 示例中院.
 */
export function courtAliases(name: string): string[] {
  const aliases = new Set<string>();
  if (name.endsWith('人民法院')) aliases.add(`${name.slice(0, -4)}法院`);
  const district = /^.+?[省市州](.{2,}?)([区县市])人民法院$/.exec(name);
  if (district) {
    aliases.add(`${district[1]}${district[2]}法院`);
    if (district[1]!.length >= 2) aliases.add(`${district[1]}法院`);
  }
  const intermediate = /^(.+?)([市州盟]?)中级人民法院$/.exec(name);
  if (intermediate) {
    aliases.add(`${intermediate[1]}${intermediate[2]}中院`);
    if (intermediate[1]!.length >= 2) aliases.add(`${intermediate[1]}中院`);
  }
  aliases.delete(name);
  return [...aliases];
}
