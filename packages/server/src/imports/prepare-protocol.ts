import type { PreparedBatch } from '../services/case-intake.js';

/** Rows per transaction: a crash loses at most one batch of work, never a committed one. */
export const IMPORT_BATCH_ROWS = 1000;

export interface PrepareWorkerData {
  file: string;
  /** First row not yet committed (resume point). */
  fromRow: number;
  courtCode: string;
  today: string;
  packs: { pack: string; version: number; yaml: string }[];
  /** The court's 关注名单 (list name → names), compiled with the packs. */
  watchLists: Record<string, readonly string[]>;
}

export type PrepareWorkerMessage =
  | { type: 'encoding'; encoding: string | null }
  | { type: 'batch'; batch: PreparedBatch; rows: number; lastRow: number; bytes: number }
  | { type: 'done' }
  | { type: 'failed'; fileError: boolean; message: string };
