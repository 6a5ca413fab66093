// Helper thread of wal-checkpointer.ts: one WAL checkpoint on its own connection per request.
// Plain JavaScript, so the thread starts without the TypeScript loader (and its extra thread).
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file);
db.pragma('wal_autocheckpoint = 0');
// A checkpoint copies WAL frames to the file; it needs no page cache of its own.
db.pragma('cache_size = -256');

parentPort.on('message', () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, ...result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
