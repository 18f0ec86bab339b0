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

/**
 * The platform example as a reorganisation to simulate: on 2 March the two
 * operations engineers join the stream-aligned teams (Gus to search, Hana to
 * pricing), the teams become cross-functional and pair on half their work,
 * the pricing team takes the deployment pipeline with Hana, and the search
 * team's ranking service passes from Ben to Chen, who knows it less well. When does it pay for itself?
 */
export function reorganisationPlan(platform: ScenarioInput): ScenarioInput {
  const teamOf: Record<string, string> = { gus: 'search', hana: 'pricing' };
  const people = platform.people.map((p) => (teamOf[p.id] ? { ...p, team: teamOf[p.id] } : p));
  // The deployment pipeline goes with Hana to pricing: a team with nobody in it could not run it.
  const services = platform.services.map((s) => (s.id === 'search-ranking' ? { ...s, owners: ['chen'] } : s.id === 'deploy-pipeline' ? { ...s, team: 'pricing' } : s));
  return {
    ...platform,
    name: 'Reorganisation: operations join the stream-aligned teams',
    description:
      'The operations engineers of the platform team move into the two stream-aligned teams on 2 March, the teams work cross-functionally and pair on half their work, and Chen takes over search ranking from Ben. How deep is the dip while people learn, and from which week does the reorganisation pay for itself?',
    variants: [
      {
        id: 'ops-embedded',
        name: 'Operations in the stream-aligned teams',
        description: 'Gus joins search and Hana joins pricing (taking the deployment pipeline with her); both teams become cross-functional and pair on half the work; Chen owns search ranking instead of Ben.',
        overrides: {
          people,
          services,
          structure: { ...platform.structure, mode: 'cross-functional', dispatch: 'pull', pairing: { enabled: true, share: 0.5 } },
        },
        transition: { effectiveDate: '2026-03-02' },
      },
    ],
  };
}
