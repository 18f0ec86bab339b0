/**
 * A replication run from a shared prefix (fork.ts) must be exactly the
 * replication run from the start: every figure of the result, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceStressVariants, defaultAbsenceWindow, stressWindowScenario } from '../../../../simulation/analysis/absenceStress';
import { organisation } from '../../../../simulation/bench/org';
import { compileModel, type CompiledModel } from '../../../../simulation/model/compile';
import { COPIED_FIELDS, OWN_FIELDS, PrefixForks } from '../../../../simulation/model/fork';
import { createState, replicationSeed, runReplication } from '../../../../simulation/model/replication';
import { resolveVariantSpec } from '../../../../simulation/run/variantSpec';
import type { Scenario } from '../../../../simulation/scenario/schema';
import { randomScenarioSpec } from './randomScenario';
import { buildScenario, compile } from './scenarioBuilder';

/** Numbers spelled so that NaN, infinities and -0 compare apart. */
const text = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `#${Object.is(v, -0) ? '-0' : v}` : v));

/** `scenario` with `person` (by index) away from `start` for `hours`, the absence put at `at` in their list. */
function withAbsence(scenario: Scenario, person: number, start: number, hours: number, at: 'end' | 'front'): Scenario {
  const people = scenario.people.map((p, i) => {
    if (i !== person) return p;
    const added = { start, end: start + hours, reason: 'leave' as const };
    return { ...p, absences: at === 'end' ? [...p.absences, added] : [added, ...p.absences] };
  });
  return { ...scenario, people };
}

describe('a run forked from a shared prefix', () => {
  it('gives every variant exactly its run from the start (random scenarios, absences added at and after the fork)', () => {
    const cases = fc.sample(
      fc.tuple(randomScenarioSpec, fc.integer({ min: 0, max: 0xffffffff }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.boolean()),
      { numRuns: 120, seed: 20261207 },
    );
    let forked = 0;
    let events = 0;
    const counted: PrefixForks[] = [];
    for (const [spec, seed, share, onShift] of cases) {
      const built = buildScenario(spec);
      const horizon = built.run.horizonHours;
      // Sometimes on a shift change, with someone leaving at that very hour: events that tie with the
      // added absences must keep their order (a departure is scheduled after one's planned absences).
      const forkAt = onShift ? Math.max(1, Math.floor((horizon * share) / 40) * 40) : Math.max(1, Math.round(horizon * share));
      if (!(forkAt < horizon)) continue;
      const last = built.people.length - 1;
      const scenario = onShift ? { ...built, people: built.people.map((p, i) => (i === last ? { ...p, departureAt: forkAt } : p)) } : built;
      const models: CompiledModel[] = [compile(scenario)];
      scenario.people.forEach((_, p) => {
        models.push(compile(withAbsence(scenario, p, forkAt, 1 + ((seed >>> p) % 80), 'end')));
        if (p === 0) models.push(compile(withAbsence(withAbsence(scenario, p, forkAt + 3, 10, 'front'), p, forkAt, 5, 'end')));
        // Two people away from the same hour, and one twice from it.
        if (p === last && p > 0) models.push(compile(withAbsence(withAbsence(withAbsence(scenario, p, forkAt, 7, 'end'), 0, forkAt, 9, 'end'), p, forkAt, 2, 'end')));
      });
      const forks = new PrefixForks();
      counted.push(forks);
      for (let i = 0; i < 2; i++) {
        const s = (seed + i) >>> 0;
        for (const model of models) {
          const direct = runReplication(model, i, s);
          const viaPrefix = forks.run(model, i, s, forkAt);
          expect(text(viaPrefix)).toBe(text(direct));
          forked++;
          events += direct.events;
        }
      }
    }
    // The sample must exercise the engine (and the prefixes), or passing would mean little.
    const forkedTotal = counted.reduce((n, f) => n + f.counts.forked, 0);
    expect(forked).toBeGreaterThan(500);
    expect(forkedTotal).toBeGreaterThan(500);
    expect(events).toBeGreaterThan(50_000);
  });

  it('gives the absence stress test on the organisation of 50 exactly its runs from the start', () => {
    const org = organisation();
    const window = defaultAbsenceWindow(org, 4);
    const scenario = stressWindowScenario(org, window);
    const variants = absenceStressVariants(scenario, { kind: 'base' }, window);
    const models = [0, 1, 7, 23, 50].map((v) => compileModel(resolveVariantSpec(scenario, variants[v]!).model));
    const forks = new PrefixForks();
    for (let i = 0; i < 3; i++) {
      const seed = replicationSeed(scenario.run.seed, i);
      for (const model of models) expect(text(forks.run(model, i, seed, window.start))).toBe(text(runReplication(model, i, seed)));
    }
    expect(forks.counts).toEqual({ forked: 15, fromStart: 0 });
  });

  it('keeps what fits its memory budget and gives the same results when little or nothing fits', () => {
    const org = organisation();
    const window = defaultAbsenceWindow(org, 4);
    const scenario = stressWindowScenario(org, window);
    const variants = absenceStressVariants(scenario, { kind: 'base' }, window);
    const models = [0, 2, 9].map((v) => compileModel(resolveVariantSpec(scenario, variants[v]!).model));
    const direct = models.map((model) => [0, 1, 2, 3].map((i) => text(runReplication(model, i, replicationSeed(scenario.run.seed, i)))));
    // A budget for one prefix run: the first replication of the range is shared, the others run their own prefix.
    for (const budget of [1, 48e6]) {
      const forks = new PrefixForks(budget);
      forks.keepRange(0, 4);
      models.forEach((model, v) => [0, 1, 2, 3].forEach((i) => expect(text(forks.run(model, i, replicationSeed(scenario.run.seed, i), window.start))).toBe(direct[v]![i])));
      expect(forks.counts.forked).toBe(12);
    }
  });

  it('stops at the event cap exactly where a run from the start does', () => {
    const org = organisation();
    const window = defaultAbsenceWindow(org, 4);
    const scenario = stressWindowScenario(org, window);
    const variants = absenceStressVariants(scenario, { kind: 'base' }, window);
    const models = [0, 3].map((v) => compileModel(resolveVariantSpec(scenario, variants[v]!).model));
    const forks = new PrefixForks();
    const seed = replicationSeed(scenario.run.seed, 0);
    // Caps before the fork (the prefix stops), after it, and beyond the run.
    for (const maxEvents of [150, 1_200, 1_000_000]) {
      for (const model of models) {
        const direct = runReplication(model, 0, seed, { maxEvents });
        expect(text(forks.run(model, 0, seed, window.start, maxEvents))).toBe(text(direct));
      }
    }
    expect(runReplication(models[0]!, 0, seed, { maxEvents: 1_200 }).stoppedEarly).toBe(true);
  });

  it('copies every field of a run\'s state (a new field must be added to fork.ts)', () => {
    const model = compile(buildScenario(fc.sample(randomScenarioSpec, { numRuns: 1, seed: 1 })[0]!));
    const fields = Object.keys(createState(model, 1, 100, 0)).sort();
    expect([...COPIED_FIELDS, ...OWN_FIELDS].sort()).toEqual(fields);
  });
});
