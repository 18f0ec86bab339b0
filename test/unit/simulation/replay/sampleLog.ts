import { readFileSync } from 'node:fs';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { suggestMapping } from '../../../../simulation/replay/columnMapping';
import { importRows, logNames } from '../../../../simulation/replay/importLog';
import { autoMatch } from '../../../../simulation/replay/nameMapping';
import { readSourceTable } from '../../../../simulation/replay/sourceTable';
import { scenarioSchema, type IncidentLog, type Scenario } from '../../../../simulation/scenario/schema';

export const SAMPLE_FILE = new URL('../../../../simulation/examples/incidents/sample-pagerduty.csv', import.meta.url);

export const walledDataTeam = (): Scenario => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());

/** The shipped sample export imported into the walled data team, as a user would: names matched, "prediction-api (prod)" mapped by hand. */
export function importSample(scenario = walledDataTeam()) {
  const table = readSourceTable(readFileSync(SAMPLE_FILE, 'utf8'), 'sample-pagerduty.csv');
  const { format, mapping } = suggestMapping(table, 'Europe/Berlin');
  const names = logNames(table, mapping);
  const services = autoMatch(
    names.services.map((n) => n.name),
    scenario.services,
  );
  services['prediction-api (prod)'] = 'prediction-api';
  const people = autoMatch(
    names.people.map((n) => n.name),
    scenario.people,
  );
  const result = importRows(table, { mapping, names: { services, people } });
  const log: IncidentLog = {
    id: 'sample',
    name: 'PagerDuty 2026',
    source: 'sample-pagerduty.csv',
    timeZone: 'Europe/Berlin',
    provenance: { rowsRead: result.rowsRead, skipped: result.skipped, fixed: result.fixed, acknowledgementsDropped: result.acknowledgementsDropped, unmappedPeople: result.unmappedPeople },
    incidents: result.incidents,
  };
  return { table, format, mapping, names, result, log, scenario };
}
