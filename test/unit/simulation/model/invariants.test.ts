import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../../simulation/model/replication';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { randomScenarioSpec as scenarioSpec } from './randomScenario';
import { buildScenario, compile, type ScenarioSpec } from './scenarioBuilder';

/*
 * Properties of every replication of any small scenario: random people,
 * skills, services, rates, structure and policies, each run short. They are
 * sample-path identities (true of every run, not just on average), so the
 * tolerances are floating-point ones.
 *
 * Little's law on a sample path (warm-up 0, the run starts empty): the area
 * under the number of items in the system over [0, T] is the sum over items
 * of the time each spent in it up to T. The completed items contribute their
 * lead times (completed * W); each of the wipAtEnd items still in the system
 * contributes between 0 and T. So
 *   completed * W <= L * T <= completed * W + wipAtEnd * T,
 * with equality on the left when the run ends empty; and every arrival is
 * either completed or still in the system: arrivals = completed + wipAtEnd.
 */

const seed = fc.integer({ min: 0, max: 0xffffffff });
const EPS = 1e-9;

function runSpec(spec: ScenarioSpec, s: number): ReplicationResult {
  return runReplication(compile(buildScenario(spec)), 0, s);
}

/** Every number in a result, with its path (NaN is allowed only where "no data" is meant; checked separately). */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

describe('invariants of any replication', () => {
  it('is deterministic: the same scenario and seed give an identical result', () => {
    fc.assert(
      fc.property(scenarioSpec, seed, (spec, s) => {
        expect(JSON.stringify(runSpec(spec, s))).toBe(JSON.stringify(runSpec(spec, s)));
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('the cumulative flow accounts for every item: finished ones, and each one still in the system in exactly one place', () => {
    fc.assert(
      fc.property(scenarioSpec, seed, (spec, s) => {
        const r = runSpec(spec, s);
        const { counts, done, states } = r.flow;
        expect(counts).toHaveLength(states.length);
        const last = done.length - 1;
        for (let i = 0; i <= last; i++) {
          for (const row of counts) expect(Number.isInteger(row[i]) && row[i]! >= 0).toBe(true);
          if (i > 0) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1]!);
        }
        // Warm-up 0: every arrival is finished or somewhere in the system at the end.
        expect(done[last]).toBe(r.completed);
        expect(counts.reduce((sum, row) => sum + row[last]!, 0)).toBe(r.wipAtEnd);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it("conserves items and satisfies Little's law on the sample path", () => {
    fc.assert(
      fc.property(scenarioSpec, seed, (spec, s) => {
        const r = runSpec(spec, s);
        const T = r.windowHours;
        expect(r.stoppedEarly).toBe(false);
        expect(T).toBe(spec.horizonHours);
        expect(r.arrivals).toBe(r.completed + r.wipAtEnd);
        const area = r.littlesLaw.L * T;
        const sumLead = r.completed > 0 ? r.completed * r.leadTime.mean : 0;
        const scale = Math.max(1, area);
        expect(sumLead).toBeLessThanOrEqual(area + EPS * scale);
        expect(area).toBeLessThanOrEqual(sumLead + r.wipAtEnd * T + EPS * scale);
        if (r.wipAtEnd === 0) {
          expect(Math.abs(area - sumLead)).toBeLessThanOrEqual(EPS * scale);
          expect(r.littlesLaw.relativeError).toBeLessThan(1e-9);
        }
        expect(r.littlesLaw.lambda).toBeCloseTo(r.arrivals / T, 12);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('reports finite, consistent figures', () => {
    fc.assert(
      fc.property(scenarioSpec, seed, (spec, s) => {
        const r = runSpec(spec, s);
        const T = r.windowHours;
        // Nothing infinite; NaN only for "no data" means (checked below). The histogram sketches are
        // left out: an empty one keeps lowest = Infinity and highest = -Infinity by design.
        const { leadTimeHistogram: _lead, ttrHistogram: _ttr, ...figures } = r;
        for (const [path, v] of numbers(figures)) expect(Number.isNaN(v) || Number.isFinite(v), path).toBe(true);
        expect(r.completed).toBeLessThanOrEqual(r.arrivals);
        if (r.completed > 0) {
          expect(Number.isFinite(r.leadTime.mean)).toBe(true);
          expect(r.leadTime.p50).toBeLessThanOrEqual(r.leadTime.p85);
          expect(r.leadTime.p85).toBeLessThanOrEqual(r.leadTime.p95);
          // Kaplan-Meier percentiles also count items still running, whose ages reach up to the window's length.
          expect(r.leadTime.p95).toBeLessThanOrEqual(Math.max(r.leadTime.max, r.windowHours));
          if (r.unfinished === 0) expect(r.leadTime.p95).toBeLessThanOrEqual(r.leadTime.max);
          expect(r.flowEfficiency).toBeGreaterThanOrEqual(0);
          expect(r.flowEfficiency).toBeLessThanOrEqual(1);
          expect(r.handoffsPerItem).toBeGreaterThanOrEqual(0);
          expect(r.reworkPerItem).toBeLessThanOrEqual(5);
          expect(r.peoplePerItem).toBeLessThanOrEqual(spec.people.length);
        } else {
          expect(r.leadTime.count).toBe(0);
        }
        for (const p of r.people) {
          expect(p.utilisation).toBeGreaterThanOrEqual(0);
          expect(p.utilisation).toBeLessThanOrEqual(1);
          const busy = Object.values(p.hours).reduce((a, b) => a + b, 0);
          for (const h of Object.values(p.hours)) expect(h).toBeGreaterThanOrEqual(0);
          // Nobody works while away, nor more hours than they were there.
          expect(busy).toBeLessThanOrEqual(p.availableHours + EPS * T);
          expect(p.absentHours).toBeGreaterThanOrEqual(0);
          expect(p.absentHours).toBeLessThanOrEqual(T + EPS * T);
          expect(p.availableHours + p.absentHours).toBeCloseTo(T, 6);
        }
        // Time to restore is exactly detect + wait + repair, incident by incident, so also on average.
        if (r.timeToRestore.count > 0) {
          expect(r.detectMean + r.waitMean + r.repairMean).toBeCloseTo(r.timeToRestore.mean, 6);
          expect(r.detectMean).toBeGreaterThanOrEqual(0);
          expect(r.waitMean).toBeGreaterThanOrEqual(0);
          expect(r.repairMean).toBeGreaterThanOrEqual(0);
        }
        const restored = r.services.reduce((sum, svc) => sum + svc.incidents - svc.unrestored, 0);
        expect(restored).toBe(r.timeToRestore.count);
        expect(r.services.reduce((sum, svc) => sum + svc.incidents, 0)).toBeLessThanOrEqual(r.incidents);
        expect(r.incidentsWaitedForAbsent).toBeLessThanOrEqual(r.timeToRestore.count);
        expect(r.services.reduce((sum, svc) => sum + svc.completed, 0)).toBe(r.completed);
        for (const svc of r.services) {
          expect(svc.busFactor).toBeGreaterThanOrEqual(0);
          expect(svc.busFactor).toBeLessThanOrEqual(spec.people.length);
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
