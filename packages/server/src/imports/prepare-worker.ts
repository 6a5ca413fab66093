/**
 * Worker thread of a case import: reads the file, validates and screens each batch
 * (prepareCases) and hands the prepared batches to the main thread, which only writes them.
 * Parsing and screening thus run on the second core while SQLite writes on the first.
 * At most two batches wait unacknowledged, so memory stays bounded on any file size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IMPORT_BATCH_ROWS, postBatchParts, type PrepareWorkerData, type PrepareWorkerMessage } from './prepare-protocol.js';
import { formatOfFileName, ImportFileError, openRowSource } from './file-rows.js';
import { compileStoredPacks } from '../screening/compile-packs.js';
import { prepareCases, type IntakeItem } from '../services/case-intake.js';

const data = workerData as PrepareWorkerData;
const port = parentPort!;
const MAX_IN_FLIGHT = 2;
let inFlight = 0;
let release: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  release?.();
});

function post(message: PrepareWorkerMessage) {
  port.postMessage(message);
}

async function send(items: IntakeItem[], bytes: number, screen: Parameters<typeof prepareCases>[1]['screen']) {
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (release = resolve));
  inFlight++;
  const batch = prepareCases(items, { courtCode: data.courtCode, today: data.today, screen, columnNames: 'header' });
  const parts = postBatchParts(data.parts, batch); // before the message that announces them
  post({ type: 'batch', parts, caseNumbers: batch.cases.map((c) => c.draft.caseNumber), rows: items.length, lastRow: items[items.length - 1]!.row, bytes });
}

try {
  const screener = compileStoredPacks(data.packs, data.watchLists);
  const screen = (input: Parameters<typeof screener.screen>[0]) => screener.screen(input);
  let bytes = 0;
  const source = openRowSource(data.file, formatOfFileName(data.file), { fromRow: data.fromRow, onBytes: (n) => (bytes = n) });
  post({ type: 'encoding', encoding: source.encoding });
  let items: IntakeItem[] = [];
  for await (const item of source.rows) {
    items.push(item);
    if (items.length >= IMPORT_BATCH_ROWS) {
      await send(items, bytes, screen);
      items = [];
    }
  }
  if (items.length > 0) await send(items, bytes, screen);
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', fileError: error instanceof ImportFileError, message: error instanceof Error ? error.message : String(error) });
}
