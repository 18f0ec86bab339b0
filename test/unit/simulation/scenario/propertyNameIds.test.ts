import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossTrain } from '../../../../simulation/analysis/crossTrain';
import { analyseModel } from '../../../../simulation/analysis/modelAnalysis';
import { autoMatch } from '../../../../simulation/replay/nameMapping';
import { runScenario } from '../../../../simulation/run/runScenario';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

const WALLED = readFileSync(new URL('../../../../simulation/examples/walled-data-team.handoff.json', import.meta.url), 'utf8');
/** Ids every JavaScript object answers to (`__proto__` is not a valid id: ids start with a letter or digit). */
const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** The walled team with a skill of each such id, held by nobody but the first person, and a service known only by person 0. */
function scenarioWithPropertyIds(): Scenario {
  const doc = JSON.parse(WALLED);
  for (const id of NAMES) doc.skills.push({ id, name: id });
  doc.people[0].skills.constructor = 0.5;
  doc.services[0].work.stages.push({ skill: 'toString', hours: { kind: 'constant', value: 1 } });
  return scenarioSchema.parse(doc);
}

describe('ids that are JavaScript property names', () => {
  it('the file opens, and serializes back to the same text', () => {
    const text = serializeScenario(scenarioWithPropertyIds());
    const parsed = parseScenarioFile(text, 'p.handoff.json');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(serializeScenario(parsed.scenario)).toBe(text);
  });

  it('only person 0 is counted as holding "constructor" (a map without it does not answer with a function)', () => {
    const analysis = analyseModel(scenarioWithPropertyIds());
    expect(JSON.stringify(analysis.soleSkillHolders)).toContain('constructor');
  });

  it('cross-training sets numbers, not NaN, and the cross-functional variant is a valid scenario', () => {
    const model = scenarioWithPropertyIds();
    const { people, services } = crossTrain(model, 0.6);
    for (const p of people) for (const [k, v] of Object.entries(p.skills)) expect(Number.isFinite(v), `${p.id}.${k}`).toBe(true);
    expect(people[1]!.skills.toString).toBe(0.6);
    expect(people[0]!.skills.constructor).toBe(0.5);
    const withVariant = { ...model, variants: [{ id: 'cf', name: 'CF', description: '', overrides: { people, services } }] };
    const parsed = parseScenarioFile(serializeScenario(withVariant), 'cf.handoff.json');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.variants[0]!.overrides.people![2]!.skills.toString).toBe(0.6);
  });

  it('a run finishes with finite figures', () => {
    const result = runScenario(scenarioWithPropertyIds(), { replications: 2, seed: 3 });
    expect(Number.isFinite(result.variants[0]!.metrics.leadTimeP50.mean)).toBe(true);
  });

  it('incident log names that are property names (and __proto__) map like any other', () => {
    const table = autoMatch(['__proto__', 'constructor', 'toString', 'Prediction API'], [{ id: 'prediction-api', name: 'Prediction API' }]);
    expect(Object.keys(table)).toEqual(['__proto__', 'constructor', 'toString', 'Prediction API']);
    expect(table.constructor).toBe(null);
    expect(table['Prediction API']).toBe('prediction-api');
  });
});
