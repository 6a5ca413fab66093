import { sql, type Expression, type SqlBool } from 'kysely';
import type { Dialect } from './database.js';

/**
 * The few places where SQLite and PostgreSQL differ, kept in one file.
 * SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs ILIKE.
 */
export function containsText(dialect: Dialect, column: Expression<unknown>, needle: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(needle)}%`;
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** COUNT(*) comes back as a string (bigint) from PostgreSQL and a number from SQLite. */
export function toCount(value: unknown): number {
  return Number(value ?? 0);
}
