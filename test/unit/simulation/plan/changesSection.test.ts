import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../../simulation/report/buildReport';
import { changesSection } from '../../../../simulation/report/sections/changesSection';
import { runScenario } from '../../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../../simulation/run/variantSpec';
import { exampleScenario, reportInput } from '../report/fixture';

/** The walled example with a saved plan: Sam moves to a new platform team that takes the core module. */
function withPlan() {
  const scenario = exampleScenario();
  const teams = [...structuredClone(scenario.teams), { id: 'platform', name: 'Platform', type: 'platform' as const, interactions: [] }];
  const people = structuredClone(scenario.people).map((p) => (p.id === 'sam' ? { ...p, team: 'platform' } : p));
  const services = structuredClone(scenario.services).map((s) => (s.id === 'core-platform-module' ? { ...s, team: 'platform' } : s));
  scenario.variants = [{ id: 'plan', name: 'Platform plan', description: '', overrides: { teams, people, services } }];
  return scenario;
}

describe('the report\'s "What changes" section', () => {
  it('lists the moves of each structure compared with the baseline', () => {
    const html = changesSection(withPlan(), [{ kind: 'base' }, { kind: 'saved', id: 'plan' }]);
    expect(html).toContain('data-section="changes"');
    expect(html).toContain('<h3>Platform plan, compared with');
    expect(html).toContain('Sam (software engineer): Data team -&gt; Platform');
    expect(html).toContain('team Platform is formed (platform)');
  });

  it('is left out when the structures differ only in policy (presets)', () => {
    expect(changesSection(exampleScenario(), [{ kind: 'preset', preset: 'walled' }, { kind: 'preset', preset: 'cross-functional' }])).toBe('');
  });

  it('appears in the report, in the contents, after the model', async () => {
    const scenario = withPlan();
    const variants: VariantSpec[] = [{ kind: 'base' }, { kind: 'saved', id: 'plan' }];
    const input = { ...(await reportInput(scenario)), variants, result: runScenario(scenario, { replications: 4, seed: 2, variants }) };
    const html = buildReportHtml(input);
    expect(html).toContain('<a href="#changes">What changes</a>');
    expect(html.indexOf('data-section="changes"')).toBeGreaterThan(html.indexOf('data-section="model"'));
  });
});
