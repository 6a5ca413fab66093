import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** A long run of write transactions (the case import) tells the database as it commits. */
export interface BulkWrites {
  /** After each committed transaction; resolves at once, except when the WAL has to catch up (see startWalCheckpoints). */
  committed(): Promise<void>;
  /** When the run ends, also after a failure. */
  end(): Promise<void>;
}

export const noBulkWrites: BulkWrites = { committed: async () => {}, end: async () => {} };

/** Commits between two helper checkpoints: pages that every batch touches (index leaves) are copied once, not three times. */
const CHECKPOINT_EVERY = 3;
/** Commits after which the writer waits for the helper to catch up, so that the WAL starts over (≈ 150 MiB at 1,000-case batches). */
const RESTART_EVERY = 20;

/**
 * WAL checkpoints on a helper thread for the length of a bulk write. Inside the writer's own
 * commits (wal_autocheckpoint) each checkpoint copied pages into the database file and waited
 * for two fsyncs — measured at about a quarter of the SQLite time of a 200,000-case import, all
 * of it on the thread that writes. The helper does this on its own connection while the writer
 * goes on; the writer's automatic checkpoints are off meanwhile and come back at `end()` (or as
 * soon as the helper fails).
 *
 * SQLite starts the WAL over only when a transaction begins with every frame already copied, so
 * every RESTART_EVERY commits the writer waits until the helper has caught up: the WAL stays
 * bounded instead of growing by the whole import.
 */
export function startWalCheckpoints(sqlite: SQLite.Database, file: string, autocheckpointPages: number): BulkWrites {
  const helper = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
    workerData: { file },
    // Plain JavaScript: without the parent's flags (`--import tsx`) the thread loads no TypeScript loader.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  let stopped = false;
  let commits = 0;
  let running: Promise<void> | undefined;
  let finish: (() => void) | undefined;

  /** Back to checkpoints in the writer's commits. */
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
    finish?.();
  };
  helper.on('message', (reply: { ok: boolean }) => {
    if (!reply.ok) stop();
    finish?.();
  });
  helper.on('error', stop);
  helper.on('exit', stop);
  sqlite.pragma('wal_autocheckpoint = 0');

  const checkpoint = () =>
    (running ??= new Promise<void>((resolve) => {
      finish = () => {
        finish = undefined;
        running = undefined;
        resolve();
      };
      helper.postMessage('checkpoint');
    }));

  return {
    async committed() {
      if (stopped) return;
      commits++;
      if (commits % RESTART_EVERY === 0) {
        await running; // it started before the last commit: one more covers every frame
        if (!stopped) await checkpoint();
      } else if (commits % CHECKPOINT_EVERY === 0) {
        void checkpoint();
      }
    },
    async end() {
      await running;
      stop();
      await helper.terminate();
    },
  };
}
