/**
 * The evidence that the engine is right: queueing systems with closed forms,
 * each built from the full model (one service, people at level 1, nothing
 * else switched on) and run for independent replications, and a system with
 * no steady state that the diagnostics must flag. `npm run validate` prints
 * them as one table and writes docs/validation.md.
 *
 * Each simulated figure is the mean over replications of a replication's
 * mean, with its 95% Student-t interval. Runs start empty, which biases a
 * finite run's mean slightly; the allowance (oracle.ts, startupBias) bounds
 * that bias, and "inside" means the closed form lies within the 95% interval
 * widened by it. The unit tests check the same systems at 99.9%
 * (ORACLE_LEVEL); `passes` uses that level, so a case only fails for a
 * discrepancy a correct engine shows once in a thousand runs.
 */
import type { Distribution } from '../random/distribution';
import { diagnose } from '../run/diagnostics';
import { runScenario } from '../run/runScenario';
import { meanCI, type ConfidenceInterval } from '../stats/confidenceInterval';
import { mmcMeanWait } from '../stats/erlangC';
import { ORACLE_LEVEL, startupBias } from './oracle';
import { replicate } from './replicate';
import { buildScenario, constant, exponential, type ScenarioSpec } from './scenarioBuilder';

export interface ValidationRow {
  name: string;
  /** What is compared, e.g. "mean lead time (h)". */
  figure: string;
  expected: number;
  /** How the closed form is written, e.g. "1 / (mu - lambda)". */
  formula: string;
  ci: ConfidenceInterval;
  /** Start-up bias allowance added to the half-width. */
  allowance: number;
  /** Within the 95% interval widened by the allowance. */
  inside: boolean;
  /** Within the 99.9% interval widened by the allowance (the unit tests' level). */
  passes: boolean;
  /** For the stability case: what the diagnostics said. */
  note?: string;
}

const REPLICATIONS = 20;

function row(name: string, figure: string, formula: string, expected: number, values: readonly number[], allowance: number, note?: string): ValidationRow {
  const ci = meanCI(values);
  const strict = meanCI(values, ORACLE_LEVEL);
  const error = Math.abs(ci.mean - expected);
  return { name, figure, formula, expected, ci, allowance, inside: error <= ci.halfWidth + allowance, passes: error <= strict.halfWidth + allowance, ...(note ? { note } : {}) };
}

/** One service with Poisson arrivals at `lambda` and one stage of `hours`, served by `c` people at level 1 from one shared queue. */
function queue(c: number, lambda: number, hours: Distribution, horizonHours: number, seed: number): ScenarioSpec {
  return {
    skills: ['s'],
    people: Array.from({ length: c }, (_, i) => ({ id: `p${i}`, skills: { s: 1 } })),
    services: [{ id: 'svc', arrivals: lambda, stages: [{ skill: 's', hours }] }],
    structure: { mode: 'cross-functional', dispatch: 'pull' },
    horizonHours,
    replications: REPLICATIONS,
    seed,
  };
}

const leadMeans = (spec: ScenarioSpec) => replicate(buildScenario(spec)).map((r) => r.leadTime.mean);

/** Mean time in system of an M/G/1 queue (Pollaczek-Khinchine): lambda E[S^2] / (2 (1 - rho)) + E[S]. */
const pollaczekKhinchine = (lambda: number, mean: number, secondMoment: number) => (lambda * secondMoment) / (2 * (1 - lambda * mean)) + mean;

export function validationRows(): ValidationRow[] {
  const rows: ValidationRow[] = [];
  const T = 20_000;

  // M/M/1 at rho 0.8: W = 1 / (mu - lambda).
  rows.push(row('M/M/1, rho 0.8', 'mean lead time (h)', '1 / (mu - lambda)', 1 / (1 - 0.8), leadMeans(queue(1, 0.8, exponential(1), T, 11)), startupBias(0.8, 1, 0.8, T)));

  // M/M/3 at rho 0.8 (Erlang C): W = Wq + 1 / mu.
  rows.push(row('M/M/3, rho 0.8', 'mean lead time (h)', 'Erlang C wait + 1 / mu', mmcMeanWait(3, 2.4, 1) + 1, leadMeans(queue(3, 2.4, exponential(1), 8_000, 12)), startupBias(0.8, 1, 2.4, 8_000)));

  // Pooling: two services at lambda 0.8 each, two people. Walled: two M/M/1; cross-functional: one M/M/2.
  const pooling = (mode: 'walled' | 'cross-functional'): ScenarioSpec => ({
    skills: ['s'],
    people: [
      { id: 'ana', skills: { s: 1 } },
      { id: 'ben', skills: { s: 1 } },
    ],
    services: ['a', 'b'].map((id) => ({ id, arrivals: 0.8, stages: [{ skill: 's', hours: exponential(1) }] })),
    structure: {
      mode,
      dispatch: 'pull',
      assignments: [
        { service: 'a', skill: 's', person: 'ana' },
        { service: 'b', skill: 's', person: 'ben' },
      ],
    },
    horizonHours: 8_000,
    replications: REPLICATIONS,
    seed: 13,
  });
  rows.push(row('Pooling: walled, 2 x M/M/1', 'mean lead time (h)', '1 / (mu - lambda)', 1 / (1 - 0.8), leadMeans(pooling('walled')), startupBias(0.8, 1, 0.8, 8_000)));
  rows.push(row('Pooling: cross-functional, M/M/2', 'mean lead time (h)', 'Erlang C wait (c = 2) + 1 / mu', mmcMeanWait(2, 1.6, 1) + 1, leadMeans(pooling('cross-functional')), startupBias(0.8, 1, 1.6, 8_000)));

  // Tandem: a walled three-stage line, each stage its own specialist (Jackson network).
  const mus = [1, 0.8, 1.25];
  const skills = ['x', 'y', 'z'];
  const tandemResults = replicate(
    buildScenario({
      skills,
      people: skills.map((skill) => ({ id: `p-${skill}`, skills: { [skill]: 1 } })),
      services: [{ id: 'line', arrivals: 0.5, stages: skills.map((skill, i) => ({ skill, hours: exponential(1 / mus[i]!) })) }],
      structure: { mode: 'walled', assignments: skills.map((skill) => ({ service: 'line', skill, person: `p-${skill}` })) },
      horizonHours: 10_000,
      replications: REPLICATIONS,
      seed: 14,
    }),
  );
  const tandemBias = mus.reduce((sum, mu) => sum + startupBias(0.5 / mu, mu, 0.5, 10_000), 0);
  const tandemW = mus.reduce((sum, mu) => sum + 1 / (mu - 0.5), 0);
  rows.push(row('Tandem line, 3 stations', 'mean lead time (h)', 'sum of 1 / (mu_i - lambda)', tandemW, tandemResults.map((r) => r.leadTime.mean), tandemBias));

  // M/G/1 (uniform effort on [0.5, 1.5): E[S] = 1, E[S^2] = 1 + 1/12) and M/D/1 (constant 1 h), at rho 0.8.
  const uniform: Distribution = { kind: 'uniform', min: 0.5, max: 1.5 };
  rows.push(row('M/G/1 (uniform effort), rho 0.8', 'mean lead time (h)', 'Pollaczek-Khinchine', pollaczekKhinchine(0.8, 1, 1 + 1 / 12), leadMeans(queue(1, 0.8, uniform, T, 15)), startupBias(0.8, 1, 0.8, T)));
  rows.push(row('M/D/1, rho 0.8', 'mean lead time (h)', 'Pollaczek-Khinchine', pollaczekKhinchine(0.8, 1, 1), leadMeans(queue(1, 0.8, constant(1), T, 16)), startupBias(0.8, 1, 0.8, T)));

  // Little's law on the tandem line: time-average work in progress L = lambda W.
  rows.push(row("Little's law (tandem line)", 'mean work in progress (items)', 'lambda x sum of 1 / (mu_i - lambda)', 0.5 * tandemW, tandemResults.map((r) => r.wip.mean), 0.5 * tandemBias));

  // Stability: an M/M/1 at rho 1.5 has no steady state; its queue grows by (lambda - mu) = 0.5 items/h, 20 per 40-hour week.
  const overloaded = buildScenario({ ...queue(1, 1.5, exponential(1), 2_000, 17), warmupHours: 200 });
  const v = runScenario(overloaded).variants[0]!;
  const d = diagnose(v);
  const growth = row('Stability: M/M/1, rho 1.5 (must be flagged)', 'work in progress growth (items/week)', '(lambda - mu) x 40 h', 0.5 * 40, v.perReplication.wipGrowthPerWeek, 0);
  const flagged = d.unstable;
  rows.push({
    ...growth,
    inside: growth.inside && flagged,
    passes: growth.passes && flagged,
    note: flagged ? `flagged: does not settle (bottleneck: ${d.bottleneck ?? '?'})` : 'NOT flagged',
  });
  return rows;
}

const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(3));

/** The rows as a Markdown table (the same text is printed and written to docs/validation.md). */
export function validationTable(rows: readonly ValidationRow[]): string {
  const lines = [
    '| Case | Figure | Closed form | Simulated mean ± 95% CI | Inside? |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.figure} | ${f(r.expected)} (${r.formula}) | ${f(r.ci.mean)} ± ${f(r.ci.halfWidth)}${r.allowance > 0 ? ` (start-up allowance ${f(r.allowance)})` : ''} | ${r.inside ? 'yes' : r.passes ? 'no (inside at 99.9%)' : 'NO'}${r.note ? `; ${r.note}` : ''} |`,
    ),
  ];
  return lines.join('\n');
}
