import { describe, expect, it } from 'vitest';
import { buildReportHtml, REPORT_SECTIONS } from '../../../../simulation/report/buildReport';
import { summarizeTransition } from '../../../../simulation/transition/summary';
import { reportInput } from '../report/fixture';

const sectionIds = (html: string) => [...html.matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]);

describe('the report\'s transition section', () => {
  it('comes from the app\'s analyses too, after "What changes", with the sentence and both charts', async () => {
    // Stay 10 h a week; the plan 20 h in its first week and 5 h after: it pays for itself from week 4 (see transition.test.ts).
    const arm = (values: number[]) => ({ leadSum: values, leadCount: values.map(() => 1), ttrSum: values, ttrCount: values.map(() => 1) });
    const run = {
      variantId: 'plan',
      variantName: 'Plan',
      effectiveDate: '2026-03-02',
      weeks: { switchAt: 320, weekHours: 40, weeksBefore: 2, weeksAfter: 6 },
      replications: [0, 1].map((index) => ({ index, seed: index, stay: arm([10, 10, 10, 10, 10, 10, 10, 10]), plan: arm([10, 10, 20, 5, 5, 5, 5, 5]) })),
    };
    const input = await reportInput();
    const html = buildReportHtml({ ...input, analyses: { transition: summarizeTransition(run, 1) } });
    const ids = sectionIds(html);
    expect(ids).toContain('transition');
    expect(ids.indexOf('transition')).toBe(ids.indexOf('assumptions') - 1);
    expect(REPORT_SECTIONS.map((s) => s.id)).toContain('transition');
    expect(html).toContain('<li>Lead time: the reorganisation pays for itself from week 4 [4, 4]; worst in week 1: +10 h (+100%) against staying as is</li>');
    expect(html).toContain('data-testid="report-chart-transition-lead"');
    expect(html).toContain('data-testid="report-chart-transition-ttr"');
    expect(html).toContain('href="#transition"');
    // Without a transition there is no section.
    expect(sectionIds(buildReportHtml(input))).not.toContain('transition');
  });
});
