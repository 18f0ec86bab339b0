import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../../simulation/model/compile';
import { replicationSeed, runReplication } from '../../../../simulation/model/replication';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { ChunkSummarizer, summarizeReplications } from '../../../../simulation/run/chunkSummary';
import { VariantAccumulator } from '../../../../simulation/run/variantSummary';
import { resolveVariantSpec, type PresetVariant } from '../../../../simulation/run/variantSpec';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}

function replications(scenario: Scenario, preset: PresetVariant, n: number, maxEvents?: number): ReplicationResult[] {
  const model = compileModel(resolveVariantSpec(scenario, { kind: 'preset', preset }).model);
  return Array.from({ length: n }, (_, i) => runReplication(model, i, replicationSeed(scenario.run.seed, i), { maxEvents }));
}

/** The summary of `results` added in consecutive chunks of the given sizes. */
function summaryInChunks(results: ReplicationResult[], sizes: number[]) {
  const acc = new VariantAccumulator('v', 'V');
  let from = 0;
  for (const size of sizes) {
    acc.addChunk(summarizeReplications(results.slice(from, from + size)));
    from += size;
  }
  expect(from).toBe(results.length);
  return acc.summary();
}

describe('a variant accumulated in chunks', () => {
  const team = fixture('walled-data-team.handoff.json');

  it.each([
    ['the walled data team', () => replications(team, 'walled', 12)],
    ['runs stopped early (NaN figures, empty histograms)', () => replications(team, 'cross-functional', 12, 30)],
  ])('gives exactly the summary of adding the replications one by one: %s', (_, make) => {
    const results = make();
    const oneByOne = new VariantAccumulator('v', 'V');
    for (const r of results) oneByOne.add(r);
    const expected = oneByOne.summary();
    for (const sizes of [[12], [5, 7], [3, 3, 3, 3], [1, 10, 1]]) {
      const inChunks = summaryInChunks(results, sizes);
      expect(inChunks).toStrictEqual(expected);
      // Key order too (CSV columns follow the order of `hours`).
      expect(JSON.stringify(inChunks)).toBe(JSON.stringify(expected));
    }
  });

  it('keeps per-replication figures in replication order', () => {
    const results = replications(team, 'walled', 6);
    const summary = summaryInChunks(results, [2, 4]);
    expect(summary.perReplication.completed).toEqual(results.map((r) => r.completed));
    expect(summary.events).toBe(results.reduce((sum, r) => sum + r.events, 0));
  });

  it('refuses results or chunks of another model', () => {
    const org = fixture('organisation-50.handoff.json');
    const summarizer = new ChunkSummarizer();
    summarizer.add(replications(team, 'walled', 1)[0]!);
    const other = replications(org, 'walled', 1)[0]!;
    expect(() => summarizer.add(other)).toThrow(/different models/);
    const acc = new VariantAccumulator('v', 'V');
    acc.addChunk(summarizer.finish());
    expect(() => acc.add(other)).toThrow(RangeError);
  });
});

describe('a variant accumulated without bands (for analyses that rank)', () => {
  it('has the same figures, and empty bands over time', () => {
    const results = replications(fixture('walled-data-team.handoff.json'), 'walled', 8);
    const full = new VariantAccumulator('v', 'V');
    const lean = new VariantAccumulator('v', 'V', false);
    for (const chunk of [results.slice(0, 3), results.slice(3)]) {
      full.addChunk(summarizeReplications(chunk));
      lean.addChunk(summarizeReplications(chunk));
    }
    const a = full.summary();
    const b = lean.summary();
    const empty = { p10: [], p50: [], p90: [] };
    expect(a.wipBand.p50.length).toBeGreaterThan(0);
    expect(b.wipBand).toEqual(empty);
    for (const q of b.skillQueues) expect(q.band).toEqual(empty);
    for (const p of b.people) expect(p.queueBand).toEqual(empty);
    // Everything else is the same, to the bit.
    const withoutBands = (s: typeof a) => ({
      ...s,
      wipBand: empty,
      skillQueues: s.skillQueues.map((q) => ({ ...q, band: empty })),
      people: s.people.map((p) => ({ ...p, queueBand: empty })),
    });
    expect(JSON.stringify(withoutBands(b))).toBe(JSON.stringify(withoutBands(a)));

    // Workers of a race send chunks without bins: the same figures again; an accumulator keeping bands refuses them.
    const binless = (chunk: ReplicationResult[]) => {
      const s = new ChunkSummarizer(false);
      for (const r of chunk) s.add(r);
      return s.finish();
    };
    const fromWorkers = new VariantAccumulator('v', 'V', false);
    for (const chunk of [results.slice(0, 5), results.slice(5)]) fromWorkers.addChunk(binless(chunk));
    expect(binless(results).bins).toHaveLength(0);
    expect(JSON.stringify(fromWorkers.summary())).toBe(JSON.stringify(b));
    expect(() => new VariantAccumulator('v', 'V').addChunk(binless(results))).toThrow(/do not match/);
  });
});
