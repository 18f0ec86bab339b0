import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { sha256Hex } from '../../../../simulation/report/embed';
import type { ReportInput } from '../../../../simulation/report/types';
import { runScenario } from '../../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../../simulation/run/variantSpec';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

export const VARIANTS: VariantSpec[] = [
  { kind: 'preset', preset: 'walled' },
  { kind: 'preset', preset: 'cross-functional' },
];

export const exampleScenario = (id = 'walled-data-team'): Scenario => scenarioSchema.parse(EXAMPLES.find((e) => e.id === id)!.scenario());

/** A report's input from a fresh run of the example (few replications, fixed seed). */
export async function reportInput(scenario = exampleScenario(), createdAt = '2026-03-02T10:15:00.000Z', replications = 12): Promise<ReportInput> {
  const result = runScenario(scenario, { replications, seed: 11, variants: VARIANTS });
  return {
    title: 'Walls or one team?',
    question: scenario.description,
    createdAt,
    appVersion: '0.0.0-test',
    scenario,
    scenarioHash: await sha256Hex(serializeScenario(scenario)),
    variants: VARIANTS,
    result,
  };
}
