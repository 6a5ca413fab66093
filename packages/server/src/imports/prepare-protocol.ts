import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PreparedBatch } from '../services/case-intake.js';

/** Rows per transaction: a crash loses at most one batch of work, never a committed one. */
export const IMPORT_BATCH_ROWS = 1000;

/** Cases per part of a prepared batch (see postBatchParts). */
const PART_CASES = 100;

export interface PrepareWorkerData {
  file: string;
  /** First row not yet committed (resume point). */
  fromRow: number;
  courtCode: string;
  today: string;
  packs: { pack: string; version: number; yaml: string }[];
  /** The court's 关注名单 (list name → names), compiled with the packs. */
  watchLists: Record<string, readonly string[]>;
  /** Where the prepared cases go, in parts (see postBatchParts); each 'batch' message says how many. */
  parts: MessagePort;
}

export type PrepareWorkerMessage =
  | { type: 'encoding'; encoding: string | null }
  | {
      type: 'batch';
      /** How many parts of prepared cases wait on the parts channel. */
      parts: number;
      /** The batch's good case numbers: the writer looks up their stored cases once, not once per part. */
      caseNumbers: string[];
      rows: number;
      lastRow: number;
      bytes: number;
    }
  | { type: 'done' }
  | { type: 'failed'; fileError: boolean; message: string };

/**
 * Worker side: sends a prepared batch as parts of PART_CASES cases (its row errors with the
 * first) and returns how many. The writer takes one part at a time off its end of the channel
 * (takeBatchPart) and stores it before taking the next, so a batch's ~30,000 objects never sit
 * in the writer's heap at once. Sent as one message, whole batches were deserialized together,
 * often outlived two young-generation collections, were promoted, and grew the writing thread's
 * heap — the server's — by 100–200 MB between full collections.
 */
export function postBatchParts(port: MessagePort, batch: PreparedBatch): number {
  let parts = 0;
  for (let at = 0; at === 0 || at < batch.cases.length; at += PART_CASES) {
    port.postMessage({ cases: batch.cases.slice(at, at + PART_CASES), errors: at === 0 ? batch.errors : [] } satisfies PreparedBatch);
    parts++;
  }
  return parts;
}

/**
 * Writer side: the next part. The worker posts a batch's parts before the 'batch' message that
 * counts them, and posting queues synchronously, so by then every part is waiting here.
 */
export function takeBatchPart(port: MessagePort): PreparedBatch {
  const received = receiveMessageOnPort(port);
  if (!received) throw new Error('import worker announced a batch part that never arrived');
  return received.message as PreparedBatch;
}
