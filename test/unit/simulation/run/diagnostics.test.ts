import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absenceStressVariants, rankAbsences } from '../../../../simulation/analysis/absenceStress';
import { crossTrainingVariants, rankTraining } from '../../../../simulation/analysis/crossTraining';
import { sweepLines, sweepVariants, sweepWarnings } from '../../../../simulation/analysis/sensitivity';
import { limitsSection } from '../../../../simulation/report/sections/limitsSection';
import { headlineSection } from '../../../../simulation/report/sections/resultsSection';
import { summaryCards } from '../../../../simulation/report/summaryCards';
import { formatSummary } from '../../../../simulation/cli/formatSummary';
import { comparisonCaveat, diagnose, replicationsBeyond } from '../../../../simulation/run/diagnostics';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';
import { LogHistogram } from '../../../../simulation/stats/logHistogram';
import { replicate } from '../../../../simulation/validation/replicate';
import { buildScenario, constant, exponential } from '../../../../simulation/validation/scenarioBuilder';

/** One person at level 1 serving Poisson arrivals with exponential effort of 1 h: an M/M/1 queue at load rho. */
const mm1 = (rho: number, horizonHours = 2000) =>
  buildScenario({
    skills: ['s'],
    people: [{ id: 'p', skills: { s: 1 } }],
    services: [{ id: 'svc', arrivals: rho, stages: [{ skill: 's', hours: exponential(1) }] }],
    horizonHours,
    warmupHours: 200,
    replications: 20,
    seed: 7,
  });

describe('runs that do not settle are said so', () => {
  it('an M/M/1 at rho 1.5 is flagged, with its bottleneck and the queue growth per week; the CLI summary says it on a warning line', () => {
    const r = runScenario(mm1(1.5));
    const d = diagnose(r.variants[0]!);
    expect(d.unstable).toBe(true);
    // Work grows at (lambda - mu) = 0.5 items/h, 20 items per 40-hour week.
    expect(d.growthPerWeek.mean).toBeGreaterThan(17);
    expect(d.growthPerWeek.mean).toBeLessThan(23);
    expect(d.bottleneck).toContain('p (busy 100%)');
    const text = formatSummary(r);
    expect(text).toMatch(/^warning: .*does not settle: work in progress grows by (19|20|21|18)\.\d items\/week.*bottleneck: s work/m);
    expect(text).toContain('stability: does not settle');
  });

  it('work nobody may take is named as the bottleneck (a stage no one in the team is qualified for), not "the whole team"', () => {
    // Two teams, cross-functional at least level 0.3: with b1 below 0.3 in ops, team b's ops stage is never taken.
    const twoTeams = (b1Ops: number) =>
      buildScenario({
        skills: ['dev', 'ops'],
        teams: ['a', 'b'],
        people: [
          { id: 'a1', team: 'a', skills: { dev: 1, ops: 1 } },
          { id: 'b1', team: 'b', skills: { dev: 1, ops: b1Ops } },
        ],
        services: ['a', 'b'].map((team) => ({ id: `s${team}`, team, arrivals: 0.1, stages: [{ skill: 'dev', hours: exponential(1) }, { skill: 'ops', hours: exponential(1) }] })),
        structure: { mode: 'cross-functional', minSkillLevel: 0.3 },
        horizonHours: 1000,
        warmupHours: 100,
        replications: 10,
        seed: 3,
      });
    const r = runScenario(twoTeams(0.1));
    const d = diagnose(r.variants[0]!);
    expect(d.unstable).toBe(true);
    // Team b's arrivals (0.1 an hour, 4 a 40-hour week) all stop in the ops stage.
    expect(d.bottleneck).toMatch(/^items pile up in the ops stage without being queued for anyone \(\+(3\.\d+|4\.\d+) items\/week\)/);
    expect(formatSummary(r)).toMatch(/^warning: .*does not settle.*bottleneck: items pile up in the ops stage/m);
    // With b1 at 0.3, nothing is stalled and the run settles.
    const settled = diagnose(runScenario(twoTeams(0.3)).variants[0]!);
    expect(settled.unstable).toBe(false);
    expect(settled.bottleneck ?? '').not.toMatch(/pile up/);
  });

  it('an M/M/1 at rho 0.8 is not flagged', () => {
    const r = runScenario(mm1(0.8));
    const d = diagnose(r.variants[0]!);
    expect(d.unstable).toBe(false);
    expect(d.saturated).toEqual([]);
    expect(formatSummary(r)).not.toMatch(/^warning: .*does not settle/m);
    expect(formatSummary(r)).toContain('stability: settles');
    expect(summaryCards(r)[0]!.warnings.filter((w) => /does not settle/.test(w))).toEqual([]);
  });

  it("the walled data team at 1.6x load: cross-functional does not settle, and its paired difference is marked as not a steady state", { timeout: 60_000 }, () => {
    const scenario = scenarioSchema.parse(JSON.parse(readFileSync(new URL('../../../../simulation/examples/walled-data-team.handoff.json', import.meta.url), 'utf8')));
    const r = runScenario(scenario, { replications: 30, variants: sweepVariants(scenario, 'arrivalRate', [1.6], ['walled', 'cross-functional']) });
    const [walled, cross] = r.variants;
    expect(diagnose(cross!).unstable).toBe(true);
    expect(comparisonCaveat(cross!, walled!)).toMatch(/not a steady-state difference: .*cross-functional at 1.6/);
    const text = formatSummary(r);
    expect(text).toMatch(/^warning: cross-functional at 1\.6 does not settle/m);
    // Every paired difference of the unstable variant is marked.
    const leadRow = text.split('\n').find((l) => l.startsWith('Lead time p50'))!;
    expect(leadRow).toMatch(/\] \*$/);
    // The sweep point, the cards and the report say so too.
    const [walledLine, crossLine] = sweepLines(r, 'leadTimeP50', [1.6], ['walled', 'cross-functional']);
    expect(crossLine!.points[0]!.unstable).toBe(true);
    expect(walledLine!.points[0]!.unstable).toBe(false);
    expect(sweepWarnings([walledLine!, crossLine!], 'arrivalRate')[0]).toMatch(/^Cross-functional does not settle at 1\.6x/);
    const card = summaryCards(r)[1]!;
    expect(card.settles).toBe(false);
    expect(card.warnings[0]).toMatch(/does not settle/);
    expect(card.rows.find((row) => row.metric === 'leadTimeP50')!.caveat).toMatch(/not a steady-state difference/);
    expect(card.rows.find((row) => row.metric === 'leadTimeP50')!.tone).toBe('same');
    const html = headlineSection(r);
    expect(html).toContain('data-testid="report-trust"');
    expect(html).toContain('Not a steady-state result');
    expect(limitsSection(r)).toMatch(/does not settle/);
    expect(limitsSection(r)).toContain('npm run validate');
  });

  it('stress-test and advisor rows on a team that does not settle are marked', () => {
    const scenario = mm1(1.5, 1000);
    const stress = runScenario(scenario, { replications: 4, variants: absenceStressVariants(scenario, { kind: 'base' }, { start: 300, weeks: 2 }) });
    expect(rankAbsences(stress)[0]!.caveat).toMatch(/not a steady-state difference/);
    const training = runScenario(scenario, { replications: 4, variants: crossTrainingVariants(scenario, { kind: 'base' }) });
    expect(rankTraining(training)[0]!.caveat).toMatch(/not a steady-state difference/);
  });
});

describe('censoring at the horizon', () => {
  it('a service nobody restores: time to restore is "more than" the horizon span, and the unrestored count is next to it', () => {
    // Repairs take 5,000 h, longer than the run: no incident is ever restored.
    const scenario = buildScenario({
      skills: ['s'],
      people: [{ id: 'p', skills: { s: 1 } }],
      services: [{ id: 'svc', owners: ['p'], knowledge: { p: 1 }, incidentRate: 0.01, repairHours: constant(5000) }],
      horizonHours: 2000,
      replications: 5,
    });
    const r = runScenario(scenario);
    const v = r.variants[0]!;
    expect(v.metrics.unrestored.mean).toBeGreaterThan(5);
    expect(replicationsBeyond(v, 'ttrP50')).toBe(5);
    const text = formatSummary(r);
    expect(text).toMatch(/^Time to restore p50 \(h\)\s+>\d+/m);
    expect(text).toMatch(/^Incidents not restored by the end \(incidents\)\s+\d/m);
    expect(text).toMatch(/^warning: .*time to restore p50 \(5 of 5 replications\)/m);
    const card = summaryCards(r)[0]!;
    expect(card.rows.find((row) => row.metric === 'ttrP50')!.value).toMatch(/^more than [\d.]+ (h|days|weeks)$/);
    expect(card.rows.find((row) => row.metric === 'unrestored')!.value).toMatch(/^\d/);
  });

  it('lead-time percentiles count unfinished items: the overloaded queue p50 is above the finished-only one', () => {
    const r = runScenario(mm1(1.5));
    const v = r.variants[0]!;
    expect(v.metrics.unfinished.mean).toBeGreaterThan(500);
    const finishedOnly = LogHistogram.fromSnapshot(v.leadTimeHistogram).quantile(0.5);
    expect(v.metrics.leadTimeP50.mean).toBeGreaterThan(1.2 * finishedOnly);
  });

  it('every item and incident of the window is finished, or counted as still running at the end', () => {
    const scenario = buildScenario({
      skills: ['s'],
      people: [{ id: 'p', skills: { s: 1 } }, { id: 'q', skills: { s: 0.5 } }],
      services: [{ id: 'svc', owners: ['p'], knowledge: { p: 1, q: 0.3 }, arrivals: 1.1, incidentRate: 0.05, repairHours: exponential(3), detection: exponential(2), stages: [{ skill: 's', hours: exponential(1) }] }],
      horizonHours: 1000,
      warmupHours: 100,
      replications: 5,
    });
    for (const r of replicate(scenario)) {
      expect(r.unfinished).toBe(r.arrivals - r.completed);
      expect(r.leadTime.censored).toBe(r.unfinished);
      expect(r.timeToRestore.censored).toBe(r.unrestored);
      expect(r.timeToRestore.censored + r.timeToRestore.count).toBe(r.incidents);
    }
  });
});
