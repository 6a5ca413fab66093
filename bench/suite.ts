/** A benchmark suite run by bench/run.ts; each returns the lines of its report. */
export interface BenchSuite {
  /** Short name used to select the suite: `npm run bench -- <name>`. */
  readonly name: string;
  readonly description: string;
  run(): Promise<string[]>;
}

/** Runs `work` `repetitions` times after one warm-up run and returns the median wall time in ms. */
export function medianMilliseconds(work: () => void, repetitions: number): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
