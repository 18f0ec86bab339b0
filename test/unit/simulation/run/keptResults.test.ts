import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { parseKeptRun, serializeKeptRun, type RunMeta } from '../../../../simulation/run/keptResults';
import { runScenario } from '../../../../simulation/run/runScenario';
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
