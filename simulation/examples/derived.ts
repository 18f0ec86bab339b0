import type { ScenarioInput } from '../scenario/schema';

/**
 * The walled data team's people, skills and services, working as one
 * cross-functional team: anyone qualified takes a stage from one shared
 * backlog, anyone who knows a service may restore it, and half of the
 * stages are paired so knowledge spreads.
 */
export function crossFunctionalDataTeam(walled: ScenarioInput): ScenarioInput {
  return {
    ...walled,
    name: 'Cross-functional data team',
    description:
      'The same three people as the walled data team, working as one team: whoever is free and qualified takes the next stage, anyone who knows a service restores it, and half of the work is paired. How much faster are changes and restores, and how fast does knowledge spread?',
    structure: { ...walled.structure, mode: 'cross-functional', dispatch: 'pull', pairing: { enabled: true, share: 0.5 } },
  };
}
