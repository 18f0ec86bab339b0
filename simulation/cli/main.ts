/**
 * `npm run simulate -- scenario.handoff.json [--reps N] [--seed S]
 *   [--variant walled|cross-functional|base|<saved id>|file.json]... [--workers N]
 *   [--out results.json] [--csv dir] [--report report.html] [--pdf report.pdf]
 *   [--title T] [--question Q]`
 *
 * Runs a scenario headless on a pool of worker threads, prints a summary
 * table (and, for each saved variant with a transition, when the
 * reorganisation pays for itself; see simulation/transition), and writes the results as JSON, CSV, and a report (HTML, and PDF
 * where a Chromium is installed) that is the same as the app's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { variantSchema, type Scenario } from '../scenario/schema';
import { parseScenarioFile } from '../scenario/parseScenario';
import { decodeText } from '../scenario/decodeText';
import type { RunResult } from '../run/runScenario';
import { parseVariantName, type VariantSpec } from '../run/variantSpec';
import { variantStructureWarnings } from '../run/variantWarnings';
import { buildReportHtml } from '../report/buildReport';
import { sha256Hex } from '../report/embed';
import { serializeScenario } from '../scenario/serialize';
import { cliAppVersion } from './appVersion';
import { describeStopping, formatSummary } from './formatSummary';
import { precisionTarget, type PrecisionTarget } from '../run/precision';
import { NoChromiumError, printHtmlToPdf } from './printPdf';
import { writeCsv } from './writeCsv';
import { formatTransitions, runTransitions, writeTransitionCsv } from './transitions';
import { WorkerPool } from './workerPool';
import { printable } from './printable';
import { estimateRun, judgeRun } from '../run/runBudget';
import { checkOutputFolders, cliErrorLine, writeOutput } from './cliErrors';

const USAGE = `usage: npm run simulate -- <scenario.handoff.json> [--reps N] [--precision P] [--seed S] [--variant NAME|FILE]... [--workers N]
       [--out results.json] [--csv DIR] [--report report.html] [--pdf report.pdf] [--title TITLE] [--question TEXT]
  (default) runs until precise: replications in batches until every headline figure's 95% interval is within +-2
             percentage points (lead time) and +-5 (time to restore), at least 30 and at most the scenario's replications;
  --reps     a fixed number of replications instead (with --precision: the most it may take);
  --precision  run until every headline figure is within +-P percentage points (lead time and time to restore alike);
  --variant  walled, cross-functional, base, the id of a variant saved in the scenario, or a variant JSON file;
             repeat to compare (the first is the baseline). Default: walled and cross-functional.
  --report   writes the report as one HTML file (the scenario is inside it: open it in Handoff to get the scenario back);
  --pdf      prints the report to PDF with Chromium (CHROMIUM_PATH, or chromium / google-chrome on the PATH);
  --title, --question  the report's title and question (default: the scenario's name and description);
  A saved variant with a transition (a date its plan takes effect) is also run as a reorganisation: the summary says
             when it pays for itself and how deep the dip is, --csv adds transition-<id>.csv, the report a section;
  --large    runs a scenario estimated to take minutes (more than 200 million events) instead of refusing it.`;

export { UsageError } from './cliErrors';
import { UsageError } from './cliErrors';

const out = (text: string) => process.stdout.write(printable(text));
const err = (text: string) => process.stderr.write(printable(text));

async function loadVariant(scenario: Scenario, arg: string): Promise<VariantSpec> {
  if (!arg.endsWith('.json')) {
    try {
      return parseVariantName(scenario, arg);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const text = await fs.readFile(arg, 'utf8').catch(() => {
    throw new UsageError(`cannot read variant file ${arg}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${arg}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = variantSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`${arg}: not a variant:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n')}`);
  }
  return { kind: 'inline', variant: parsed.data };
}

function parseCliArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        reps: { type: 'string' },
        precision: { type: 'string' },
        seed: { type: 'string' },
        variant: { type: 'string', multiple: true },
        workers: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'string' },
        report: { type: 'string' },
        pdf: { type: 'string' },
        title: { type: 'string' },
        question: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        large: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    // node:util's messages name the option; the usage line says what there is.
    throw new UsageError(`${(e as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '')} (run with no arguments for the usage)`);
  }
}

function positiveInt(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}"`);
  return n;
}

/** --precision P, or the default targets when neither it nor --reps is given; undefined for a fixed count. */
function precisionOption(value: string | undefined, repsGiven: boolean, maxReplications: number): PrecisionTarget | undefined {
  if (value === undefined) return repsGiven ? undefined : precisionTarget(maxReplications);
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p <= 0 || p > 100) throw new UsageError(`--precision must be a number of percentage points above 0 and at most 100, not "${value}"`);
  return precisionTarget(maxReplications, p, p, Math.min(30, Math.max(2, maxReplications)));
}

export async function main(argv: string[]): Promise<RunResult> {
  const { values, positionals } = parseCliArgs(argv);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const text = await fs.readFile(file).then(decodeText, () => {
    throw new UsageError(`cannot read ${file}: no such file, or it is not readable`);
  });
  const loaded = parseScenarioFile(text, path.basename(file));
  if (!loaded.ok) throw new UsageError(`${file} is not a valid scenario:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`);
  const scenario = loaded.scenario;
  const replications = positiveInt('reps', values.reps, 100_000) ?? scenario.run.replications;
  if (replications < 1) throw new UsageError('--reps must be at least 1');
  const precision = precisionOption(values.precision, values.reps !== undefined, replications);
  const seed = positiveInt('seed', values.seed, 4_294_967_295) ?? scenario.run.seed;
  const names = values.variant?.length ? values.variant : ['walled', 'cross-functional'];
  const variants = await Promise.all(names.map((n) => loadVariant(scenario, n)));
  const workers = positiveInt('workers', values.workers, 256);
  const budget = judgeRun(estimateRun(scenario, variants, replications), replications);
  if (budget.verdict === 'refused') throw new UsageError(`${file}: ${budget.reason}`);
  await checkOutputFolders([['--out', values.out], ['--csv', values.csv], ['--report', values.report], ['--pdf', values.pdf]]);
  if (budget.verdict === 'large' && !values.large) throw new UsageError(`${file}: ${budget.reason} Add --large to run it anyway.`);

  const pool = new WorkerPool(workers && workers > 0 ? workers : undefined);
  const started = Date.now();
  let lastPrint = 0;
  let result: RunResult;
  try {
    result = await pool.run(scenario, {
      replications,
      precision,
      seed,
      variants,
      onProgress: (done, total) => {
        if (precision || values.quiet || !process.stderr.isTTY || Date.now() - lastPrint < 200) return;
        lastPrint = Date.now();
        err(`\r${done}/${total} replications`);
      },
      onCheckpoint: ({ replications: n, worst }) => {
        if (values.quiet || !process.stderr.isTTY) return;
        err(`\r${n} replications${worst ? `, least precise: ${worst.metric} +-${worst.halfWidthPct.toFixed(1)} points (target ${worst.targetPct})` : ''}   `);
      },
    });
  } finally {
    await pool.close();
  }
  if (!values.quiet && process.stderr.isTTY) process.stderr.write('\r');
  const seconds = (Date.now() - started) / 1000;
  const transitions = runTransitions(scenario, result.replications, seed, (text) => {
    if (values.quiet || !process.stderr.isTTY || Date.now() - lastPrint < 200) return;
    lastPrint = Date.now();
    err(`\r${text}   `);
  });
  if (transitions.length && !values.quiet && process.stderr.isTTY) process.stderr.write('\r');
  if (!values.quiet) {
    out(formatSummary(result));
    out(`\n${result.replications} replications x ${variants.length} variants, seed ${seed}, ${pool.size} workers, ${seconds.toFixed(2)} s\n`);
    out(`${describeStopping(result)}\n`);
    out(formatTransitions(transitions));
  }
  for (const w of loaded.warnings) err(`warning: ${w}\n`);
  for (const w of variantStructureWarnings(scenario, variants)) err(`warning: ${w}\n`);
  if (values.out) {
    await writeOutput('--out', values.out, JSON.stringify(result, null, 1) + '\n');
    if (!values.quiet) out(`results written to ${values.out}\n`);
  }
  if (values.csv) {
    const files = [...(await writeCsv(result, values.csv)), ...(await writeTransitionCsv(scenario, transitions, values.csv))];
    if (!values.quiet) out(`CSV written: ${files.join(', ')}\n`);
  }
  if (values.report || values.pdf) {
    const html = buildReportHtml({
      title: values.title ?? scenario.name,
      question: values.question ?? scenario.description,
      createdAt: new Date().toISOString(),
      appVersion: cliAppVersion(),
      scenario,
      scenarioHash: await sha256Hex(serializeScenario(scenario)),
      variants,
      result,
      transitions,
    });
    if (values.report) {
      await writeOutput('--report', values.report, html);
      if (!values.quiet) out(`report written to ${values.report}\n`);
    }
    if (values.pdf) {
      let pdf: Buffer;
      try {
        pdf = await printHtmlToPdf(html);
      } catch (e) {
        throw e instanceof NoChromiumError ? new UsageError(`--pdf: ${e.message}`) : e;
      }
      await writeOutput('--pdf', values.pdf, pdf);
      if (!values.quiet) out(`PDF written to ${values.pdf}\n`);
    }
  }
  return result;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isEntry) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    err(`${cliErrorLine(e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
