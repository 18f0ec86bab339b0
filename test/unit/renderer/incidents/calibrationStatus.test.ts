/** Calibrating marks the log with when and on how many incidents (stated in reports); undo takes it back with the rest. */
import { describe, expect, it } from 'vitest';
import { calibrationCommand } from '../../../../renderer/src/incidents/calibrationCommand';
import { createDocumentStore } from '../../../../renderer/src/state/documentStore';
import { proposeCalibration } from '../../../../simulation/replay/calibrationProposal';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { importSample } from '../../simulation/replay/sampleLog';

describe('calibration status of a log', () => {
  it('is set by the calibration step, saved and read back, and undone with it', () => {
    const { scenario, log } = importSample();
    const store = createDocumentStore();
    store.getState().loadDocument({ ...scenario, incidentLogs: [log] }, null);
    const doc = store.getState().doc!;
    const before = serializeScenario(doc);
    expect(doc.incidentLogs[0]!.calibration).toBeUndefined();
    store.getState().apply(calibrationCommand(doc, proposeCalibration(doc, doc.incidentLogs[0]!), log.name, '2026-03-02T10:00:00.000Z'));
    const after = store.getState().doc!;
    expect(after.incidentLogs[0]!.calibration).toEqual({ at: '2026-03-02T10:00:00.000Z', incidents: log.incidents.length });
    const reread = parseScenarioFile(serializeScenario(after), 'x.handoff');
    expect(reread.ok && reread.scenario.incidentLogs[0]!.calibration).toEqual({ at: '2026-03-02T10:00:00.000Z', incidents: log.incidents.length });
    store.getState().undo();
    expect(serializeScenario(store.getState().doc!)).toBe(before);
  });
});
