import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReportHtml, REPORT_SECTIONS, type ReplayComparison } from '../../../../simulation/report/buildReport';
import { csvTables, metricColumn } from '../../../../simulation/report/csvTables';
import { extractScenarioFromReport, sha256Hex } from '../../../../simulation/report/embed';
import { num } from '../../../../simulation/report/format';
import { formatUtc } from '../../../../simulation/report/sections/reproducibilitySection';
import { CARD_METRICS, summaryCards } from '../../../../simulation/report/summaryCards';
import { absenceStressVariants, rankAbsences } from '../../../../simulation/analysis/absenceStress';
import { runScenario } from '../../../../simulation/run/runScenario';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { exampleScenario, reportInput } from './fixture';

const sectionIds = (html: string) => [...html.matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]);

describe('buildReportHtml', () => {
  it('is stable: the same scenario and seed give the same report, apart from the date', async () => {
    const a = buildReportHtml(await reportInput(undefined, '2026-03-02T10:15:00.000Z'));
    const b = buildReportHtml(await reportInput(undefined, '2027-11-30T23:59:00.000Z'));
    expect(a).not.toBe(b);
    expect(a.replaceAll(formatUtc('2026-03-02T10:15:00.000Z'), 'DATE')).toBe(b.replaceAll(formatUtc('2027-11-30T23:59:00.000Z'), 'DATE'));
    // And a different seed does change it (the test would pass on a report that ignores the run otherwise).
    const input = await reportInput();
    const other = { ...input, result: runScenario(input.scenario, { replications: 12, seed: 12, variants: input.variants }) };
    expect(buildReportHtml(other)).not.toBe(buildReportHtml(input));
  });

  it('has every section, in order, and no script, stylesheet or image to fetch', async () => {
    const html = buildReportHtml(await reportInput());
    expect(sectionIds(html)).toEqual(REPORT_SECTIONS.filter((s) => !('optional' in s)).map((s) => s.id));
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/);
    expect(html).not.toMatch(/\b(src|href)="(https?:|\/\/)/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).toContain('counter(page) " / " counter(pages)');
    // Charts are inline SVG with data in them.
    for (const id of ['report-chart-lead-histogram', 'report-chart-lead-cdf', 'report-chart-ttr-histogram', 'report-chart-queue-wip', 'report-chart-ttr-split', 'report-chart-people', 'report-structure']) {
      expect(html, id).toMatch(new RegExp(`<svg[^>]*data-testid="${id}"`));
    }
    // The cumulative flow: one diagram per variant, finished work plus the places in progress.
    for (const id of ['report-chart-flow-0', 'report-chart-flow-1']) expect(html.match(new RegExp(`data-testid="${id}"[\\s\\S]*?</svg>`))?.[0].match(/class="layer"/g)?.length ?? 0, id).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Mel (ML engineer)');
    expect(html).toContain('bus factor 1');
  });

  it('prints the summary cards with the same text as the results screen', async () => {
    const input = await reportInput();
    const html = buildReportHtml(input);
    const cards = summaryCards(input.result);
    expect(cards.length).toBe(2);
    for (const card of cards) {
      const block = html.slice(html.indexOf(`data-testid="report-card-${card.variantId}"`));
      for (const row of card.rows) {
        expect(block).toContain(`<span class="value">${row.value}</span>`);
        if (row.diff) expect(block).toContain(`>${row.diff}</span>`);
      }
    }
  });

  it('adds the analyses and the replay comparison when given', async () => {
    const input = await reportInput();
    const stress = runScenario(input.scenario, { replications: 6, seed: 3, variants: absenceStressVariants(input.scenario, { kind: 'base' }, { start: 200, weeks: 8 }) });
    const replay: ReplayComparison = {
      logName: 'Incidents, spring 2026',
      replications: 30,
      seed: 5,
      variants: [
        { id: 'walled', name: 'Walled' },
        { id: 'cross-functional', name: 'Cross-functional' },
      ],
      incidents: [
        {
          id: 'INC-1',
          title: 'Recommendations stale <for weeks>',
          serviceId: 'recommendations',
          serviceName: 'Recommendation service',
          start: '2026-01-20T09:00:00Z',
          actualHours: 240,
          simulated: [
            { variantId: 'walled', mean: 200, p10: 120, p50: 190, p90: 300 },
            { variantId: 'cross-functional', mean: 60, p10: 20, p50: 50, p90: 110 },
          ],
        },
      ],
      totals: [
        { variantId: 'walled', actualHours: 240, simulatedMean: 200, low: 170, high: 230 },
        { variantId: 'cross-functional', actualHours: 240, simulatedMean: 60, low: 45, high: 75 },
      ],
    };
    const html = buildReportHtml({ ...input, analyses: { absence: { weeks: 8, replications: 6, seed: 3, impacts: rankAbsences(stress) } }, replay });
    expect(sectionIds(html)).toEqual(REPORT_SECTIONS.filter((s) => s.id !== 'changes' && s.id !== 'transition').map((s) => s.id)); // presets only: no moves to list
    expect(html).toContain('data-testid="report-absence"');
    expect(html).toContain('Replay of Incidents, spring 2026');
    expect(html).toContain('Recommendations stale &lt;for weeks&gt;');
    // Real time: the recorded 240 h = 10 days of 24 h; the replayed median 190 h = 7.9 days.
    expect(html).toContain('10.0 days');
    expect(html).toContain('7.9 days');
    // The fit of the baseline comes first, with its verdict.
    expect(html).toContain('data-testid="report-replay-fit"');
    expect(html).toContain('<td>45 h – 3.1 days</td>');
  });
});

describe('the model section', () => {
  it('gives planned absences and departures as dates on the scenario calendar, with their working hours', async () => {
    const scenario = exampleScenario();
    // The example's calendar starts on Monday 5 January 2026, 8 h a day, 5 days a week.
    scenario.people[0]!.absences = [{ start: 320, end: 400, reason: 'vacation' }];
    scenario.people[1]!.departureAt = 1000;
    const html = buildReportHtml(await reportInput(scenario, undefined, 2));
    const people = html.slice(html.indexOf('data-testid="report-people"'), html.indexOf('</table>', html.indexOf('data-testid="report-people"')));
    expect(people).toContain('vacation 2 Mar 2026 to 13 Mar 2026 (hours 320–400)');
    expect(people).toContain('leaves after 26 Jun 2026 (hour 1000)');
  });

  it("lists each team's Team API (what it offers, how to reach it), escaped, and a dash where none is written", async () => {
    const scenario = exampleScenario('platform-teams');
    scenario.teams[0]!.offers = 'Search ranking as a service <fast>';
    scenario.teams[0]!.contact = '#search';
    const html = buildReportHtml(await reportInput(scenario, undefined, 2));
    const table = html.slice(html.indexOf('data-testid="report-teams"'), html.indexOf('</table>', html.indexOf('data-testid="report-teams"')));
    expect(table).toContain('Offers, and how to reach it');
    expect(table).toContain('Search ranking as a service &lt;fast&gt;<br>reach: #search');
    expect(table.match(/<tr>/g)!.length).toBe(scenario.teams.length + 1);
    expect(table).toContain('<td>–</td>');
  });
});

describe('the embedded scenario', () => {
  it('round-trips exactly, and its SHA-256 is the hash the report prints', async () => {
    const input = await reportInput();
    const html = buildReportHtml(input);
    const extracted = extractScenarioFromReport(html);
    if (!extracted.ok) throw new Error(extracted.error);
    expect(extracted.text).toBe(serializeScenario(input.scenario));
    expect(await sha256Hex(extracted.text)).toBe(input.scenarioHash);
    expect(html).toContain(`<code data-testid="report-hash">${input.scenarioHash}</code>`);
    const parsed = parseScenarioFile(extracted.text, 'report.html');
    expect(parsed.ok && parsed.scenario).toEqual(input.scenario);
  });

  it('cannot be ended early by text in the scenario, and keeps backslashes and escapes as written', async () => {
    const scenario = exampleScenario();
    scenario.name = 'Evil </script><script>alert(1)</script> team';
    scenario.description = 'Keep "\\u003c" literally, a backslash \\ and <!-- a comment --> and </SCRIPT >';
    const input = await reportInput(scenario);
    const html = buildReportHtml(input);
    expect(html.match(/<script\b/gi)?.length).toBe(1);
    expect(html).not.toContain('<script>alert');
    const extracted = extractScenarioFromReport(html);
    expect(extracted.ok && extracted.text).toBe(serializeScenario(scenario));
    expect(await sha256Hex(serializeScenario(scenario))).toBe(input.scenarioHash);
  });

  it('says clearly when a file holds no scenario', () => {
    const none = extractScenarioFromReport('<!doctype html><title>x</title><script type="application/json" id="other">{}</script>', 'notes.html');
    expect(none.ok).toBe(false);
    expect(!none.ok && none.error).toMatch(/^notes\.html is not a Handoff report with a scenario in it/);
    const empty = extractScenarioFromReport('<script type="application/json" id="handoff-scenario">  </script>', 'r.html');
    expect(!empty.ok && empty.error).toBe("r.html: the report's embedded scenario is empty");
  });
});

describe('CSV tables', () => {
  it('parse, say their units, and match the summary cards', async () => {
    const input = await reportInput();
    const tables = csvTables(input.result);
    expect(Object.keys(tables)).toEqual(['summary.csv', 'comparisons.csv', 'replications.csv', 'people.csv', 'services.csv', 'queues.csv', 'cumulative_flow.csv']);
    const parse = (name: string) => Papa.parse<Record<string, string>>(tables[name]!, { header: true, skipEmptyLines: true });
    for (const name of Object.keys(tables)) expect(parse(name).errors, name).toEqual([]);
    const reps = parse('replications.csv');
    expect(reps.meta.fields).toContain('lead_time_p85_h');
    expect(reps.meta.fields).toContain('throughput_items_per_week');
    expect(reps.meta.fields).toContain('flow_efficiency_share');
    expect(reps.data.length).toBe(2 * 12);
    expect(metricColumn('ttrP95')).toBe('ttr_p95_h');

    const summary = parse('summary.csv').data;
    const cards = summaryCards(input.result);
    for (const card of cards) {
      for (const row of card.rows) {
        const line = summary.find((r) => r.variant === card.variantId && r.metric === row.metric)!;
        const mean = Number(line.mean);
        const half = Number(line.ci95_half_width);
        // Times are written in the row's unit of working time (the example's calendar: 8 h days, 5-day weeks), shares as percentages.
        const perUnit = line.unit === 'h' ? { h: 1, days: 8, weeks: 40 }[row.value.split(' ')[1]!]! : line.unit === 'share' ? 1 / 100 : 1;
        const suffix = line.unit === 'h' ? ` ${row.value.split(' ')[1]}` : line.unit === 'share' ? '%' : line.unit === 'items/week' ? ' items/week' : '';
        const expected = `${num(mean / perUnit)}${suffix}${line.ci95_half_width ? ` ±${num(half / perUnit)}` : ''}`;
        expect(row.value, `${card.variantId} ${row.metric}`).toBe(expected);
        // The unit is the one the largest mean of the row calls for: below 2 working days hours, below 2 working weeks days.
        if (line.unit === 'h') {
          const largest = Math.max(...summary.filter((r) => r.metric === row.metric).map((r) => Math.abs(Number(r.mean))));
          expect(perUnit, row.metric).toBe(largest >= 80 ? 40 : largest >= 16 ? 8 : 1);
        }
      }
    }
    expect(cards[0]!.rows.map((r) => r.metric)).toEqual(CARD_METRICS);
    // The per-replication figures average to the summary's mean.
    const walled = reps.data.filter((r) => r.variant === 'walled').map((r) => Number(r.lead_time_p85_h));
    const mean = Number(summary.find((r) => r.variant === 'walled' && r.metric === 'leadTimeP85')!.mean);
    expect(walled.reduce((s, x) => s + x, 0) / walled.length).toBeCloseTo(mean, 9);
  });
});

describe('percentile labels', () => {
  it('go in the first row where they do not run into another label', async () => {
    const { markerLabelRows } = await import('../../../../simulation/report/chartData');
    // Walled p50/p85/p95 at 10, 100, 200; cross-functional at 12, 60, 110: close ones move down a row.
    const rows = markerLabelRows([
      [10, 100, 200],
      [12, 60, 110],
    ]);
    expect(rows).toEqual([
      [10, 10, 10],
      [22, 10, 22],
    ]);
    // Far apart, every label stays on the first row.
    expect(markerLabelRows([[0, 50], [100, 150]])).toEqual([[10, 10], [10, 10]]);
  });
});
