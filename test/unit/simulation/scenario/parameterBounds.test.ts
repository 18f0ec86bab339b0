/**
 * Parameters outside the range where they mean anything are refused with the
 * reason; ones that are valid but make every time 0 are warned about.
 */
import { describe, expect, it } from 'vitest';
import { sample } from '../../../../simulation/random/sample';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import { MAX_LOGNORMAL_SIGMA } from '../../../../simulation/scenario/distributionSchema';
import { parseScenarioFile, type ParsedScenario } from '../../../../simulation/scenario/parseScenario';
import { repoFile } from './arbitraries';

const WALLED = repoFile('simulation/examples/walled-data-team.handoff.json');

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function openEdited(edit: (doc: Doc) => void): ParsedScenario {
  const doc = JSON.parse(WALLED) as Doc;
  edit(doc);
  return parseScenarioFile(JSON.stringify(doc), 'walled.handoff.json');
}

describe('lognormal sigma', () => {
  it('at 30 every draw is 0 to double precision (why it is bounded)', () => {
    const stream = new RandomStreams(1).stream('x');
    const draws = Array.from({ length: 1000 }, () => sample({ kind: 'lognormal', mean: 6, sigma: 30 }, stream));
    expect(draws.every((x) => x < 1e-100)).toBe(true);
  });

  it('above the bound is refused where it is, with the reason', () => {
    const parsed = openEdited((d) => (d.services[0].incidents.repairHours = { kind: 'lognormal', mean: 6, sigma: 30 }));
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^services\[0\]\.incidents\.repairHours: sigma 30 is above 3: with it the median is practically 0 of the mean/);
  });

  it('in a variant too', () => {
    const parsed = openEdited((d) => {
      const services = JSON.parse(JSON.stringify(d.services)) as Doc[];
      services[1]!.work.stages[0].hours = { kind: 'lognormal', mean: 12, sigma: 4 };
      d.variants = [{ id: 'v', name: 'V', overrides: { services } }];
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([expect.stringMatching(/^variants\[0\]\.overrides\.services\[1\]\.work\.stages\[0\]\.hours: sigma 4 is above 3: with it the median is 0\.034% of the mean/)]);
  });

  it('at the bound is accepted', () => {
    expect(openEdited((d) => (d.services[0].incidents.repairHours = { kind: 'lognormal', mean: 6, sigma: MAX_LOGNORMAL_SIGMA })).ok).toBe(true);
  });
});

describe('times that are always 0', () => {
  it('a stage or a repair that always takes 0 h is warned about where it is', () => {
    const parsed = openEdited((d) => {
      d.services[0].work.stages[1].hours = { kind: 'constant', value: 0 };
      d.services[2].incidents.repairHours = { kind: 'empirical', values: [0, 0] };
      d.services[1].work.stages[0].hours = { kind: 'uniform', min: 0, max: 0 };
    });
    expect(parsed.ok).toBe(true);
    const warnings = parsed.ok ? parsed.warnings : [];
    expect(warnings).toContain('services[0].work.stages[1].hours: every ml-engineering stage of Recommendation service takes 0 h, so it adds nothing to lead time or to anyone\'s work');
    expect(warnings.filter((w) => w.startsWith('services[1].work.stages[0].hours: every data-science stage'))).toHaveLength(1);
    expect(warnings.filter((w) => w.startsWith('services[2].incidents.repairHours: every repair of'))).toHaveLength(1);
  });

  it('a time that is only sometimes 0 is not', () => {
    const parsed = openEdited((d) => (d.services[0].work.stages[1].hours = { kind: 'empirical', values: [0, 4] }));
    expect(parsed.ok ? parsed.warnings.filter((w) => w.includes('takes 0 h')) : ['refused']).toEqual([]);
  });
});
