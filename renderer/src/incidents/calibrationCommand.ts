import { applyServiceProposal, type CalibrationProposal } from '../../../simulation/replay/calibrationProposal';
import type { Scenario } from '../../../simulation/scenario/schema';
import type { Command } from '../document/commands';

/** The calibration as one undoable step on the scenario as drawn: each service's part, then the on-call rotation if proposed. */
export function calibrationCommand(doc: Scenario, proposal: CalibrationProposal, logName: string): Command {
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
  return { type: 'batch', label: `calibrate to ${logName}`, commands };
}
