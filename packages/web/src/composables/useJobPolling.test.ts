import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { ApiError } from '../api/http';
import { showError } from '../components/feedback';
import { useJobPolling, type PolledJob } from './useJobPolling';

vi.mock('../components/feedback', () => ({ showError: vi.fn() }));

interface Job extends PolledJob {
  percent: number;
}

const job = (status: Job['status'], percent: number): Job => ({ id: 'j1', status, percent });

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(showError).mockReset();
});
afterEach(() => vi.useRealTimers());

describe('useJobPolling', () => {
  it('asks once a second until the job finishes, then calls onFinished once', async () => {
    const fetchJob = vi
      .fn<(id: string) => Promise<Job>>()
      .mockResolvedValueOnce(job('running', 40))
      .mockResolvedValueOnce(job('completed', 100));
    const onFinished = vi.fn();
    const polling = useJobPolling(fetchJob, { onFinished });

    await polling.follow(job('queued', 0));
    expect(polling.job.value?.percent).toBe(0);
    expect(polling.polling.value).toBe(true);
    expect(fetchJob).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchJob).toHaveBeenCalledWith('j1');
    expect(polling.job.value?.percent).toBe(40);

    await vi.advanceTimersByTimeAsync(1000);
    expect(polling.job.value?.status).toBe('completed');
    expect(polling.polling.value).toBe(false);
    expect(onFinished).toHaveBeenCalledOnce();

    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchJob).toHaveBeenCalledTimes(2);
  });

  it('does not poll a job that is already finished', async () => {
    const fetchJob = vi.fn<(id: string) => Promise<Job>>();
    const onFinished = vi.fn();
    const polling = useJobPolling(fetchJob, { onFinished });
    await polling.follow(job('failed', 30));
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetchJob).not.toHaveBeenCalled();
    expect(onFinished).toHaveBeenCalledWith(job('failed', 30));
  });

  it('retries after a network error but stops when the job is gone (4xx)', async () => {
    const fetchJob = vi
      .fn<(id: string) => Promise<Job>>()
      .mockRejectedValueOnce(new ApiError(0, 'network', '无法连接服务器'))
      .mockRejectedValueOnce(new ApiError(404, 'not_found', '未找到导入任务'));
    const polling = useJobPolling(fetchJob);
    await polling.follow(job('running', 10));
    await vi.advanceTimersByTimeAsync(1000);
    expect(polling.polling.value).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(polling.polling.value).toBe(false);
    expect(showError).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchJob).toHaveBeenCalledTimes(2);
  });

  it('forgets the old job when another is followed, and stops when its page goes away', async () => {
    let releaseOld!: (value: Job) => void;
    const fetchJob = vi
      .fn<(id: string) => Promise<Job>>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseOld = resolve)))
      .mockResolvedValue({ id: 'j2', status: 'running', percent: 70 });
    const scope = effectScope();
    const polling = scope.run(() => useJobPolling(fetchJob))!;

    await polling.follow(job('running', 10));
    await vi.advanceTimersByTimeAsync(1000); // the request for j1 is now in flight
    await polling.follow({ id: 'j2', status: 'running', percent: 50 });
    releaseOld(job('completed', 100));
    await vi.advanceTimersByTimeAsync(0);
    expect(polling.job.value).toEqual({ id: 'j2', status: 'running', percent: 50 });

    scope.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchJob).toHaveBeenCalledTimes(1);
    expect(polling.polling.value).toBe(false);
  });
});
