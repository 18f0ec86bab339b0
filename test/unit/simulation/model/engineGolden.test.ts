/**
 * The engine's results over the whole feature space are pinned: 300 small
 * random scenarios (every feature of randomScenario.ts: absences,
 * departures, both structures and dispatch modes, pairing, on-call, WIP
 * limits, self-service, reviews, rework, learning), each run for two
 * replications, hashed together. An optimisation of the event path must
 * leave this hash unchanged; a change meant to alter results re-pins it
 * (with the reason in the commit), as determinism.test.ts does for the
 * example scenarios.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../../simulation/model/replication';
import { randomScenarioSpec } from './randomScenario';
import { buildScenario, compile } from './scenarioBuilder';

/** Numbers spelled so that NaN, infinities and -0 hash apart. */
const text = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `#${Object.is(v, -0) ? '-0' : v}` : v));

describe('engine results over random scenarios', () => {
  it('are exactly what they were (300 scenarios x 2 replications)', () => {
    const specs = fc.sample(fc.tuple(randomScenarioSpec, fc.integer({ min: 0, max: 0xffffffff })), { numRuns: 300, seed: 20261206 });
    const hash = createHash('sha256');
    let events = 0;
    for (const [spec, seed] of specs) {
      const model = compile(buildScenario(spec));
      for (let i = 0; i < 2; i++) {
        const r = runReplication(model, i, (seed + i) >>> 0);
        events += r.events;
        hash.update(text(r));
      }
    }
    // The sample must exercise the engine, or an unchanged hash would mean little.
    expect(events).toBeGreaterThan(20_000);
    expect({ events, sha256: hash.digest('hex') }).toEqual({ events: 34352, sha256: 'ec2473d84ae154078e8f6f6c086d6b147a7923f1a509d709698a79e1d26bc4a8' });
  });
});
