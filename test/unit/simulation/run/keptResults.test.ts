import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { parseKeptRun, serializeKeptRun, type RunMeta } from '../../../../simulation/run/keptResults';
import { diagnose } from '../../../../simulation/run/diagnostics';
import { runScenario } from '../../../../simulation/run/runScenario';
import type { ReplayComparison, ReportAnalyses } from '../../../../simulation/report/types';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

const scenario = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
// One replication: intervals have no spread (NaN bounds, infinite half-width), which JSON cannot hold as numbers.
const result = runScenario(scenario, { replications: 1, seed: 4, variants: [{ kind: 'preset', preset: 'walled' }, { kind: 'preset', preset: 'cross-functional' }] });
const meta: RunMeta = {
  scenarioName: scenario.name,
  scenario,
  scenarioHash: 'a'.repeat(64),
  appVersion: '0.1.0',
  startedAt: '2026-11-22T10:00:00.000Z',
  finishedAt: '2026-11-22T10:00:02.000Z',
  variants: [{ kind: 'preset', preset: 'walled' }, { kind: 'preset', preset: 'cross-functional' }],
  replications: 1,
  seed: 4,
  workers: 2,
};

describe('kept results', () => {
  it('round-trips a run exactly, NaN and infinities included', () => {
    const text = serializeKeptRun({ meta, result });
    expect(text).toContain('{"$number":"NaN"}');
    const parsed = parseKeptRun(text, 'team.handoff-results.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.run.result).toStrictEqual(result);
      expect(parsed.run.meta).toEqual(meta);
    }
    const empty = structuredClone(result);
    empty.variants[0]!.ttrHistogram = { ...empty.variants[0]!.ttrHistogram, lowest: Infinity, highest: -Infinity };
    const again = parseKeptRun(serializeKeptRun({ meta, result: empty }), 'x.json');
    expect(again.ok && again.run.result.variants[0]!.ttrHistogram).toMatchObject({ lowest: Infinity, highest: -Infinity });
  });

  it('reads results kept before the censoring and stability diagnostics: the new figures are "not measured", and diagnostics still work', () => {
    const old = JSON.parse(serializeKeptRun({ meta, result })) as { result: { variants: Record<string, unknown>[] } };
    for (const v of old.result.variants) {
      delete v.windowHours;
      delete v.hoursPerWeek;
      for (const key of ['perReplication', 'metrics']) for (const k of ['arrivals', 'unfinished', 'leadTimeReach', 'ttrReach', 'wipGrowthPerWeek', 'warmupGap']) delete (v[key] as Record<string, unknown>)[k];
      for (const q of v.skillQueues as Record<string, unknown>[]) delete q.growthPerWeek;
      for (const p of v.people as Record<string, unknown>[]) delete p.queueGrowthPerWeek;
      for (const svc of v.services as Record<string, unknown>[]) delete svc.ttrP95Beyond;
    }
    const parsed = parseKeptRun(JSON.stringify(old), 'old.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const v = parsed.run.result.variants[0]!;
    expect(v.perReplication.unfinished).toEqual([NaN]);
    expect(v.metrics.wipGrowthPerWeek.mean).toBeNaN();
    expect(v.services[0]!.ttrP95Beyond).toBe(0);
    expect(diagnose(v).unstable).toBe(false);
  });

  it('keeps the analyses and the replay made on the same scenario, and refuses them damaged', () => {
    const metrics = result.comparisons[0]!.metrics;
    const m = (name: string) => metrics.find((x) => x.metric === name)!;
    const analyses: ReportAnalyses = {
      absence: { weeks: 2, replications: 1, seed: 4, impacts: [{ personId: 'mel', person: 'Mel', ttrMean: m('ttrMean'), leadTimeMean: undefined, waitedForAbsent: m('incidentsWaitedForAbsent'), stoppedServices: ['Prediction API'] }] },
      sweep: { parameter: 'wipPerTeam', metric: 'leadTimeP85', replications: 1, seed: 4, lines: [{ structure: 'walled', points: [{ value: 2, mean: 30, low: NaN, high: NaN }] }] },
    };
    const comparison: ReplayComparison = {
      logName: 'PagerDuty 2026',
      replications: 1,
      seed: 4,
      variants: [{ id: 'base', name: 'As drawn' }, { id: 'cross-functional', name: 'Cross-functional' }],
      incidents: [{ id: 'P1', title: 'Recs down', serviceId: 'recs', serviceName: 'Recommendation service', start: '2026-01-05T12:30:00Z', actualHours: 6, simulated: [{ variantId: 'base', mean: 5, p10: 2, p50: 4, p90: 9 }] }],
      totals: [
        { variantId: 'base', actualHours: 6, simulatedMean: 5, low: NaN, high: NaN, vsBaseline: null },
        { variantId: 'cross-functional', actualHours: 6, simulatedMean: 3, low: NaN, high: NaN, vsBaseline: { mean: -2, low: NaN, high: NaN } },
      ],
      absences: 'planned',
    };
    const text = serializeKeptRun({ meta, result, analyses, replay: { logId: 'log-1', comparison } });
    const parsed = parseKeptRun(text, 'team.handoff-results.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      // toEqual: a missing comparison (undefined) is not written, and NaN equals NaN.
      expect(parsed.run.analyses).toEqual(analyses);
      expect(parsed.run.analyses?.absence?.impacts[0]?.ttrMean).toEqual(m('ttrMean'));
      expect(parsed.run.replay).toStrictEqual({ logId: 'log-1', comparison });
    }
    // Without analyses or a replay, the file has neither key.
    expect(serializeKeptRun({ meta, result, analyses: {} })).not.toContain('"analyses"');
    const damaged = JSON.parse(text) as { analyses: { sweep: { parameter: string } } };
    damaged.analyses.sweep.parameter = 'moonPhase';
    const refused = parseKeptRun(JSON.stringify(damaged), 'x.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatch(/^x\.json: analyses\.sweep\.parameter: /);
  });

  it('names the file and the field when the text is damaged', () => {
    expect(parseKeptRun('{', 'x.json')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^x\.json: not valid JSON/)] });
    expect(parseKeptRun('{"format":"other"}', 'x.json')).toEqual({ ok: false, errors: ['x.json: not a Handoff results file'] });
    expect(parseKeptRun(JSON.stringify({ format: 'handoff-results', version: 9 }), 'x.json')).toEqual({
      ok: false,
      errors: ['x.json: written by a newer Handoff (results format 9; this one reads up to 1)'],
    });
    const damaged = JSON.parse(serializeKeptRun({ meta, result })) as { result: { variants: { metrics: Record<string, unknown> }[] } };
    damaged.result.variants[1]!.metrics.leadTimeP85 = 'fast';
    const parsed = parseKeptRun(JSON.stringify(damaged), 'x.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^x\.json: result\.variants\.1\.metrics\.leadTimeP85: /);
  });
});
