/**
 * Splits rows for multi-row INSERTs: SQLite allows 32,766 bound parameters per statement and
 * PostgreSQL 65,535, so a chunk's rows × columns must stay below the smaller.
 */
export function chunksFor<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.floor(30_000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
