import type { MergePlan } from '../../../simulation/orgImport/mergePlan';
import type { Command } from '../document/commands';

/**
 * An organisation import as one undoable step on the base scenario: the same
 * plan the command line applies with applyMergePlan, as editor commands.
 */
export function mergeCommand(plan: MergePlan, label = 'import organisation'): Command {
  const v = null;
  const commands: Command[] = [
    ...plan.addSkills.map((skill): Command => ({ type: 'skill.add', variant: v, skill })),
    ...plan.addTeams.map((team): Command => ({ type: 'team.add', variant: v, team })),
    ...plan.teamTypes.map((u): Command => ({ type: 'team.update', variant: v, id: u.id, patch: { type: u.type } })),
    ...plan.addPeople.map((person): Command => ({ type: 'person.add', variant: v, person })),
    ...plan.personTeams.map((u): Command => ({ type: 'person.update', variant: v, id: u.id, patch: { team: u.team } })),
    ...plan.personAvailability.map((u): Command => ({ type: 'person.update', variant: v, id: u.id, patch: { availability: u.availability } })),
    ...plan.personSkills.map((u): Command => ({ type: 'person.setSkill', variant: v, id: u.id, skill: u.skill, level: u.level })),
    ...plan.addServices.map((service): Command => ({ type: 'service.add', variant: v, service })),
    ...plan.serviceTeams.map((u): Command => ({ type: 'service.update', variant: v, id: u.id, patch: { team: u.team } })),
    ...plan.owners.map((u): Command => ({ type: 'owner.set', variant: v, personId: u.person, serviceId: u.service, owner: true })),
    ...plan.knowledge.map((u): Command => ({ type: 'knowledge.set', variant: v, personId: u.person, serviceId: u.service, level: u.level })),
  ];
  return { type: 'batch', label, commands };
}
