import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

const example = JSON.parse(readFileSync('simulation/examples/platform-teams.handoff.json', 'utf8')) as {
  run: { horizonHours: number; warmupHours: number };
  variants: Record<string, unknown>[];
};

/** The example with a transition on its variant (horizon 2000 h = 50 weeks from 2026-01-05, no warm-up unless given). */
function withTransition(transition: unknown, warmupHours = 0): string {
  const doc = structuredClone(example);
  doc.run.warmupHours = warmupHours;
  doc.variants[0]!.transition = transition;
  return JSON.stringify(doc);
}

describe('a variant\'s transition in the scenario file', () => {
  it('opens, and keeps the date through open -> save -> open', () => {
    const first = parseScenarioFile(withTransition({ effectiveDate: '2026-03-02' }), 'plan.handoff.json');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.scenario.variants[0]!.transition).toEqual({ effectiveDate: '2026-03-02' });
    const again = parseScenarioFile(serializeScenario(first.scenario), 'plan.handoff.json');
    expect(again.ok && again.scenario).toEqual(first.scenario);
  });

  it('still opens files without one, and writes none back', () => {
    const plain = parseScenarioFile(JSON.stringify(example), 'plain.handoff.json');
    expect(plain.ok).toBe(true);
    if (plain.ok) expect(serializeScenario(plain.scenario)).not.toContain('transition');
  });

  it('refuses a date in the warm-up, naming the variant, the date and when the warm-up ends', () => {
    const r = parseScenarioFile(withTransition({ effectiveDate: '2026-01-12' }, 160), 'plan.handoff.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'variants[0] (Platform self-service).transition.effectiveDate: the reorganisation takes effect on 2026-01-12, which is not after the warm-up, which ends on 2026-01-30: choose a later date (the run must see the base structure settle first)',
    ]);
  });

  it('refuses a date after the run ends, and a date that is not one', () => {
    const late = parseScenarioFile(withTransition({ effectiveDate: '2027-06-01' }), 'plan.handoff.json');
    expect(!late.ok && late.errors.join('\n')).toMatch(/takes effect on 2027-06-01, after the run ends on 2026-12-1\d: choose an earlier date or a longer horizon/);
    const bad = parseScenarioFile(withTransition({ effectiveDate: '2026-02-30' }), 'plan.handoff.json');
    expect(!bad.ok && bad.errors).toEqual(['variants[0].transition.effectiveDate: effectiveDate 2026-02-30 is not a real date']);
  });

  it('reports a misspelt field of a transition through the unknown-field check', () => {
    const r = parseScenarioFile(withTransition({ effectiveDate: '2026-03-02', efectiveDat: 'x' }), 'plan.handoff.json');
    expect(!r.ok && r.errors[0]).toMatch(/^variants\[0\]\.transition\.efectiveDat: unknown field "efectiveDat" \(did you mean "effectiveDate"\?\)/);
  });

  it('refuses a plan that adds or drops people, since the run cannot switch to a model with other people in it', () => {
    const doc = JSON.parse(withTransition({ effectiveDate: '2026-03-02' })) as { people: { id: string }[]; variants: { overrides: Record<string, unknown> }[] };
    doc.variants[0]!.overrides.people = doc.people.slice(1);
    const r = parseScenarioFile(JSON.stringify(doc), 'plan.handoff.json');
    expect(!r.ok && r.errors.join('\n')).toContain(`a transition needs the plan to keep the base's people, and this one drops "${doc.people[0]!.id}"`);
  });
});
