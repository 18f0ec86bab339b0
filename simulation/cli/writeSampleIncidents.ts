/**
 * Writes the sample PagerDuty export (simulation/examples/incidents/sample-pagerduty.csv)
 * from its seeded generator: `npx tsx simulation/cli/writeSampleIncidents.ts`.
 * A test checks the file matches, so it cannot drift from the generator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleIncidentCsv } from '../examples/sampleIncidentLog';

const file = path.resolve(import.meta.dirname, '..', 'examples', 'incidents', 'sample-pagerduty.csv');
writeFileSync(file, sampleIncidentCsv());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
