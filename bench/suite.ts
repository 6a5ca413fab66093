/** A benchmark suite run by bench/run.ts; each returns the lines of its report. */
export interface BenchSuite {
  /** Short name used to select the suite: `npm run bench -- <name>`. */
  readonly name: string;
  readonly description: string;
  run(): Promise<string[]>;
}

/** Median wall-clock and CPU time of one run, in milliseconds. */
export interface Timing {
  readonly wallMilliseconds: number;
  /**
   * User + system CPU time of the process. On a shared machine this is the better "per core"
   * figure: it leaves out the time other processes held the core (it does include V8's GC and
   * compiler threads, so on an idle machine it can exceed the wall time).
   */
  readonly cpuMilliseconds: number;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `work` once to warm up, then `repetitions` times, and returns the median timings. */
export function measure(work: () => void, repetitions: number): Timing {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    work();
    wall.push(performance.now() - wallStart);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMilliseconds: median(wall), cpuMilliseconds: median(cpu) };
}

/** `measure` for asynchronous work (one warm-up run, then `repetitions`). */
export async function measureAsync(work: () => Promise<void>, repetitions: number): Promise<Timing> {
  await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await work();
    wall.push(performance.now() - wallStart);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMilliseconds: median(wall), cpuMilliseconds: median(cpu) };
}
