import { newId } from '../ids.js';
import type { BackgroundJobView, ScreeningFinding, Screener } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { BackgroundJobTable } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import { groupBy } from '../group-by.js';
import { applyFindings, storedCaseInput } from '../screening/case-screening.js';
import { compileStoredPacks } from '../screening/compile-packs.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';
import { createSerialQueue } from '../serial-queue.js';
import { EMPTY_STATS, statsFrom } from './rules.service.js';

const BATCH = 500;
const STALE_AFTER_MS = 2 * 60_000;

interface BacktestTally {
  hits: Record<string, number>;
  titles: Record<string, string>;
}

type Deps = { store: Store; clock: Clock; rules: RuleRuntime; log: (message: string, error?: unknown) => void };

/**
 * Background jobs over a court's stored cases, in id order with a saved cursor, so a restarted
 * server resumes where it stopped: `rescreen` rewrites warnings after a rule change; `backtest`
 * counts what a saved or candidate rule set would raise, writing no warning.
 */
export function createJobRunner({ store, clock, rules, log }: Deps) {
  const { repos } = store;
  const queue = createSerialQueue((error) => log('job runner stopped', error));

  /** The saved rules, or the saved rules with one pack replaced by a backtest's candidate (with the court's watch-lists either way). */
  async function screenerFor(job: BackgroundJobTable) {
    const params = JSON.parse(job.params) as { pack?: string | null; yaml?: string | null };
    if (!params.pack || !params.yaml) return (await rules.forCourt(job.courtId)).screener;
    const saved = (await rules.currentPacks(job.courtId)).filter((r) => r.enabled === 1 && r.pack !== params.pack);
    return compileStoredPacks([...saved, { pack: params.pack, version: 0, yaml: params.yaml }], await rules.watchLists(job.courtId));
  }

  async function loadBatch(courtId: string, cursor: string) {
    const ids = await repos.cases.listIdsAfter(courtId, cursor, BATCH);
    const rows = await repos.cases.listByIds(courtId, ids);
    const parties = await repos.cases.listParties(courtId, ids);
    const partiesOf = groupBy(parties, (p) => p.caseId);
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    return rows.map((row) => ({ row, input: storedCaseInput(row, partiesOf.get(row.id) ?? []) }));
  }

  async function run(jobId: string) {
    const now = clock.now();
    if (!(await repos.backgroundJobs.claim(jobId, now.toISOString(), new Date(now.getTime() - STALE_AFTER_MS).toISOString()))) return;
    const job = (await repos.backgroundJobs.getById(jobId))!;
    try {
      const screener = await screenerFor(job);
      const total = await repos.cases.countInCourt(job.courtId);
      await repos.backgroundJobs.update(job.id, { total });
      const tally: BacktestTally = job.result ? (JSON.parse(job.result) as BacktestTally) : zeroTally(job, screener);
      let { cursor, processed } = job;
      for (;;) {
        const batch = await loadBatch(job.courtId, cursor);
        if (batch.length === 0) break;
        const findings = batch.map((b) => ({ b, findings: screener.screen(b.input) }));
        cursor = batch[batch.length - 1]!.row.id;
        processed += batch.length;
        const nowIso = clock.now().toISOString();
        await store.transaction(async (trx: Repositories) => {
          if (job.kind === 'rescreen') {
            await applyFindings(
              trx,
              findings.map(({ b, findings: f }) => ({ caseId: b.row.id, courtId: job.courtId, departmentId: b.row.departmentId, judgeAccountId: b.row.judgeAccountId, findings: f })),
              nowIso,
              () => false,
            );
          } else {
            for (const { findings: f } of findings) tally.hits = countHits(tally, f);
          }
          await trx.backgroundJobs.update(job.id, { cursor, processed, updatedAt: nowIso, ...(job.kind === 'backtest' ? { result: JSON.stringify(tally) } : {}) });
        });
      }
      const finished = clock.now().toISOString();
      await repos.backgroundJobs.update(job.id, { status: 'completed', processed, finishedAt: finished, updatedAt: finished, message: `已处理 ${processed} 件案件` });
    } catch (error) {
      log('background job failed', error);
      const finished = clock.now().toISOString();
      await repos.backgroundJobs.update(job.id, { status: 'failed', message: '任务执行失败，请稍后重试或联系管理员', finishedAt: finished, updatedAt: finished });
    }
  }

  /** A backtest lists every rule of the pack it tries (all rules without one), the silent ones with 0. */
  function zeroTally(job: BackgroundJobTable, screener: Screener): BacktestTally {
    const { pack } = JSON.parse(job.params) as { pack?: string | null };
    const tally: BacktestTally = { hits: {}, titles: {} };
    for (const rule of screener.rules.filter((r) => !pack || r.pack === pack)) {
      tally.hits[rule.ruleId] = 0;
      tally.titles[rule.ruleId] = rule.title;
    }
    return tally;
  }

  function countHits(tally: BacktestTally, findings: readonly ScreeningFinding[]) {
    for (const f of findings) {
      tally.hits[f.ruleId] = (tally.hits[f.ruleId] ?? 0) + 1;
      tally.titles[f.ruleId] = f.title;
    }
    return tally.hits;
  }

  /** Queues a pass over every claimable job; chained, so `idle()` also waits for passes not yet started. */
  function resumePending() {
    return queue.add(async () => {
      const stale = new Date(clock.now().getTime() - STALE_AFTER_MS).toISOString();
      for (const { id } of await repos.backgroundJobs.listClaimable(stale)) await run(id);
    });
  }

  return {
    /**
     * Inserts a queued job inside the caller's transaction; `kick` starts it after commit. A re-screen
     * joins the court's re-screen still waiting to start (it reads rules and lists when it starts), so
     * ten quick list edits re-screen the court once, not ten times.
     */
    async create(trx: Repositories, job: { courtId: string; kind: BackgroundJobTable['kind']; params: object; createdBy: string | null }) {
      const nowIso = clock.now().toISOString();
      if (job.kind === 'rescreen') {
        const waiting = await trx.backgroundJobs.holdQueued(job.courtId, 'rescreen', nowIso);
        if (waiting) return waiting;
      }
      const id = newId();
      await trx.backgroundJobs.insert({ id, courtId: job.courtId, kind: job.kind, status: 'queued', params: JSON.stringify(job.params), processed: 0, cursor: '', createdBy: job.createdBy, createdAt: nowIso, updatedAt: nowIso, version: 1 });
      return id;
    },
    kick() {
      void resumePending();
    },
    resumePending,
    idle: queue.idle,
    async present(job: BackgroundJobTable): Promise<BackgroundJobView> {
      const tally = job.result ? (JSON.parse(job.result) as BacktestTally) : null;
      const stats = tally ? statsFrom(await repos.warnings.statsByRule([job.courtId])) : null;
      return {
        id: job.id,
        courtId: job.courtId,
        kind: job.kind,
        status: job.status as BackgroundJobView['status'],
        total: job.total,
        processed: job.processed,
        percent: job.status === 'completed' ? 100 : job.total ? Math.min(99, Math.floor((job.processed / job.total) * 100)) : 0,
        message: job.message,
        results:
          tally && job.kind === 'backtest'
            ? Object.entries(tally.hits)
                .sort((a, b) => b[1] - a[1])
                .map(([ruleId, hits]) => ({ ruleId, title: tally.titles[ruleId] ?? ruleId, hits, stats: stats!.get(ruleId) ?? EMPTY_STATS }))
            : null,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
      };
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
