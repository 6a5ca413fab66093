import { sql, type SqlBool } from 'kysely';

/**
 * Jobs a worker may take: queued ones, or running ones whose worker stopped writing (a crashed
 * or killed server). Used in a conditional UPDATE, so with several servers only one wins a job.
 */
export function claimable(staleBeforeIso: string) {
  return sql<SqlBool>`(status = 'queued' or (status = 'running' and updated_at < ${staleBeforeIso}))`;
}
