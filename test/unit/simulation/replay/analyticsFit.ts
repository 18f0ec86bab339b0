import { produce } from 'immer';
import { readFileSync } from 'node:fs';
import { applyCommand } from '../../../../renderer/src/document/commands';
import { calibrationCommand } from '../../../../renderer/src/incidents/calibrationCommand';
import { ADD, importCommand, nameMapping } from '../../../../renderer/src/incidents/importCommand';
import { proposeCalibration } from '../../../../simulation/replay/calibrationProposal';
import { suggestMapping } from '../../../../simulation/replay/columnMapping';
import { importRows, logNames } from '../../../../simulation/replay/importLog';
import { autoMatch } from '../../../../simulation/replay/nameMapping';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { baselineFit } from '../../../../simulation/replay/replayFit';
import { readSourceTable } from '../../../../simulation/replay/sourceTable';
import type { IncidentLog, Scenario } from '../../../../simulation/scenario/schema';

/** A log imported as a user would through the dialog: suggested mapping, names matched, every other name added to the model. */
export function importAsUser(scenario: Scenario, file: URL, name: string, timeZone: string): { doc: Scenario; log: IncidentLog; format: string } {
  const table = readSourceTable(readFileSync(file, 'utf8'), name);
  const { format, mapping } = suggestMapping(table, timeZone);
  const names = logNames(table, mapping);
  const choose = (found: string[], model: readonly { id: string; name: string }[]) => {
    const matched = autoMatch(found, model);
    return Object.fromEntries(found.map((n) => [n, matched[n] ?? ADD]));
  };
  const services = choose(names.services.map((n) => n.name), scenario.services);
  const people = choose(names.people.map((n) => n.name), scenario.people);
  const result = importRows(table, { mapping, names: nameMapping(scenario, services, people) });
  const { command, log } = importCommand(scenario, result.incidents, services, people, name, name, { timeZone, provenance: { rowsRead: result.rowsRead, skipped: result.skipped, fixed: result.fixed, acknowledgementsDropped: result.acknowledgementsDropped, unmappedPeople: result.unmappedPeople } });
  const doc = produce(scenario, (d) => applyCommand(d, command));
  return { doc, log, format };
}

/** The fit of the model as drawn, then after one calibration step. */
export function fitBeforeAfter(doc: Scenario, log: IncidentLog, replications = 100, seed = 42) {
  const options = { variants: [{ kind: 'base' as const }], replications, seed, detection: 'model' as const };
  const proposal = proposeCalibration(doc, log);
  const before = baselineFit(runReplay(doc, log, { ...options, pageHours: proposal.pageHours ?? undefined }))!;
  const calibrated = produce(doc, (d) => applyCommand(d, calibrationCommand(doc, proposal, log.name)));
  const after = baselineFit(runReplay(calibrated, log, { ...options, pageHours: proposeCalibration(calibrated, log).pageHours ?? undefined }))!;
  return { before, after, proposal, calibrated };
}
