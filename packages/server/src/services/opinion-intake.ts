import {
  analyzeHeat,
  courtAliases,
  createCaseMatcher,
  createSentimentScorer,
  heatOf,
  opinionScreeningInput,
  opinionWarnings,
  RISK_LEVELS,
  type CaseMatcher,
  type OpinionItemInput,
  type OpinionMetricsInput,
  type PartyKind,
  type RiskLevel,
  type Screener,
  type SentimentResult,
} from '@courtrisk/core';
import type { Insertable } from 'kysely';
import { sm3Hex } from '../crypto.js';
import type { OpinionItemTable, OpinionWarningTable } from '../db/schema.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { notify } from './notifier.js';
import { loadPetitionSettings } from './petition-settings.service.js';
import type { RuleRuntime } from './screening.service.js';

/**
 * The 舆情 intake pipeline (issue 6, docs/opinion.md): an item is found again by source + URL or
 * by content; a new one is scored (sentiment, explained), its metrics become a snapshot, and on
 * every intake the item is matched to the court's cases, its heat and spike recomputed, and the
 * warnings it raises — heat/spike (core `opinionWarnings`) and the political-security and
 * social-stability rule packs on its text — stored once per key and announced to the court's
 * opinion staff (accounts holding opinion.manage).
 */

/** The packs whose keyword rules screen item text (PRODUCT.md §2: 舆情 signals for these domains). */
const SCREENED_DOMAINS: ReadonlySet<string> = new Set(['political_security', 'social_stability']);
const OPINION_PACK = 'opinion';

export type EntryMode = 'api' | 'import' | 'hand';

/** The court's compiled rule packs, fetched before the transaction (SQLite has one connection). */
export interface IntakeContext {
  screener: Screener;
}
export type IntakeOutcome = 'created' | 'snapshotted' | 'unchanged';

/** What sentiment, matching and screening read: the title, a line break, then the text. Offsets in the stored analysis refer to it. */
export const analysedText = (item: { title: string; text: string }) => `${item.title}\n${item.text}`;

/** The same post found again: no scheme, `www.`, fragment or trailing slash. */
export function urlKeyOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.host.replace(/^www\./, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

const contentHashOf = (input: Pick<OpinionItemInput, 'sourceKind' | 'sourceName' | 'title' | 'text'>) =>
  sm3Hex([input.sourceKind, input.sourceName.trim(), input.title.trim(), input.text.trim()].join('\u0000'));

const utc = (iso: string) => new Date(iso).toISOString();

export function createOpinionIntake({ rules }: { rules: Pick<RuleRuntime, 'forCourt'> }) {
  const scorer = createSentimentScorer();
  /** One matcher per court, rebuilt when the court's case set changes (count or latest update). */
  const matchers = new Map<string, { key: string; matcher: CaseMatcher }>();

  async function matcherFor(repos: Repositories, courtId: string): Promise<CaseMatcher> {
    const key = await repos.opinion.caseSetKey(courtId);
    const cached = matchers.get(courtId);
    if (cached?.key === key) return cached.matcher;
    const [{ cases, parties }, court] = await Promise.all([repos.opinion.listMatchableCases(courtId), repos.courts.getById(courtId)]);
    const partiesOf = new Map<string, { name: string; kind: PartyKind }[]>();
    for (const party of parties) partiesOf.set(party.caseId, [...(partiesOf.get(party.caseId) ?? []), { name: party.name, kind: party.kind as PartyKind }]);
    const matcher = createCaseMatcher({
      cases: cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber, courtId: c.courtId, parties: partiesOf.get(c.id) ?? [], judgeNames: c.judgeName ? [c.judgeName] : [] })),
      courts: court ? [{ id: court.id, name: court.name, aliases: courtAliases(court.name) }] : [],
    });
    matchers.set(courtId, { key, matcher });
    return matcher;
  }

  /** Account ids of the court holding opinion.manage: who hears about the court's opinion warnings. */
  async function opinionStaff(repos: Repositories, courtId: string): Promise<string[]> {
    const rows = await repos.opinion.listAccountPermissions(courtId);
    return [...new Set(rows.filter((row) => (JSON.parse(row.permissions) as string[]).includes('opinion.manage')).map((row) => row.id))];
  }

  /** New suggestions for cases not yet linked; undecided ones get fresh evidence; decided ones stay as decided. */
  async function syncMatches(trx: Repositories, item: OpinionItemTable, at: string) {
    const found = (await matcherFor(trx, item.courtId)).match(analysedText(item));
    const existing = new Map((await trx.opinion.listMatches(item.courtId, item.id)).map((m) => [m.caseId, m]));
    const inserts = [];
    for (const match of found) {
      const evidence = JSON.stringify(match.evidence);
      const current = existing.get(match.caseId);
      if (current) {
        if (current.status === 'suggested' && current.evidence !== evidence) await trx.opinion.refreshSuggestion(item.courtId, current.id, { score: match.score, confidence: match.confidence, evidence, updatedAt: at });
        continue;
      }
      inserts.push({
        id: newId(), courtId: item.courtId, itemId: item.id, caseId: match.caseId, caseNumber: match.caseNumber, score: match.score, confidence: match.confidence, evidence,
        status: 'suggested' as const, decidedBy: null, decidedAt: null, note: null, createdAt: at, updatedAt: at, version: 1,
      });
    }
    await trx.opinion.insertMatches(inserts);
  }

  /**
   * Recomputes heat from the snapshots and stores the warnings the item raises now. A warning key
   * is stored once; the same key at a higher level (橙 → 红) is raised again; the confirmed cases
   * are written on every warning of the item. Returns the warnings new or raised, for the audit.
   */
  async function evaluate(trx: Repositories, item: OpinionItemTable, at: string, { screener }: IntakeContext): Promise<string[]> {
    const { opinionHeat: settings } = await loadPetitionSettings(trx, item.courtId);
    const snapshots = await trx.opinion.listSnapshots(item.courtId, item.id);
    const heat = analyzeHeat(snapshots.map((s) => ({ at: s.capturedAt, reads: s.reads, reposts: s.reposts, comments: s.comments, likes: s.likes })), settings);
    await trx.opinion.updateItem(item.courtId, item.id, { heat: heat.heat, growthPerHour: heat.latestRatePerHour, spike: heat.spike ? 1 : 0, heatExplanation: heat.explanation, updatedAt: at });

    const caseIds = (await trx.opinion.listMatches(item.courtId, item.id)).filter((m) => m.status === 'confirmed').map((m) => m.caseId);
    const sentiment = { score: item.sentimentScore, label: item.sentimentLabel as SentimentResult['label'] };
    type Draft = Omit<Insertable<OpinionWarningTable>, 'id' | 'courtId' | 'itemId' | 'caseIds' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'riskId' | 'triageNote' | 'triagedBy' | 'triagedAt'>;
    const drafts: Draft[] = opinionWarnings({ id: item.id, caseIds }, sentiment, heat, settings).map((w) => ({
      key: w.key, ruleId: w.ruleId, ruleVersion: w.ruleVersion, pack: OPINION_PACK, domain: w.domain, subtype: w.subtype, level: w.level, title: w.title, explanation: w.explanation, evidence: '[]',
    }));
    for (const finding of screener.screen(opinionScreeningInput(item))) {
      if (!SCREENED_DOMAINS.has(finding.domain)) continue;
      drafts.push({
        key: `opinion:${item.id}:${finding.ruleId}`, ruleId: finding.ruleId, ruleVersion: finding.ruleVersion, pack: finding.pack, domain: finding.domain, subtype: finding.subtype,
        level: finding.level, title: finding.title, explanation: finding.suggestedAction ? `规则命中舆情文本。建议：${finding.suggestedAction}` : '规则命中舆情文本', evidence: JSON.stringify(finding.evidence),
      });
    }

    const existing = new Map((await trx.opinion.listWarnings(item.courtId, item.id)).map((w) => [w.key, w]));
    const announced: { key: string; level: string; title: string; explanation: string }[] = [];
    const caseIdsJson = JSON.stringify(caseIds);
    for (const draft of drafts) {
      const current = existing.get(draft.key);
      if (!current) {
        await trx.opinion.insertWarning({ ...draft, id: newId(), courtId: item.courtId, itemId: item.id, caseIds: caseIdsJson, status: 'pending', createdAt: at, updatedAt: at, version: 1 });
        announced.push(draft);
      } else if (severity(draft.level as RiskLevel) < severity(current.level as RiskLevel)) {
        await trx.opinion.updateWarning(item.courtId, current.id, { level: draft.level, title: draft.title, explanation: draft.explanation, evidence: draft.evidence, caseIds: caseIdsJson, updatedAt: at });
        announced.push(draft);
      }
    }
    for (const current of existing.values()) {
      if (current.caseIds !== caseIdsJson) await trx.opinion.updateWarning(item.courtId, current.id, { caseIds: caseIdsJson, updatedAt: at });
    }
    if (announced.length > 0) {
      const staff = await opinionStaff(trx, item.courtId);
      await notify(
        trx,
        staff.flatMap((recipientId) =>
          announced.map((w) => ({
            courtId: item.courtId,
            recipientId,
            kind: 'opinion_warning' as const,
            title: `舆情预警：${w.title}`,
            body: `「${item.title}」${w.explanation}`,
            link: `/opinion/items/${item.id}`,
            dedupeKey: `${w.key}:${w.level}`,
          })),
        ),
        at,
      );
    }
    return announced.map((w) => w.title);
  }

  return {
    /** Call outside the transaction, then pass to the other methods. */
    async contextFor(courtId: string): Promise<IntakeContext> {
      return { screener: (await rules.forCourt(courtId)).screener };
    },
    /**
     * Registers an item or, when the court already has it, adds its metrics as a snapshot. Runs in
     * the caller's transaction; the caller writes the audit entry.
     */
    async ingest(trx: Repositories, context: IntakeContext, courtId: string, input: OpinionItemInput, meta: { mode: EntryMode; accountId: string | null; at: string }): Promise<{ item: OpinionItemTable; outcome: IntakeOutcome; raised: string[] }> {
      const urlKey = urlKeyOf(input.url);
      const contentHash = contentHashOf(input);
      let item = await trx.opinion.findSame(courtId, input.sourceKind, urlKey, contentHash);
      let outcome: IntakeOutcome;
      if (item) {
        if (!input.metrics) return { item, outcome: 'unchanged', raised: [] };
        outcome = 'snapshotted';
      } else {
        const sentiment = scorer.score(analysedText(input));
        item = {
          id: newId(), courtId, sourceKind: input.sourceKind, sourceName: input.sourceName, url: input.url ?? null, urlKey, contentHash, title: input.title, text: input.text,
          author: input.author || null, publishedAt: utc(input.publishedAt), entryMode: meta.mode, sentimentScore: sentiment.score, sentimentLabel: sentiment.label,
          sentimentDetail: JSON.stringify({ positive: sentiment.positive, negative: sentiment.negative, contributions: sentiment.contributions }),
          heat: 0, growthPerHour: null, spike: 0, heatExplanation: '', createdBy: meta.accountId, createdAt: meta.at, updatedAt: meta.at, version: 1,
        };
        await trx.opinion.insertItem(item);
        outcome = 'created';
      }
      if (input.metrics) await putSnapshot(trx, item, input.metrics, meta.at);
      await syncMatches(trx, item, meta.at);
      const raised = await evaluate(trx, item, meta.at, context);
      return { item, outcome, raised };
    },
    /** A metrics snapshot for a registered item (same instant again replaces it), then matching and warnings. */
    async snapshot(trx: Repositories, context: IntakeContext, item: OpinionItemTable, metrics: OpinionMetricsInput, at: string): Promise<string[]> {
      await putSnapshot(trx, item, metrics, at);
      await syncMatches(trx, item, at);
      return evaluate(trx, item, at, context);
    },
    /** Re-evaluates an item, e.g. after a match decision so its warnings name the confirmed cases. */
    evaluate,
  };

  async function putSnapshot(trx: Repositories, item: OpinionItemTable, metrics: OpinionMetricsInput, at: string) {
    const { weights } = (await loadPetitionSettings(trx, item.courtId)).opinionHeat;
    await trx.opinion.putSnapshot({
      id: newId(), courtId: item.courtId, itemId: item.id, capturedAt: utc(metrics.capturedAt), reads: metrics.reads, reposts: metrics.reposts, comments: metrics.comments, likes: metrics.likes,
      heat: heatOf(metrics, weights), createdAt: at,
    });
  }
}
export type OpinionIntake = ReturnType<typeof createOpinionIntake>;

const severity = (level: RiskLevel) => RISK_LEVELS.indexOf(level);
