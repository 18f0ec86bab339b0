import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChunkSummary } from '../../../../simulation/run/runScenario';
import { createChunkHandler, warmUpSteps, type FromWorker } from '../../../../simulation/run/workerProtocol';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

const summaryOf = (reply: FromWorker) => {
  if (reply.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
  return reply.summary;
};

describe('the worker protocol', () => {
  const scenario = fixture('walled-data-team.handoff.json');
  const variant = { kind: 'preset' as const, preset: 'walled' as const };
  const seed = scenario.run.seed;

  it('runs a chunkMore (replications only) on the model its first chunk compiled, with the figures of a whole request', () => {
    const handle = createChunkHandler();
    summaryOf(handle({ type: 'chunk', jobId: 0, runId: 'r', variantKey: '0', request: { scenario, variant, seed, from: 0, to: 2 } }));
    const more = summaryOf(handle({ type: 'chunkMore', jobId: 1, runId: 'r', variantKey: '0', range: { seed, from: 2, to: 5 } }));
    expect(more.count).toBe(3);
    expect(more).toEqual(runChunkSummary({ scenario, variant, seed, from: 2, to: 5 }));
  });

  it('answers a chunkMore for a variant it never got (or got in another run) with an error naming the variant and run', () => {
    const handle = createChunkHandler();
    const never = handle({ type: 'chunkMore', jobId: 3, runId: 'r', variantKey: '7', range: { seed, from: 0, to: 1 } });
    expect(never).toMatchObject({ type: 'error', jobId: 3 });
    expect(never.type === 'error' && never.message).toMatch(/variant 7 of run r/);
    summaryOf(handle({ type: 'chunk', jobId: 0, runId: 'r1', variantKey: '0', request: { scenario, variant, seed, from: 0, to: 1 } }));
    expect(handle({ type: 'chunkMore', jobId: 1, runId: 'r2', variantKey: '0', range: { seed, from: 1, to: 2 } }).type).toBe('error');
  });

  it('a warm-up changes nothing a later chunk gives, and a scenario that cannot run does not throw there', () => {
    const before = runChunkSummary({ scenario, variant, seed, from: 3, to: 6 });
    const step = warmUpSteps({ type: 'warm', scenario, events: 2_000 });
    let steps = 1;
    while (step()) steps++;
    // A few hundred events per replication of this team: several steps, each one replication, then it stops.
    expect(steps).toBeGreaterThan(2);
    expect(steps).toBeLessThan(20);
    const handle = createChunkHandler();
    expect(summaryOf(handle({ type: 'chunk', jobId: 0, runId: 'w', variantKey: '0', request: { scenario, variant, seed, from: 3, to: 6 } }))).toStrictEqual(before);
    expect(warmUpSteps({ type: 'warm', scenario: { ...scenario, people: [{ bogus: true }] } as unknown as Scenario, events: 1000 })()).toBe(false);
  });
});
