/**
 * The benchmark runner behind `npm run bench`: runs each case once to warm up
 * the JIT, then measures it RUNS times and reports the median run (this
 * machine's noise is easily 30% run to run; the median is the honest figure).
 * Prints a table, or with `--json` one JSON object `{ "<case>": {...} }`.
 * Options: `--case NAME` (repeatable) to run only some cases, `--runs N`.
 *
 * To add a case, append to CASES: a name, a warm-up function and a measured
 * function returning flat numeric fields. This is a measurement, not a test:
 * it never fails on a slow figure.
 */
import { benchHold } from './hold';
import { benchMM3 } from './mm3';

/** One benchmark: `measure` runs it once and returns what it measured. */
interface BenchCase {
  readonly name: string;
  readonly describe: string;
  /** A small run to warm the JIT before measuring. */
  readonly warmUp: () => void;
  readonly measure: () => Readonly<Record<string, number>>;
  /** The field runs are ranked by to pick the median. */
  readonly rankBy: string;
}

const CASES: BenchCase[] = [
  {
    name: 'mm3',
    describe: 'M/M/3 queue, rho 0.8, 480,000 customers (target >= 1.5M customers/s)',
    warmUp: () => void benchMM3(100_000, 7),
    measure: () => ({ ...benchMM3(480_000, 1) }),
    rankBy: 'customersPerSecond',
  },
  {
    name: 'hold',
    describe: 'kernel alone: hold model with 10,000 pending events, 2,000,000 events',
    warmUp: () => void benchHold(10_000, 300_000, 7),
    measure: () => ({ ...benchHold(10_000, 2_000_000, 1) }),
    rankBy: 'eventsPerSecond',
  },
];

function main(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`--runs needs a positive integer, got ${argv[runsAt + 1]}`);
  const wanted = argv.flatMap((a, i) => (argv[i - 1] === '--case' ? [a] : []));
  const unknown = wanted.filter((w) => !CASES.some((c) => c.name === w));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; known: ${CASES.map((c) => c.name).join(', ')}`);
  const chosen = wanted.length > 0 ? CASES.filter((c) => wanted.includes(c.name)) : CASES;

  const results: Record<string, Readonly<Record<string, number>>> = {};
  for (const c of chosen) {
    c.warmUp();
    const measured = Array.from({ length: runs }, () => c.measure());
    measured.sort((a, b) => (a[c.rankBy] ?? 0) - (b[c.rankBy] ?? 0));
    results[c.name] = measured[Math.floor((runs - 1) / 2)]!;
    if (!json) printTable(c, results[c.name]!, runs);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
}

function printTable(c: BenchCase, result: Readonly<Record<string, number>>, runs: number): void {
  const rows = Object.entries(result).map(([key, value]) => [key, format(value)] as const);
  const width = Math.max(...rows.map(([key]) => key.length));
  process.stdout.write(`\n${c.name}: ${c.describe}\nmedian of ${runs} measured runs after a warm-up run, Node ${process.version}\n`);
  for (const [key, value] of rows) process.stdout.write(`  ${key.padEnd(width)}  ${value.padStart(14)}\n`);
}

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(5);
}

main(process.argv.slice(2));
