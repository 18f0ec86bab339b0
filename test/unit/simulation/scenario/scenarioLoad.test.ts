/**
 * The load benchmark's organisation (simulation/bench/scenarioLoad.ts) is a
 * valid scenario of the promised size, and the benchmark runs. Not timed:
 * the figure is reported by `npx tsx simulation/bench/scenarioLoad.ts`.
 */
import { describe, expect, it } from 'vitest';
import { benchScenarioLoad, largeScenario, largeScenarioInput } from '../../../../simulation/bench/scenarioLoad';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

describe('scenario load benchmark', () => {
  it('builds a valid organisation of 5,000 people in 250 teams of 20, with 1,000 services, that parses with no errors', () => {
    const scenario = largeScenario(5000);
    expect(scenario.people).toHaveLength(5000);
    expect(scenario.teams).toHaveLength(250);
    expect(scenario.services).toHaveLength(1000);
    expect(scenario.people.every((p) => Object.keys(p.skills).length === 5)).toBe(true);
    expect(scenario.services.every((s) => Object.keys(s.knowledge).length === 20)).toBe(true);
    const text = serializeScenario(scenario);
    expect(text.length).toBeGreaterThan(3_000_000);
    const parsed = parseScenarioFile(text, 'organisation.handoff.json');
    if (!parsed.ok) throw new Error(parsed.errors.slice(0, 5).join('\n'));
    expect(parsed.scenario).toEqual(scenario);
    expect(parsed.migratedFrom).toBeNull();
  });

  it('is the same organisation for the same seed, and another one for another seed', () => {
    expect(largeScenarioInput(200, 3)).toEqual(largeScenarioInput(200, 3));
    expect(largeScenarioInput(200, 3)).not.toEqual(largeScenarioInput(200, 4));
  });

  it('reports its figures (a small organisation, one run)', () => {
    const result = benchScenarioLoad(200, 1);
    expect(result).toMatchObject({ people: 200, services: 40 });
    for (const key of ['megabytes', 'parseMs', 'jsonParseMs', 'schemaMs', 'validateShareMs'] as const) expect(result[key]).toBeGreaterThan(0);
  });
});
