/**
 * `npm run bench [-- <suite> ...]`: runs the named benchmark suites (all when none is named) and
 * prints their reports after a header describing the machine. Benchmarks, not tests: nothing here
 * asserts a timing. Add a suite by exporting a `BenchSuite` and listing it below.
 */
import { cpus, totalmem } from 'node:os';
import { importSuite } from './import.bench.js';
import { screeningSuite } from './screening.bench.js';
import { trialMonitoringSuite } from './trial-monitoring.bench.js';
import type { BenchSuite } from './suite.js';

const suites: readonly BenchSuite[] = [screeningSuite, importSuite, trialMonitoringSuite];

async function main(requested: readonly string[]): Promise<void> {
  const unknown = requested.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`未知的基准测试：${unknown.join('、')}；可选：${suites.map((suite) => suite.name).join('、')}`);
    process.exitCode = 2;
    return;
  }
  const selected = requested.length === 0 ? suites : suites.filter((suite) => requested.includes(suite.name));
  const cpu = cpus();
  console.log(`# CourtRisk benchmarks — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${new Date().toISOString()}`);
  for (const suite of selected) {
    console.log(`\n## ${suite.name}: ${suite.description}`);
    for (const line of await suite.run()) console.log(line);
  }
}

await main(process.argv.slice(2));
