import { applyServiceProposal, type CalibrationProposal } from '../../../simulation/replay/calibrationProposal';
import type { Scenario } from '../../../simulation/scenario/schema';
import type { Command } from '../document/commands';

/**
 * The calibration as one undoable step on the scenario as drawn: each
 * service's part, then the on-call rotation if proposed, and the log marked
 * as calibrated to at `at` (ISO 8601) with its number of incidents, which a
 * report states.
 */
export function calibrationCommand(doc: Scenario, proposal: CalibrationProposal, logName: string, at?: string): Command {
  const commands: Command[] = proposal.services.flatMap((p) => {
    const svc = doc.services.find((s) => s.id === p.serviceId);
    if (!svc) return [];
    const next = applyServiceProposal(svc, p);
    return [
      { type: 'service.update', variant: null, id: svc.id, patch: { detection: next.detection, incidents: next.incidents } },
      ...p.knowledge.map((k): Command => ({ type: 'knowledge.set', variant: null, personId: k.personId, serviceId: svc.id, level: k.knowledge })),
      ...p.owners.filter((o) => !svc.owners.includes(o)).map((personId): Command => ({ type: 'owner.set', variant: null, personId, serviceId: svc.id, owner: true })),
    ];
  });
  if (proposal.onCall) commands.push({ type: 'structure.update', variant: null, patch: { onCall: proposal.onCall } });
  const log = doc.incidentLogs.find((l) => l.id === proposal.logId);
  if (at && log) commands.push({ type: 'incidentLog.calibrated', id: log.id, calibration: { at, incidents: log.incidents.length } });
  return { type: 'batch', label: `calibrate to ${logName}`, commands };
}
