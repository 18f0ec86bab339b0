import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsProblem, estimateRun, judgeReplayRun, judgeScenarioRun, LARGE_RUN_EVENTS, MAX_RUN_EVENTS } from '../../../../simulation/run/runBudget';
import { resolveVariant } from '../../../../simulation/model/modelInput';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import type { Scenario } from '../../../../simulation/scenario/schema';

const file = path.resolve(import.meta.dirname, '../../../../simulation/examples/walled-data-team.handoff.json');
function example(): Scenario {
  const parsed = parseScenarioFile(readFileSync(file, 'utf8'), 'walled.handoff.json');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('the run budget the app checks before a run or an analysis starts', () => {
  it('lets the example run as it is', () => {
    const doc = example();
    expect(boundsProblem(resolveVariant(doc, null))).toBeNull();
    expect(judgeScenarioRun(doc, [{ kind: 'base' }, { kind: 'preset', preset: 'cross-functional' }], 30)).toEqual({ verdict: 'ok', reason: '' });
  });

  it.each([
    ['a horizon of 1e9 h', (d: Scenario) => (d.run.horizonHours = 1e9), /horizon is 1,000,000,000 h; it must be above 0 and at most 1,000,000 h/],
    ['a horizon that is not a number', (d: Scenario) => (d.run.horizonHours = NaN), /horizon is NaN h/],
    ['an incident rate of 1e9 an hour', (d: Scenario) => (d.services[0]!.incidents.ratePerHour = 1e9), /fails 1,000,000,000 times an hour; the most is 1000 an hour/],
    ['a work rate of 1e308 an hour', (d: Scenario) => (d.services[1]!.work.arrivals = { kind: 'poisson', ratePerHour: 1e308 }), /gets 1e\+308 work items an hour/],
    ['a negative rate', (d: Scenario) => (d.services[0]!.incidents.ratePerHour = -1), /fails -1 times an hour/],
    ['900 departures a year', (d: Scenario) => (d.absencePolicy.departures.perYear = 900), /Departures happen 900 times a year per person; the most is 365/],
  ])('refuses %s, naming the value and the bound', (_, edit, reason) => {
    const doc = example();
    edit(doc);
    const judged = judgeScenarioRun(doc, [{ kind: 'base' }], 10);
    expect(judged.verdict).toBe('refused');
    expect(judged.reason).toMatch(reason);
  });

  it('refuses a value out of range in a saved variant, not only in the base', () => {
    const doc = example();
    doc.variants.push({ id: 'v', name: 'Busy', overrides: { services: doc.services.map((s, i) => (i === 0 ? { ...s, incidents: { ...s.incidents, ratePerHour: 5000 } } : s)) } } as Scenario['variants'][number]);
    expect(judgeScenarioRun(doc, [{ kind: 'base' }], 10).verdict).toBe('ok');
    const judged = judgeScenarioRun(doc, [{ kind: 'base' }, { kind: 'saved', id: 'v' }], 10);
    expect(judged).toMatchObject({ verdict: 'refused' });
    expect(judged.reason).toMatch(/fails 5,000 times an hour/);
  });

  it('refuses rates in range whose run is too big for one replication, saying what makes the events', () => {
    const doc = example();
    doc.run.horizonHours = 1_000_000;
    doc.services[0]!.incidents.ratePerHour = 1000;
    const judged = judgeScenarioRun(doc, [{ kind: 'base' }], 1);
    expect(judged.verdict).toBe('refused');
    expect(judged.reason).toMatch(/One replication would simulate about 4 billion events \(mostly service .*: 1 billion incidents per replication\); the limit is 50 million/);
  });

  it('asks before a run of minutes, and refuses one of hours, as the replications grow', () => {
    const doc = example();
    doc.run.horizonHours = 200_000;
    const perRep = estimateRun(doc, [{ kind: 'base' }], 1).perReplication;
    expect(perRep).toBeGreaterThan(MAX_RUN_EVENTS / 100_000);
    expect(judgeScenarioRun(doc, [{ kind: 'base' }], 1).verdict).toBe('ok');
    expect(judgeScenarioRun(doc, [{ kind: 'base' }], Math.ceil(LARGE_RUN_EVENTS / perRep) + 1)).toMatchObject({ verdict: 'large', reason: expect.stringMatching(/takes minutes/) });
    expect(judgeScenarioRun(doc, [{ kind: 'base' }], Math.ceil(MAX_RUN_EVENTS / perRep) + 1)).toMatchObject({ verdict: 'refused', reason: expect.stringMatching(/hours of work/) });
  });

  it('judges a replay by the incidents of its log, its variants and its replications', () => {
    const doc = example();
    expect(judgeReplayRun(doc, 1000, [{ kind: 'base' }], 100).verdict).toBe('ok');
    expect(judgeReplayRun(doc, 20_000, [{ kind: 'base' }, { kind: 'preset', preset: 'cross-functional' }], 5000)).toMatchObject({ verdict: 'large', reason: expect.stringMatching(/20,000 replayed incidents/) });
    doc.run.horizonHours = 1e9;
    expect(judgeReplayRun(doc, 10, [{ kind: 'base' }], 2).verdict).toBe('refused');
  });
});
