/**
 * The benchmark runner behind `npm run bench`: runs each case once to warm up
 * the JIT, then measures it RUNS times and reports the median run (this
 * machine's noise is easily 30% run to run; the median is the honest figure).
 * Prints a table, or with `--json` one JSON object `{ "<case>": {...} }`.
 * Options: `--case NAME` (repeatable) to run only some cases, `--runs N`.
 *
 * To add a case, append to CASES: a name, a warm-up function and a measured
 * function returning flat numeric fields (or a promise of them). This is a
 * measurement, not a test: it never fails on a slow figure.
 *
 * Run it built (`npm run bench` bundles it to out/cli/bench.js first): the
 * "org" case starts worker threads from out/cli/worker.js.
 */
import { answerScenarios, benchAnswer } from './answer';
import { benchHold } from './hold';
import { benchStress } from './stress';
import { benchMM3 } from './mm3';
import { benchOrg, benchOrgInThread, ORG_CHILD_FLAG, orgChild } from './org';
import { benchOrgSkeleton } from './orgSkeleton';

/** One benchmark: `measure` runs it once and returns what it measured. */
interface BenchCase {
  readonly name: string;
  readonly describe: string;
  /** A small run to warm the JIT before measuring. */
  readonly warmUp: () => unknown;
  readonly measure: () => Readonly<Record<string, number>> | Promise<Readonly<Record<string, number>>>;
  /** The field runs are ranked by to pick the median. */
  readonly rankBy: string;
  /** Measured runs when `--runs` is not given (default 5). */
  readonly runs?: number;
}

const CASES: BenchCase[] = [
  {
    name: 'answer',
    describe:
      'what a user waits for: the organisation of 50, walled vs cross-functional, run until precise at the default precision ' +
      '(+-2 points lead time, +-5 time to restore, 30 to 1,000 replications) on 2 worker threads, from starting the pool (target <= 2 s)',
    warmUp: () => benchAnswer(answerScenarios.answer(), 2),
    measure: () => benchAnswer(answerScenarios.answer(), 2),
    rankBy: 'seconds',
    runs: 3,
  },
  {
    name: 'answerSmall',
    describe: 'the same for the walled data team example (target <= 0.5 s)',
    warmUp: () => benchAnswer(answerScenarios.answerSmall(), 2),
    measure: () => benchAnswer(answerScenarios.answerSmall(), 2),
    rankBy: 'seconds',
  },
  {
    name: 'stress',
    describe:
      'the organisation\'s absence stress test (everyone away in turn for 4 weeks, 50 replications, ranked by time to restore), raced on 2 worker ' +
      'threads from starting the pool (target <= 3 s); sameTopFive: the exhaustive run\'s top five (run after, untimed)',
    warmUp: () => benchStress(2, { people: 4, replications: 6 }),
    measure: () => benchStress(2),
    rankBy: 'seconds',
    runs: 1,
  },
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
  {
    name: 'hold-org',
    describe:
      'kernel alone at the organisation case\'s event-list size (about 150 pending), 2,000,000 events: the floor under the organisation ' +
      '(its 1,000 replications, 12.3 million events in 3 s on 2 workers, need 2.05 million events/s per worker, model included)',
    warmUp: () => void benchHold(150, 300_000, 7),
    measure: () => ({ ...benchHold(150, 2_000_000, 1) }),
    rankBy: 'eventsPerSecond',
  },
  {
    name: 'org',
    describe:
      'organisation of 50, walled vs cross-functional, 1,000 replications of the comparison (2,000 model runs) on 2 worker threads, ' +
      'timed from starting the pool in a fresh process; also 500 replications (500 + 500 model runs) and the 1,000 on a warm pool; ' +
      'peak RSS of the process (main thread and workers, getrusage) for 1,000 vs 250 replications ' +
      '(target: 1,000 replications in under 3 s, memory not growing with replications)',
    warmUp: () => benchOrgInThread(5),
    measure: () => benchOrg(1000, 2),
    rankBy: 'wallSeconds',
    runs: 3,
  },
  {
    name: 'org-thread',
    describe: 'organisation of 50, walled vs cross-functional, 100 replications in this thread (no workers): the model alone',
    warmUp: () => benchOrgInThread(10),
    measure: () => benchOrgInThread(100),
    rankBy: 'msPerModelRun',
  },
  {
    name: 'org-skeleton',
    describe:
      'the organisation reduced to the fewest operations that still make its events (see orgSkeleton.ts), 300 model runs in this thread: ' +
      'how fast any faithful model of it could run here; orgCaseFloorSeconds = 2,000 such runs on 2 workers with no overhead',
    warmUp: () => benchOrgSkeleton(50),
    measure: () => benchOrgSkeleton(300),
    rankBy: 'msPerModelRun',
  },
];

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const runsAt = argv.indexOf('--runs');
  const runsGiven = runsAt >= 0 ? Number(argv[runsAt + 1]) : null;
  if (runsGiven !== null && (!Number.isInteger(runsGiven) || runsGiven < 1)) throw new RangeError(`--runs needs a positive integer, got ${argv[runsAt + 1]}`);
  const wanted = argv.flatMap((a, i) => (argv[i - 1] === '--case' ? [a] : []));
  const unknown = wanted.filter((w) => !CASES.some((c) => c.name === w));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; known: ${CASES.map((c) => c.name).join(', ')}`);
  const chosen = wanted.length > 0 ? CASES.filter((c) => wanted.includes(c.name)) : CASES;

  const results: Record<string, Readonly<Record<string, number>>> = {};
  for (const c of chosen) {
    const runs = runsGiven ?? c.runs ?? 5;
    await c.warmUp();
    const measured: Readonly<Record<string, number>>[] = [];
    for (let i = 0; i < runs; i++) measured.push(await c.measure());
    measured.sort((a, b) => (a[c.rankBy] ?? 0) - (b[c.rankBy] ?? 0));
    results[c.name] = measured[Math.floor((runs - 1) / 2)]!;
    if (!json) printTable(c, results[c.name]!, runs);
  }
  // Measured in the same run, so the ratio holds on a noisy machine (target <= 1.5).
  const ratio = results['org-thread'] && results['org-skeleton'] ? results['org-thread'].msPerModelRun! / results['org-skeleton'].msPerModelRun! : undefined;
  // sameTopFive is a yes/no: JSON says true or false.
  const out: Record<string, unknown> = { ...results };
  if (results.stress) out.stress = { ...results.stress, sameTopFive: results.stress.sameTopFive === 1 };
  if (ratio !== undefined) out.modelOverSkeleton = ratio;
  // The events alone against the skeleton (which is only events): how far the event path is from the floor.
  const eventRatio = results['org-thread'] && results['org-skeleton'] ? results['org-thread'].eventMsPerModelRun! / results['org-skeleton'].msPerModelRun! : undefined;
  if (eventRatio !== undefined) out.eventsOverSkeleton = eventRatio;
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else if (ratio !== undefined) {
    process.stdout.write(`\nmodelOverSkeleton: org-thread / org-skeleton ms per model run = ${ratio.toPrecision(3)} (target <= 1.5)\n`);
    if (eventRatio !== undefined) process.stdout.write(`eventsOverSkeleton: org-thread's events alone / org-skeleton = ${eventRatio.toPrecision(3)}\n`);
  }
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

const args = process.argv.slice(2);
const child = args.indexOf(ORG_CHILD_FLAG);
(child >= 0 ? orgChild(Number(args[child + 1]), Number(args[child + 2])) : main(args)).catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
