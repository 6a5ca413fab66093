import { newId } from '../ids.js';
import {
  formatCitations,
  levelForScore,
  parseRulePack,
  type BackgroundJobView,
  type BacktestInput,
  type DryRunInput,
  type FindingView,
  type RulePack,
  type RulePackDetailView,
  type RulePackEnableInput,
  type RulePackSaveInput,
  type RulePackView,
  type RuleProblemView,
  type RuleStatsView,
  type ScreeningFinding,
  type ScreeningInput,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { compilePacks } from '../screening/compile-packs.js';
import type { RulePackVersionTable } from '../db/schema.js';
import { AppError, NotFoundError } from '../errors.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { JobRunner } from './job-runner.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';

/** A rule pack that does not validate: 400 with every problem at its line and column. */
export class RulesInvalidError extends AppError {
  constructor(readonly problems: RuleProblemView[]) {
    super('rules_invalid', 400, `规则有 ${problems.length} 处问题：${problems[0]?.message ?? ''}`);
  }
}

export const EMPTY_STATS: RuleStatsView = { total: 0, pending: 0, confirmed: 0, merged: 0, dismissed: 0, precision: null };

export function statsFrom(rows: readonly { ruleId: string; status: string; n: unknown }[]): Map<string, RuleStatsView> {
  const stats = new Map<string, RuleStatsView>();
  for (const row of rows) {
    const s = { ...(stats.get(row.ruleId) ?? EMPTY_STATS) };
    const n = Number(row.n);
    s.total += n;
    if (row.status === 'pending' || row.status === 'confirmed' || row.status === 'merged' || row.status === 'dismissed') s[row.status] += n;
    const judged = s.confirmed + s.merged + s.dismissed;
    s.precision = judged > 0 ? (s.confirmed + s.merged) / judged : null;
    stats.set(row.ruleId, s);
  }
  return stats;
}

export function presentFinding(f: ScreeningFinding): FindingView {
  return {
    ruleId: f.ruleId,
    ruleVersion: f.ruleVersion,
    pack: f.pack,
    domain: f.domain,
    subtype: f.subtype,
    level: f.level,
    score: f.score ?? null,
    title: f.title,
    evidence: f.evidence as unknown as FindingView['evidence'],
    suggestedAction: f.suggestedAction,
    source: formatCitations(f.source),
  };
}

/** Parses a pack's YAML and checks that it compiles next to the court's other packs. */
export function validatePack(packName: string, yaml: string, others: readonly RulePack[]): { pack: RulePack } | { problems: RuleProblemView[] } {
  const parsed = parseRulePack(yaml);
  if (!parsed.ok) return { problems: parsed.errors.map((e) => ({ line: e.line, column: e.column, path: e.path, message: e.message })) };
  if (parsed.pack.pack !== packName) {
    return { problems: [{ line: null, column: null, path: 'pack', message: `规则包编号应为 ${packName}，不能改为 ${parsed.pack.pack}` }] };
  }
  const all = [...others, parsed.pack];
  const compiled = compilePacks(all);
  if (!compiled.ok) return { problems: compiled.errors.map((e) => ({ line: null, column: null, path: e.ruleId ?? '', message: e.message })) };
  return { pack: parsed.pack };
}

type Deps = { store: Store; access: AccessChecker; clock: Clock; rules: RuleRuntime; jobs: JobRunner };

export function createRulesService({ store, access, clock, rules, jobs }: Deps) {
  const { repos } = store;

  async function courtOf(actor: Actor, courtId?: string) {
    const id = courtId ?? actor.courtId;
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id);
  }

  /** Declared `version:` of each shipped default pack, parsed once. */
  const shippedVersions = new Map<string, number>();
  function shippedVersion(pack: string): number | undefined {
    if (!shippedVersions.has(pack)) {
      const shipped = rules.shippedDefault(pack);
      const parsed = shipped && parseRulePack(shipped.yaml);
      if (parsed?.ok) shippedVersions.set(pack, parsed.pack.version);
    }
    return shippedVersions.get(pack);
  }

  /** The shipped default, when it declares a newer version than the court's copy does. */
  function defaultUpdateOf(pack: RulePack | undefined): RulePackView['defaultUpdate'] {
    const shipped = pack && shippedVersion(pack.pack);
    return pack && shipped !== undefined && shipped > pack.version ? { version: shipped, courtPackVersion: pack.version } : null;
  }

  function presentPack(row: RulePackVersionTable, stats: Map<string, RuleStatsView>): RulePackView {
    const parsed = parseRulePack(row.yaml);
    const pack = parsed.ok ? parsed.pack : undefined;
    return {
      defaultUpdate: defaultUpdateOf(pack),
      courtId: row.courtId,
      pack: row.pack,
      title: pack?.title ?? row.pack,
      domain: pack?.domain ?? null,
      version: row.version,
      enabled: row.enabled === 1,
      comment: row.comment,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      rules: (pack?.rules ?? []).map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        subtype: r.subtype,
        domain: r.domain ?? pack!.domain,
        // A scored rule shows the level its warnings get under the default bands (PRODUCT.md §4).
        level: r.level ?? (r.likelihood && r.impact ? levelForScore(r.likelihood * r.impact) : null),
        score: r.likelihood && r.impact ? r.likelihood * r.impact : null,
        enabled: r.enabled,
        source: formatCitations(r.source),
        stats: stats.get(r.id) ?? EMPTY_STATS,
      })),
    };
  }

  async function otherPacks(courtId: string, except: string): Promise<RulePack[]> {
    const rows = (await rules.currentPacks(courtId)).filter((r) => r.pack !== except && r.enabled === 1);
    return rows.flatMap((r) => {
      const parsed = parseRulePack(r.yaml);
      return parsed.ok ? [parsed.pack] : [];
    });
  }

  /** Stores a new version (audited) and queues re-screening of the court's cases under it. */
  async function saveVersion(actor: Actor, courtId: string, current: RulePackVersionTable, yaml: string, enabled: boolean, comment: string, summary: string) {
    const nowIso = clock.now().toISOString();
    const row: RulePackVersionTable = { id: newId(), courtId, pack: current.pack, version: current.version + 1, yaml, enabled: enabled ? 1 : 0, comment, createdBy: actor.username, createdAt: nowIso };
    const jobId = await store.transaction(async (trx) => {
      await trx.rulePacks.insert(row);
      await writeAudit(trx, clock, auditActorOf(actor), { courtId, action: 'rule.update', targetType: 'rule_pack', targetId: `${row.pack}@${row.version}`, summary });
      return jobs.create(trx, { courtId, kind: 'rescreen', params: {}, createdBy: actor.accountId });
    });
    jobs.kick();
    const stats = statsFrom(await repos.warnings.statsByRule([courtId]));
    return { pack: presentPack(row, stats), rescreenJobId: jobId };
  }

  async function currentRow(courtId: string, pack: string) {
    const row = (await rules.currentPacks(courtId)).find((r) => r.pack === pack);
    if (!row) throw new NotFoundError('rulePack', pack);
    return row;
  }

  return {
    async listPacks(actor: Actor, courtId?: string): Promise<RulePackView[]> {
      await access.require(actor, 'rule.read');
      const court = await courtOf(actor, courtId);
      const stats = statsFrom(await repos.warnings.statsByRule([court.id]));
      return (await rules.currentPacks(court.id)).map((row) => presentPack(row, stats));
    },
    async getPack(actor: Actor, pack: string, query: { courtId?: string; version?: number }): Promise<RulePackDetailView> {
      await access.require(actor, 'rule.read');
      const court = await courtOf(actor, query.courtId);
      const current = await currentRow(court.id, pack);
      const row = query.version ? await repos.rulePacks.getVersion(court.id, pack, query.version) : current;
      if (!row) throw new NotFoundError('rulePack', `${pack}@${query.version}`);
      const stats = statsFrom(await repos.warnings.statsByRule([court.id]));
      const versions = await repos.rulePacks.listVersions(court.id, pack);
      const view = presentPack(row, stats);
      return {
        ...view,
        yaml: row.yaml,
        defaultYaml: view.defaultUpdate ? (rules.shippedDefault(pack)?.yaml ?? null) : null,
        versions: versions.map((v) => ({ version: v.version, enabled: v.enabled === 1, comment: v.comment, createdBy: v.createdBy, createdAt: v.createdAt })),
      };
    },
    async savePack(actor: Actor, pack: string, input: RulePackSaveInput) {
      await access.require(actor, 'rule.manage');
      const court = await courtOf(actor, input.courtId);
      const current = await currentRow(court.id, pack);
      const checked = validatePack(pack, input.yaml, await otherPacks(court.id, pack));
      if ('problems' in checked) throw new RulesInvalidError(checked.problems);
      return saveVersion(actor, court.id, current, input.yaml, current.enabled === 1, input.comment, `修改规则包 ${pack}（第 ${current.version + 1} 版）：${input.comment}`);
    },
    async setEnabled(actor: Actor, pack: string, input: RulePackEnableInput) {
      await access.require(actor, 'rule.manage');
      const court = await courtOf(actor, input.courtId);
      const current = await currentRow(court.id, pack);
      const word = input.enabled ? '启用' : '停用';
      return saveVersion(actor, court.id, current, current.yaml, input.enabled, input.comment, `${word}规则包 ${pack}：${input.comment}`);
    },
    /** Screens pasted text with the saved rules, or with an edited pack in place of its saved version. */
    async dryRun(actor: Actor, input: DryRunInput): Promise<{ findings: FindingView[]; problems: RuleProblemView[] }> {
      await access.require(actor, 'rule.read');
      const court = await courtOf(actor, input.courtId);
      let screen: (i: ScreeningInput) => ScreeningFinding[];
      if (input.pack && input.yaml) {
        const others = await otherPacks(court.id, input.pack);
        const checked = validatePack(input.pack, input.yaml, others);
        if ('problems' in checked) return { findings: [], problems: checked.problems };
        const all = [...others, checked.pack];
        const compiled = compilePacks(all, await rules.watchLists(court.id));
        if (!compiled.ok) return { findings: [], problems: compiled.errors.map((e) => ({ line: null, column: null, path: e.ruleId ?? '', message: e.message })) };
        screen = (i) => compiled.screener.screen(i);
      } else {
        const { screener } = await rules.forCourt(court.id);
        screen = (i) => screener.screen(i);
      }
      const findings = screen({
        causes: input.causes,
        facts: input.facts,
        claims: input.claims,
        parties: input.parties,
        ...(input.caseType ? { caseType: input.caseType } : {}),
        ...(input.procedure ? { procedure: input.procedure } : {}),
        ...(input.amount ? { amount: input.amount } : {}),
      });
      return { findings: findings.map(presentFinding), problems: [] };
    },
    /** Re-screens stored cases with the saved or a candidate pack, counting hits per rule, writing nothing. */
    async backtest(actor: Actor, input: BacktestInput): Promise<BackgroundJobView> {
      await access.require(actor, 'rule.manage');
      const court = await courtOf(actor, input.courtId);
      if (input.pack && input.yaml) {
        const checked = validatePack(input.pack, input.yaml, await otherPacks(court.id, input.pack));
        if ('problems' in checked) throw new RulesInvalidError(checked.problems);
      }
      const id = await store.transaction(async (trx) => {
        const jobId = await jobs.create(trx, { courtId: court.id, kind: 'backtest', params: { pack: input.pack ?? null, yaml: input.yaml ?? null }, createdBy: actor.accountId });
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: court.id, action: 'rule.backtest', targetType: 'background_job', targetId: jobId, summary: `回测规则${input.pack ? `（规则包 ${input.pack} 的修改稿）` : ''}` });
        return jobId;
      });
      jobs.kick();
      return jobs.present((await repos.backgroundJobs.getById(id))!);
    },
    async getJob(actor: Actor, id: string): Promise<BackgroundJobView> {
      await access.require(actor, 'rule.read');
      const job = access.inScope(actor, await repos.backgroundJobs.getById(id), 'backgroundJob', id);
      return jobs.present(job);
    },
  };
}
export type RulesService = ReturnType<typeof createRulesService>;
