import { withPositions } from '../scenario/layout';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema';
import { crossFunctionalDataTeam, reorganisationPlan } from './derived';
import { organisationScenario } from './organisation';
import platformTeams from './platform-teams.handoff.json';
import walledDataTeam from './walled-data-team.handoff.json';

export interface Example {
  id: string;
  /** File name it is saved under. */
  fileName: string;
  title: string;
  summary: string;
  scenario: () => ScenarioInput;
}

/** The example scenarios that ship with Handoff, from the essays it grew out of. */
export const EXAMPLES: readonly Example[] = [
  {
    id: 'walled-data-team',
    fileName: 'walled-data-team.handoff.json',
    title: 'Walled data team',
    summary: 'A data scientist, an ML engineer and a software engineer, each allowed only their own stage; one owner per service, and no monitoring on recommendations.',
    scenario: () => structuredClone(walledDataTeam as unknown as ScenarioInput),
  },
  {
    id: 'cross-functional-data-team',
    fileName: 'cross-functional-data-team.handoff.json',
    title: 'The same people, cross-functional',
    summary: 'The same three people as one team: whoever is qualified takes the next stage, anyone who knows a service restores it, and half the work is paired.',
    scenario: () => crossFunctionalDataTeam(structuredClone(walledDataTeam as unknown as ScenarioInput)),
  },
  {
    id: 'platform-teams',
    fileName: 'platform-teams.handoff.json',
    title: 'Platform team and stream-aligned teams',
    summary: 'Two stream-aligned teams hand releases to operations; a variant makes deployment self-service through a platform team.',
    scenario: () => structuredClone(platformTeams as unknown as ScenarioInput),
  },
  {
    id: 'reorganisation',
    fileName: 'reorganisation.handoff.json',
    title: 'A reorganisation, simulated as it happens',
    summary: 'The platform team\'s operations engineers join the stream-aligned teams on 2 March: the dip while people learn, and the week it pays for itself.',
    scenario: () => reorganisationPlan(structuredClone(platformTeams as unknown as ScenarioInput)),
  },
  {
    id: 'organisation-50',
    fileName: 'organisation-50.handoff.json',
    title: 'Organisation of 50',
    summary: 'Five teams of specialists (data science, ML, software, operations) owning twenty services: the benchmark organisation.',
    // Generated, so laid out here: every example ships with a position for every node.
    scenario: () => withPositions(scenarioSchema.parse(organisationScenario())),
  },
];
