import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import { expectedPast, firstCheckpoint, leastNextCheckpoint, measurePrecision, nextCheckpoint, precisionTarget, type FigurePrecision } from '../../../../simulation/run/precision';
import { runScenario } from '../../../../simulation/run/runScenario';
import { EARLY_ESTIMATE } from '../../../../simulation/run/runCoordinator';
import type { ScalarMetric } from '../../../../simulation/run/scalarMetrics';
import { tQuantile } from '../../../../simulation/stats/studentT';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

/** Normal values from a seeded generator (Box-Muller), standing in for a figure measured in each replication. */
function normals(seed: number, mean: number, sd: number): () => number {
  const stream = new RandomStreams(seed).stream('normals');
  return () => mean + sd * Math.sqrt(-2 * Math.log(1 - stream.next())) * Math.cos(2 * Math.PI * stream.next());
}

/** Drives the stopping rule over values drawn one replication at a time, as a run does; returns every checkpoint. */
function drive(draw: () => number, metric: ScalarMetric, target = precisionTarget(100_000, 2, 5, 30)) {
  const values: number[] = [];
  const checkpoints: { n: number; figures: FigurePrecision[] }[] = [];
  let at: number | null = firstCheckpoint(target);
  while (at !== null) {
    while (values.length < at) values.push(draw());
    const { figures } = measurePrecision([{ variantId: 'only', scalars: (m) => (m === metric ? values : []) }], target);
    checkpoints.push({ n: at, figures });
    at = nextCheckpoint(at, figures, target);
  }
  return { values, checkpoints };
}

describe('run until precise: the sequential stopping rule', () => {
  it('stops where the formula says for a figure of known variance, and not before', () => {
    // Mean 100, sd 20, 2% relative precision: n* = (t * 20 / (0.02 * 100))^2, about 385 (Law & Kelton 9.4.1).
    const { checkpoints } = drive(normals(7, 100, 20), 'leadTimeP85');
    const last = checkpoints.at(-1)!;
    const nStar = (tQuantile(0.975, 384) * 20 / 2) ** 2;
    expect(last.figures[0]!.halfWidthPct).toBeLessThanOrEqual(2);
    for (const c of checkpoints.slice(0, -1)) expect(c.figures[0]!.halfWidthPct).toBeGreaterThan(2);
    expect(last.n).toBeGreaterThan(0.8 * nStar);
    expect(last.n).toBeLessThan(1.3 * nStar);
    // Checkpoints never more than double, and begin at the minimum.
    expect(checkpoints[0]!.n).toBe(30);
    for (let i = 1; i < checkpoints.length; i++) expect(checkpoints[i]!.n).toBeLessThanOrEqual(2 * checkpoints[i - 1]!.n);
  });

  it('applies the time-to-restore target to time-to-restore figures, and stops at the maximum when it cannot be met', () => {
    // sd 20 at 5%: n* about 62; the lead-time target (2%) would need about 385.
    const ttr = drive(normals(3, 100, 20), 'ttrP95');
    expect(ttr.checkpoints.at(-1)!.n).toBeLessThan(100);
    const capped = drive(normals(3, 100, 20), 'leadTimeP50', precisionTarget(120, 2, 5, 30));
    expect(capped.checkpoints.at(-1)!.n).toBe(120);
    expect(capped.checkpoints.at(-1)!.figures[0]!.halfWidthPct).toBeGreaterThan(2);
  });

  // Workers run up to leastNextCheckpoint before a checkpoint is decided: the next checkpoint must never fall short of it.
  it('never goes on to fewer replications than leastNextCheckpoint says', () => {
    const target = precisionTarget(200, 2, 5, 30);
    let atLeast = 0;
    for (let done = 1; done < 200; done++) {
      for (const halfWidthPct of [2.0001, 2.02, 2.1, 3, 10, Infinity]) {
        const next = nextCheckpoint(done, [{ metric: 'leadTimeP50', variantId: 'b', halfWidthPct, targetPct: 2 }], target);
        expect(next).not.toBeNull();
        expect(next!).toBeGreaterThanOrEqual(leastNextCheckpoint(done, target));
        if (next === leastNextCheckpoint(done, target)) atLeast++;
      }
    }
    // The bound is reached (it is the least, not merely a lower bound).
    expect(atLeast).toBeGreaterThan(100);
    expect(leastNextCheckpoint(200, target)).toBe(200);
  });

  it('guesses the run goes on past a checkpoint when the variance so far asks for more, never at the maximum or with nothing measured', () => {
    const target = precisionTarget(200, 2, 5, 30);
    const at = (halfWidthPct: number) => [{ metric: 'leadTimeP50' as const, variantId: 'b', halfWidthPct, targetPct: 2 }];
    // After 10: half-width 4 points needs 10 * (4 / 2)^2 = 40 > 30; 3 points needs 22.5, within 30.
    expect(expectedPast(30, 10, at(4), target)).toBe(true);
    expect(expectedPast(30, 10, at(3), target)).toBe(false);
    expect(expectedPast(30, 10, at(Infinity), target)).toBe(true);
    expect(expectedPast(200, 120, at(10), target)).toBe(false);
    expect(expectedPast(30, 0, [], target)).toBe(false);
  });

  it('measures paired relative differences against the first structure, leaving out what nothing measured', () => {
    const base = [100, 110, 90, 105, 95];
    const other = base.map((x) => 0.5 * x);
    const target = precisionTarget(1000);
    const { figures, unmeasured } = measurePrecision(
      [
        { variantId: 'a', scalars: (m) => (m.startsWith('lead') ? base : base.map(() => NaN)) },
        { variantId: 'b', scalars: (m) => (m.startsWith('lead') ? other : other.map(() => NaN)) },
      ],
      target,
    );
    // Exactly half in every pair: the relative difference is -50% with no spread.
    expect(figures.map((f) => [f.metric, f.variantId, f.halfWidthPct])).toEqual([
      ['leadTimeP50', 'b', 0],
      ['leadTimeP85', 'b', 0],
      ['leadTimeP95', 'b', 0],
    ]);
    expect(unmeasured.map((u) => u.metric)).toEqual(['ttrP50', 'ttrP95']);
    expect(nextCheckpoint(30, figures, target)).toBeNull();
  });

  it('refuses a target that means nothing, saying which', () => {
    expect(() => precisionTarget(100, 0)).toThrow(/lead-time precision must be above 0/);
    expect(() => precisionTarget(100, 2, Number.NaN)).toThrow(/time-to-restore precision/);
    expect(() => precisionTarget(0)).toThrow(/most replications/);
  });
});

describe('run until precise on the engine', () => {
  const VARIANTS = [{ kind: 'preset' as const, preset: 'walled' as const }, { kind: 'preset' as const, preset: 'cross-functional' as const }];
  const pools: WorkerPool[] = [];
  beforeAll(() => {
    pools.push(new WorkerPool(1), new WorkerPool(2));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('gives the same replications and figures in one thread and on 1 or 2 workers, and says why it stopped', { timeout: 120_000 }, async () => {
    const scenario = fixture('walled-data-team.handoff.json');
    const precision = precisionTarget(400, 4, 15, 20);
    const inThread = runScenario(scenario, { seed: 11, variants: VARIANTS, precision });
    const stopping = inThread.stopping!;
    expect(stopping.mode).toBe('precision');
    expect(inThread.replications).toBe(stopping.replications);
    expect(inThread.variants.every((v) => v.replications === stopping.replications)).toBe(true);
    expect(stopping.replications).toBeGreaterThan(20);
    if (stopping.reason === 'precise') for (const f of stopping.figures!) expect(f.halfWidthPct).toBeLessThanOrEqual(f.targetPct);
    else expect(stopping.replications).toBe(400);
    // The comparison's intervals are the ones the rule measured.
    const p85 = inThread.comparisons[0]!.metrics.find((m) => m.metric === 'leadTimeP85')!;
    expect(100 * p85.relative!.halfWidth).toBeCloseTo(stopping.figures!.find((f) => f.metric === 'leadTimeP85')!.halfWidthPct, 9);
    for (const pool of pools) {
      const checkpoints: number[] = [];
      const pooled = await pool.run(scenario, { replications: 0, seed: 11, variants: VARIANTS, precision, onCheckpoint: (c) => checkpoints.push(c.replications) });
      expect(pooled).toStrictEqual(inThread);
      expect(checkpoints.at(-1)).toBe(stopping.replications);
    }
  });

  it('shows a first estimate after a small batch, before the first checkpoint, without changing the run', { timeout: 120_000 }, async () => {
    const scenario = fixture('walled-data-team.handoff.json');
    const precision = precisionTarget(200, 4, 15, 30);
    const pool = pools.at(-1)!;
    const seen: { replications: number; early: boolean; partialReplications: number }[] = [];
    const watched = await pool.run(scenario, {
      replications: 0,
      seed: 11,
      variants: VARIANTS,
      precision,
      onCheckpoint: (c) => seen.push({ replications: c.replications, early: c.early === true, partialReplications: c.partial().variants[1]!.replications }),
    });
    expect(seen[0]).toEqual({ replications: EARLY_ESTIMATE, early: true, partialReplications: EARLY_ESTIMATE });
    expect(seen[1]).toMatchObject({ replications: 30, early: false });
    expect(seen.filter((c) => c.early)).toHaveLength(1);
    expect(await pool.run(scenario, { replications: 0, seed: 11, variants: VARIANTS, precision })).toStrictEqual(watched);
  });

  it('a fixed count says so', () => {
    const r = runScenario(fixture('walled-data-team.handoff.json'), { replications: 3, variants: VARIANTS });
    expect(r.stopping).toEqual({ mode: 'fixed', replications: 3, reason: 'fixed' });
  });
});
