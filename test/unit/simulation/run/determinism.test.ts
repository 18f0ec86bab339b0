/**
 * The engine's output is pinned: a full run of each example scenario must give
 * exactly (bit for bit) the result it gave before the engine was optimised,
 * and the worker pool must give exactly what the in-thread runner gives.
 *
 * The scenarios are frozen copies in fixtures/ (the organisation as built by
 * simulation/examples/organisation.ts, the walled data team as saved in
 * simulation/examples/), so editing an example does not move the pins; only a
 * change to what the engine computes does. A change that is meant to alter
 * results (a model fix) re-pins them: run the test, check the new figures
 * make sense, and replace the hashes and figures below.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { runScenario, type RunResult } from '../../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../../simulation/run/variantSpec';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

const VARIANTS: VariantSpec[] = [
  { kind: 'preset', preset: 'walled' },
  { kind: 'preset', preset: 'cross-functional' },
];
const REPLICATIONS = 20;

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

/** JSON with sorted keys and NaN, infinities and -0 spelled out, so equal text means deep-equal values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '#-0' : v) : `#${v}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Captured from the engine before it was optimised, and re-pinned once after
 * the model fixes of engineBugs.test.ts (incidents interrupted by an absence
 * go to the best available responder, reviews by someone else, undetected
 * failures counted, on-call shift changes), which were meant to change results
 * (runScenario, 20 replications, walled then cross-functional). Re-pinned
 * again for skill-aware dispatch (issue 14: push ties by level, knowledge,
 * longest free and id instead of file order; pull and incidents to whoever is
 * expected to finish or restore soonest; walled specialists of equal skill
 * share services by id), also meant to change results. The whole-result
 * hashes were re-pinned once more when percentiles became Kaplan-Meier
 * estimates counting what is still running at the end and the stability
 * diagnostics were added (events, means and the flow did not move).
 */
const PINNED = {
  'organisation-50.handoff.json': {
    sha256: 'b95fdbdfbde6e2ecd988a444ae6f37d83581dc35799e85541fc771a653d2e906',
    flowSha256: '5028aa22f06e2d188b864752b8410d3b6470072829a36227d161887e92530042',
    events: 244893,
    variantEvents: [123346, 121547],
    leadTimeMean: [116.97557041860775, 60.64044816503066],
    ttrMean: [3.9523485931047855, 3.7347641975604686],
    completedFirstReplications: [
      [930, 941, 899],
      [977, 992, 928],
    ],
  },
  'walled-data-team.handoff.json': {
    sha256: '2c0502d085485c76386fa587dc11383b2844909c4aef90a5cd937112f7b27487',
    flowSha256: 'bef77a0bfa8954c722ceeae8239b169a6bdb91a69fd8b027653cec4664a460b5',
    events: 15869,
    variantEvents: [8165, 7704],
    leadTimeMean: [224.63090547789676, 87.6021822598028],
    ttrMean: [44.68465840687327, 32.1166279329618],
    completedFirstReplications: [
      [58, 58, 85],
      [59, 58, 85],
    ],
  },
} as const;

const scenarios = Object.keys(PINNED) as (keyof typeof PINNED)[];
const inThread = new Map<string, RunResult>();
const resultOf = (name: keyof typeof PINNED): RunResult => {
  let r = inThread.get(name);
  if (!r) {
    r = runScenario(fixture(name), { replications: REPLICATIONS, variants: VARIANTS });
    inThread.set(name, r);
  }
  return r;
};

describe('runScenario output is pinned', () => {
  for (const name of scenarios) {
    const pin = PINNED[name];
    it(`${name}: the figures are the ones captured before optimising`, () => {
      const r = resultOf(name);
      expect(r.events).toBe(pin.events);
      expect(r.variants.map((v) => v.events)).toEqual(pin.variantEvents);
      expect(r.variants.map((v) => v.metrics.leadTimeMean.mean)).toEqual(pin.leadTimeMean);
      expect(r.variants.map((v) => v.metrics.ttrMean.mean)).toEqual(pin.ttrMean);
      expect(r.variants.map((v) => v.perReplication.completed.slice(0, 3))).toEqual(pin.completedFirstReplications);
    });

    it(`${name}: the whole result is bit for bit the one captured before optimising`, () => {
      // The cumulative flow was added later (without changing any other figure), so it is pinned apart.
      // How the run chose its count (`stopping`) is not a figure: it was added later, so it is left out too.
      const { stopping: _stopping, ...r } = resultOf(name);
      // The start-of-run bus factor and the learning split were carried into the summary later, without changing any other figure.
      const withoutFlow = {
        ...r,
        variants: r.variants.map(({ flow: _flow, ...v }) => ({ ...v, services: v.services.map(({ busFactorStart: _b, knowledgeFromWork: _w, knowledgeFromPairing: _p, ...s }) => s) })),
      };
      expect(sha256(canonical(withoutFlow))).toBe(pin.sha256);
      expect(sha256(canonical(r.variants.map((v) => v.flow)))).toBe(pin.flowSha256);
    });
  }
});

describe('the worker pool gives exactly what the in-thread runner gives', () => {
  it('also when the summary is made in deferred steps, as on the UI thread', async () => {
    const pool = new WorkerPool(2);
    try {
      const scenario = fixture('walled-data-team.handoff.json');
      const deferred = await pool.run(scenario, { replications: REPLICATIONS, seed: scenario.run.seed, variants: VARIANTS, defer: (work) => setTimeout(work, 0) });
      expect(canonical(deferred)).toBe(canonical(resultOf('walled-data-team.handoff.json')));
    } finally {
      await pool.close();
    }
  });

  const pools: WorkerPool[] = [];
  beforeAll(() => {
    pools.push(new WorkerPool(1), new WorkerPool(2));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  for (const workers of [1, 2]) {
    for (const name of scenarios) {
      it(`${workers} worker${workers > 1 ? 's' : ''}, ${name}`, async () => {
        const scenario = fixture(name);
        const progress: [number, number, number][] = [];
        const pooled = await pools[workers - 1]!.run(scenario, {
          replications: REPLICATIONS,
          seed: scenario.run.seed,
          variants: VARIANTS,
          onProgress: (done, total, events) => progress.push([done, total, events]),
        });
        expect(pooled).toStrictEqual(resultOf(name));
        // Progress only moves forward and ends with every replication and every event counted.
        for (let i = 1; i < progress.length; i++) expect(progress[i]![0] >= progress[i - 1]![0] && progress[i]![2] >= progress[i - 1]![2]).toBe(true);
        expect(progress.at(-1)).toEqual([REPLICATIONS * VARIANTS.length, REPLICATIONS * VARIANTS.length, pooled.events]);
        expect(canonical(pooled)).toBe(canonical(resultOf(name)));
      });
    }
  }
});
