import { describe, expect, it } from 'vitest';
import { sortImpacts, type AbsenceImpact } from '../../../../simulation/analysis/absenceStress';
import { absenceTable, trainingTable } from '../../../../simulation/report/analysisTables';
import { sweepChartData } from '../../../../simulation/report/chartData';
import type { MetricComparison } from '../../../../simulation/run/comparison';

const cmp = (metric: MetricComparison['metric'], mean: number, half: number): MetricComparison => ({
  metric,
  difference: { mean, halfWidth: half, low: mean - half, high: mean + half, n: 20 },
  relative: null,
  pairs: 20,
});
const impact = (id: string, ttr: number, lead: number): AbsenceImpact => ({
  personId: id,
  person: id.toUpperCase(),
  ttrMean: cmp('ttrMean', ttr, 1),
  leadTimeMean: cmp('leadTimeMean', lead, 1),
  waitedForAbsent: cmp('incidentsWaitedForAbsent', 0, 0.5),
  stoppedServices: [],
});

describe('the stress test table', () => {
  const impacts = [impact('a', 30, 0.5), impact('b', 0.4, 200), impact('c', -5, 2)];

  it('ranks by the metric picked, then the other', () => {
    expect(sortImpacts(impacts, 'ttr').map((x) => x.personId)).toEqual(['a', 'b', 'c']);
    expect(sortImpacts(impacts, 'lead').map((x) => x.personId)).toEqual(['b', 'c', 'a']);
    // A new array: the stored order is not changed under a reader.
    expect(impacts.map((x) => x.personId)).toEqual(['a', 'b', 'c']);
  });

  it('writes each column in one unit, said in its header, and a verdict for every difference', () => {
    const table = absenceTable(impacts, 'lead', { hoursPerDay: 8, daysPerWeek: 5 });
    expect(table.head[1]).toBe('Time to restore, mean, in working days');
    expect(table.head[2]).toBe('Lead time, mean, in working weeks (ranked by)');
    const [a, b, c] = table.rows;
    expect(a!.cells[0]!.text).toBe('+3.75 days [+3.63, +3.88]');
    expect(b!.cells[1]!.text).toBe('+5.00 weeks [+4.97, +5.03]');
    // Time to restore up clearly is bad news; down clearly good; zero inside the interval: no clear difference.
    expect(a!.cells[0]).toMatchObject({ verdict: 'clearly higher', tone: 'worse' });
    expect(c!.cells[0]).toMatchObject({ verdict: 'clearly lower', tone: 'better' });
    expect(a!.cells[2]).toMatchObject({ text: '0 [−0.50, +0.50]', verdict: 'no clear difference', tone: 'same' });
  });

  it('lists the advisor options with their verdicts, best first as given, at most eight', () => {
    const gains = Array.from({ length: 10 }, (_, i) => ({ option: `o${i}`, variantId: `train:p:s${i}`, ttrMean: cmp('ttrMean', -10 + i, 2), ttrP95: cmp('ttrP95', -1, 3), waitedForAbsent: undefined }));
    const table = trainingTable(gains);
    expect(table.rows).toHaveLength(8);
    expect(table.rows[0]!.cells[0]).toMatchObject({ verdict: 'clearly lower', tone: 'better' });
    expect(table.rows[0]!.cells[1]!.verdict).toBe('no clear difference');
    expect(table.rows[0]!.cells[2]).toMatchObject({ text: '–', verdict: null });
    expect(table.rows[0]!.key).toBe('train:p:s0');
  });
});

describe('the sweep chart', () => {
  const line = (structure: string, means: number[]) => ({ structure, name: structure.toUpperCase(), points: means.map((mean, i) => ({ value: 0.5 + i * 0.25, mean, low: mean - 1, high: mean + 1 })) });

  it("marks today's value inside the range, and says when it is outside", () => {
    const inside = sweepChartData([line('base', [10, 11, 12, 13, 14])], 'arrivalRate', 'throughputPerWeek', undefined, 1);
    expect(inside.marker).toEqual({ value: 1, label: 'today: 1×' });
    expect(inside.series[0]!.name).toBe('BASE');
    const outside = sweepChartData([line('base', [10, 11, 12, 13, 14])], 'arrivalRate', 'throughputPerWeek', undefined, 3);
    expect(outside.marker!.label).toBe('today: 3× (outside the range swept)');
    expect(sweepChartData([line('base', [1, 2, 3, 4, 5])], 'crossTraining', 'throughputPerWeek', undefined, null).marker).toBeUndefined();
  });

  it('writes times in one unit of the calendar, said on the axis', () => {
    const data = sweepChartData([line('walled', [100, 120, 140, 160, 180])], 'arrivalRate', 'leadTimeP85', { hoursPerDay: 8, daysPerWeek: 5 });
    expect(data.yLabel).toBe('Lead time p85 (working weeks)');
    expect(data.series[0]!.p50).toEqual([2.5, 3, 3.5, 4, 4.5]);
    // An older kept sweep (no name) reads as the preset it ran.
    expect(sweepChartData([{ structure: 'walled', points: [] }], 'arrivalRate', 'leadTimeP85').series[0]!.name).toBe('Walled');
  });
});
