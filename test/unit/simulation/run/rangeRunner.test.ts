import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inThreadRunner, workerRunner, type WorkerPort } from '../../../../simulation/run/rangeRunner';
import { VariantAccumulator } from '../../../../simulation/run/variantSummary';
import { createChunkHandler, type FromWorker, type ToWorker } from '../../../../simulation/run/workerProtocol';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

/** A worker in this thread that answers each message a macrotask later, recording what it was sent. */
function fakeWorker(): WorkerPort & { sent: ToWorker[]; onMessage: ((m: FromWorker) => void) | null } {
  const handle = createChunkHandler();
  const port = {
    sent: [] as ToWorker[],
    onMessage: null as ((m: FromWorker) => void) | null,
    post(message: ToWorker) {
      port.sent.push(message);
      setTimeout(() => port.onMessage?.(handle(message)), 0);
    },
    listen(onMessage: (m: FromWorker) => void) {
      port.onMessage = onMessage;
    },
  };
  return port;
}

const rangeOf = (m: ToWorker): [number, number] => (m.type === 'chunkMore' ? [m.range.from, m.range.to] : m.type === 'chunk' ? [m.request.from, m.request.to] : [NaN, NaN]);

describe('the worker runner runs ahead of a checkpoint without taking in what was not asked for', () => {
  const scenario = fixture('walled-data-team.handoff.json');
  const spec = { kind: 'preset' as const, preset: 'walled' as const };
  const seed = scenario.run.seed;

  it('adds exactly up to `to`, runs [to, ahead) meanwhile, and a later run takes those in: the same figures as in one thread', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const runner = workerRunner(workers, scenario, seed);
    const pooled = new VariantAccumulator('walled', 'Walled');
    await runner.run([{ spec, accumulator: pooled, to: 4, ahead: 12 }]);
    expect(pooled.count).toBe(4);
    // The chunks ahead are posted and come back; they are kept, not added.
    const postedTo = () => Math.max(...workers.flatMap((w) => w.sent.map((m) => rangeOf(m)[1])));
    for (let tries = 0; postedTo() < 12 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(postedTo()).toBe(12);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pooled.count).toBe(4);
    const before = workers.reduce((n, w) => n + w.sent.length, 0);
    await runner.run([{ spec, accumulator: pooled, to: 12 }]);
    expect(pooled.count).toBe(12);
    // Nothing was run twice: [4, 12) had all been posted before the second run.
    expect(workers.reduce((n, w) => n + w.sent.length, 0)).toBe(before);

    const alone = new VariantAccumulator('walled', 'Walled');
    await inThreadRunner(scenario, seed).run([{ spec, accumulator: alone, to: 12 }]);
    expect(pooled.summary()).toStrictEqual(alone.summary());
  });

  it('refuses a later run that would split a chunk run ahead', async () => {
    const runner = workerRunner([fakeWorker()], scenario, seed);
    const acc = new VariantAccumulator('walled', 'Walled');
    // 40 ahead on one worker go in chunks of 5: [2, 7), [7, 12), ...
    await runner.run([{ spec, accumulator: acc, to: 2, ahead: 42 }]);
    expect(() => runner.run([{ spec, accumulator: acc, to: 9 }])).toThrow(/no chunk ends at 9/);
    // Draining drops what is not posted yet; a later run plans it again.
    await runner.drain();
    await runner.run([{ spec, accumulator: acc, to: 42 }]);
    expect(acc.count).toBe(42);
    const alone = new VariantAccumulator('walled', 'Walled');
    await inThreadRunner(scenario, seed).run([{ spec, accumulator: alone, to: 42 }]);
    expect(acc.summary()).toStrictEqual(alone.summary());
  });

  it('a late answer to a runner that stopped is ignored by the next runner on the same workers', async () => {
    const workers = [fakeWorker()];
    const first = workerRunner(workers, scenario, seed);
    const acc = new VariantAccumulator('walled', 'Walled');
    await first.run([{ spec, accumulator: acc, to: 1, ahead: 3 }]);
    // The first runner stops without draining; its chunks ahead answer while the second runs.
    const second = workerRunner(workers, scenario, seed);
    const other = new VariantAccumulator('walled', 'Walled');
    await second.run([{ spec, accumulator: other, to: 2 }]);
    expect(other.count).toBe(2);
    expect(acc.count).toBe(1);
  });
});

describe('a new pool puts a cold worker to work only when it has enough to do to pay for its start', () => {
  const scenario = fixture('walled-data-team.handoff.json');
  const spec = { kind: 'preset' as const, preset: 'walled' as const };
  const seed = scenario.run.seed;

  async function alone(to: number) {
    const acc = new VariantAccumulator('walled', 'Walled');
    await inThreadRunner(scenario, seed).run([{ spec, accumulator: acc, to }]);
    return acc.summary();
  }

  it('a small run stays on the first worker; the second stays cold for the next run', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const cold = [true, true];
    const acc = new VariantAccumulator('walled', 'Walled');
    // 24 replications of about 400 events: far below the default share.
    await workerRunner(workers, scenario, seed, { cold }).run([{ spec, accumulator: acc, to: 24 }]);
    expect(workers[0]!.sent.length).toBeGreaterThan(1);
    expect(workers[1]!.sent).toHaveLength(0);
    expect(cold).toEqual([false, true]);
    expect(acc.summary()).toStrictEqual(await alone(24));
  });

  it('with enough waiting work, the second worker joins once the first chunk says how long a replication is', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const cold = [true, true];
    const acc = new VariantAccumulator('walled', 'Walled');
    // A share of 1,000 events: 24 replications of ~400 events are enough for two.
    await workerRunner(workers, scenario, seed, { cold, coldStartEvents: 1000 }).run([{ spec, accumulator: acc, to: 24 }]);
    expect(workers[1]!.sent.length).toBeGreaterThan(0);
    // Nothing goes to the second before the first has answered once.
    expect(rangeOf(workers[0]!.sent[0]!)[0]).toBe(0);
    expect(cold).toEqual([false, false]);
    expect(acc.summary()).toStrictEqual(await alone(24));
  });

  it('warm workers (no cold list, as in the app) all work from the start', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const acc = new VariantAccumulator('walled', 'Walled');
    await workerRunner(workers, scenario, seed).run([{ spec, accumulator: acc, to: 24 }]);
    expect(workers[0]!.sent.length).toBeGreaterThan(0);
    expect(workers[1]!.sent.length).toBeGreaterThan(0);
  });
});
