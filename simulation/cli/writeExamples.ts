/**
 * Writes every example scenario to simulation/examples/<fileName> in the
 * canonical file form (`npx tsx simulation/cli/writeExamples.ts`). A test
 * checks the files match, so the generated examples cannot drift.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from '../examples/catalog';
import { scenarioSchema } from '../scenario/schema';
import { serializeScenario } from '../scenario/serialize';
import { withPositions } from '../scenario/layout';

const dir = path.resolve(import.meta.dirname, '..', 'examples');
for (const example of EXAMPLES) {
  // Every example ships with a stored position for every node, so nothing moves when it is edited.
  writeFileSync(path.join(dir, example.fileName), serializeScenario(withPositions(scenarioSchema.parse(example.scenario()))));
  process.stdout.write(`wrote ${example.fileName}\n`);
}
