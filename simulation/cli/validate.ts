/**
 * `npm run validate`: runs the engine against queueing theory (see
 * simulation/validation/cases.ts), prints one table and writes it to
 * docs/validation.md. Exits 1 when a case misses its closed form at the
 * unit tests' 99.9% level or the overloaded queue is not flagged.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationRows, validationTable } from '../validation/cases';

const started = performance.now();
const rows = validationRows();
const table = validationTable(rows);
const seconds = (performance.now() - started) / 1000;
const failed = rows.filter((r) => !r.passes);
process.stdout.write(`${table}\n\n${failed.length ? `FAILED: ${failed.map((r) => r.name).join(', ')}` : 'All cases agree with their closed forms; the overloaded queue is flagged.'} (${seconds.toFixed(1)} s)\n`);

const root = process.env.HANDOFF_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = `# Validation: the engine against queueing theory

Written by \`npm run validate\` (do not edit by hand; run the command again after changing the engine).

Each case is a queue with a known closed form, built from the full model: one service, Poisson arrivals, people at
level 1, and nothing else switched on (no absences, incidents, handoff costs or learning). Each runs 20 independent
replications from empty; the simulated figure is the mean over replications with its 95% confidence interval
(Student t). Starting empty biases a finite run slightly; the start-up allowance bounds that bias (Whitt's asymptotic
bias of the M/M/1 queue from empty, see \`simulation/validation/oracle.ts\`), and "inside" means the closed form lies
within the 95% interval widened by it. About one case in twenty may miss a 95% interval by chance alone; the command
fails only for a miss at 99.9%, the level of the unit tests in \`test/unit/simulation/model/\`.

The last case has no steady state (work arrives 1.5 times faster than it can be done): the figure is how fast its
queue grows, and the run's diagnostics must flag it as not settling and name the bottleneck.

${table}

Sources of the closed forms: M/M/1 and M/M/c (Erlang C), Jackson networks for the tandem line (Burke's theorem),
Pollaczek-Khinchine for M/G/1 and M/D/1, and Little's law L = λW.
`;
writeFileSync(path.join(root, 'docs', 'validation.md'), doc);
process.stdout.write(`Wrote ${path.join('docs', 'validation.md')}\n`);
if (failed.length) process.exitCode = 1;
