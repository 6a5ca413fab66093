import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import { ApiError } from '../api/http';
import { showError } from '../components/feedback';

/** What polling needs of a job: imports (`/imports/:id`) and background jobs (`/jobs/:id`) both fit. */
export interface PolledJob {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
}

export const POLL_INTERVAL_MS = 1000;

export const isJobFinished = (job: Pick<PolledJob, 'status'>) => job.status === 'completed' || job.status === 'failed';

interface PollingOptions<Job> {
  intervalMs?: number;
  /** Runs once when the followed job is seen completed or failed. */
  onFinished?: (job: Job) => void | Promise<void>;
}

/**
 * Follows one server job: shows it at once, then asks for it every second (one request at a
 * time) until it completes or fails. Following another job, `stop()` or leaving the page ends
 * the polling. A network hiccup or server error is shown and retried; a 4xx (the job is gone,
 * or no longer visible) stops.
 */
export function useJobPolling<Job extends PolledJob>(fetchJob: (id: string) => Promise<Job>, options: PollingOptions<Job> = {}) {
  const interval = options.intervalMs ?? POLL_INTERVAL_MS;
  const job = shallowRef<Job | null>(null);
  const polling = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;

  function stop(): void {
    ticket += 1;
    clearTimeout(timer);
    timer = undefined;
    polling.value = false;
  }

  async function settle(current: Job, mine: number): Promise<void> {
    job.value = current;
    if (!isJobFinished(current)) {
      timer = setTimeout(() => void poll(current.id, mine), interval);
      return;
    }
    polling.value = false;
    await options.onFinished?.(current);
  }

  async function poll(id: string, mine: number): Promise<void> {
    let next: Job;
    try {
      next = await fetchJob(id);
    } catch (error) {
      if (mine !== ticket) return;
      showError(error);
      const gone = error instanceof ApiError && error.status >= 400 && error.status < 500;
      if (gone) polling.value = false;
      else timer = setTimeout(() => void poll(id, mine), interval);
      return;
    }
    if (mine === ticket) await settle(next, mine);
  }

  /** Shows `start` (as the server just returned it) and keeps it up to date until it finishes. */
  function follow(start: Job): Promise<void> {
    stop();
    polling.value = !isJobFinished(start);
    return settle(start, ticket);
  }

  if (getCurrentScope()) onScopeDispose(stop);

  return { job, polling, follow, stop };
}
