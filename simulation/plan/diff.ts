import { BUS_FACTOR_KNOWLEDGE } from '../model/replicationResult';
import type { Scenario } from '../scenario/schema';

/** What a plan compares: a model as the canvas shows it (the base, or a variant over it). */
export type PlanModel = Pick<Scenario, 'skills' | 'teams' | 'people' | 'services' | 'structure'>;

export type MoveKind =
  | 'person-team'
  | 'person-added'
  | 'person-removed'
  | 'service-team'
  | 'service-owner'
  | 'service-added'
  | 'service-removed'
  | 'team-type'
  | 'team-added'
  | 'team-removed'
  | 'interaction'
  | 'knowledge-lost'
  | 'knowledge-to-build'
  | 'knowledge'
  | 'skill'
  | 'structure';

/** One change of a plan, in a director's words, with the canvas nodes (`person:<id>`, `service:<id>`, `team:<id>`) and edges it touches. */
export interface PlanMove {
  kind: MoveKind;
  text: string;
  nodes: string[];
  /** Knowledge and ownership edges (`k:<person>:<service>`), as the canvas names them. */
  edges: string[];
}

/** Knowledge changes smaller than this are not listed (rounding, not a plan). */
const KNOWLEDGE_STEP = 0.05;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The plan as a list of moves from one model to another: who moves team,
 * which services change team or owner, which team types and interactions
 * change, who is added or removed, and what the moves do to knowledge: a
 * person leaving a team takes what they know of its services with them
 * (listed as lost when nobody left in the team knows the service to
 * {@link BUS_FACTOR_KNOWLEDGE}), and what they know too little of in their
 * new team's services is to be built. Then direct edits of knowledge and
 * skills, and of the structure policy. Order: people, services, teams,
 * knowledge, structure, each in the model's order, so the list is stable.
 */
export function diffModels(from: PlanModel, to: PlanModel): PlanMove[] {
  const moves: PlanMove[] = [];
  const teamName = (m: PlanModel, id: string | null) => (id === null ? 'no team' : (m.teams.find((t) => t.id === id)?.name ?? id));
  const personName = (id: string) => to.people.find((p) => p.id === id)?.name ?? from.people.find((p) => p.id === id)?.name ?? id;
  const push = (kind: MoveKind, text: string, nodes: string[], edges: string[] = []) => moves.push({ kind, text, nodes, edges });

  for (const p of to.people) {
    const before = from.people.find((x) => x.id === p.id);
    if (!before) push('person-added', `${p.name} joins ${teamName(to, p.team)}`, [`person:${p.id}`]);
    else if (before.team !== p.team) push('person-team', `${p.name}: ${teamName(from, before.team)} -> ${teamName(to, p.team)}`, [`person:${p.id}`]);
  }
  for (const p of from.people) if (!to.people.some((x) => x.id === p.id)) push('person-removed', `${p.name} leaves (${teamName(from, p.team)})`, []);

  for (const s of to.services) {
    const before = from.services.find((x) => x.id === s.id);
    if (!before) {
      push('service-added', `${s.name} is added (${teamName(to, s.team)})`, [`service:${s.id}`]);
      continue;
    }
    if (before.team !== s.team) push('service-team', `${s.name}: owned by ${teamName(from, before.team)} -> ${teamName(to, s.team)}`, [`service:${s.id}`]);
    const was = before.owners.map(personName).join(', ') || 'nobody';
    const now = s.owners.map(personName).join(', ') || 'nobody';
    if (was !== now) {
      const changed = [...before.owners.filter((o) => !s.owners.includes(o)), ...s.owners.filter((o) => !before.owners.includes(o))];
      push('service-owner', `${s.name}: owner ${was} -> ${now}`, [`service:${s.id}`], changed.map((o) => `k:${o}:${s.id}`));
    }
  }
  for (const s of from.services) if (!to.services.some((x) => x.id === s.id)) push('service-removed', `${s.name} is retired`, []);

  for (const t of to.teams) {
    const before = from.teams.find((x) => x.id === t.id);
    if (!before) {
      push('team-added', `team ${t.name} is formed (${t.type})`, [`team:${t.id}`]);
      continue;
    }
    if (before.type !== t.type) push('team-type', `team ${t.name}: ${before.type} -> ${t.type}`, [`team:${t.id}`]);
    const modes = (x: typeof t) => new Map(x.interactions.map((i) => [i.team, i.mode] as const));
    const [a, b] = [modes(before), modes(t)];
    for (const other of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(other) === b.get(other)) continue;
      push('interaction', `${t.name} with ${teamName(to, other)}: ${a.get(other) ?? 'no interaction'} -> ${b.get(other) ?? 'no interaction'}`, [`team:${t.id}`, `team:${other}`]);
    }
  }
  for (const t of from.teams) if (!to.teams.some((x) => x.id === t.id)) push('team-removed', `team ${t.name} is dissolved`, []);

  knowledgeMoves(from, to, push, personName, teamName);
  if (from.structure.mode !== to.structure.mode) push('structure', `structure: ${from.structure.mode} -> ${to.structure.mode}`, []);
  if (from.structure.pairing.enabled !== to.structure.pairing.enabled) push('structure', `pairing: ${from.structure.pairing.enabled ? 'on' : 'off'} -> ${to.structure.pairing.enabled ? 'on' : 'off'}`, []);
  if (from.structure.onCall.enabled !== to.structure.onCall.enabled) push('structure', `on-call rotation: ${from.structure.onCall.enabled ? 'on' : 'off'} -> ${to.structure.onCall.enabled ? 'on' : 'off'}`, []);
  return moves;
}

type Push = (kind: MoveKind, text: string, nodes: string[], edges?: string[]) => void;

function knowledgeMoves(from: PlanModel, to: PlanModel, push: Push, personName: (id: string) => string, teamName: (m: PlanModel, id: string | null) => string): void {
  // What the people who move take out of their old team, and what they must learn in the new one.
  for (const p of to.people) {
    const before = from.people.find((x) => x.id === p.id);
    if (!before || before.team === p.team) continue;
    for (const s of to.services) {
      const k = s.knowledge[p.id] ?? 0;
      const oldTeamService = before.team !== null && s.team === before.team;
      if (oldTeamService && k >= BUS_FACTOR_KNOWLEDGE) {
        const left = to.people.filter((q) => q.id !== p.id && q.team === before.team && (s.knowledge[q.id] ?? 0) >= BUS_FACTOR_KNOWLEDGE);
        if (left.length === 0) push('knowledge-lost', `${teamName(from, before.team)} loses its only knower of ${s.name}: ${p.name} (${pct(k)}) moves to ${teamName(to, p.team)}`, [`service:${s.id}`, `person:${p.id}`], [`k:${p.id}:${s.id}`]);
      }
      if (p.team !== null && s.team === p.team && k < BUS_FACTOR_KNOWLEDGE) push('knowledge-to-build', `${p.name} must learn ${s.name} (${pct(k)} now)`, [`service:${s.id}`, `person:${p.id}`], [`k:${p.id}:${s.id}`]);
    }
  }
  // Knowledge edited directly in the plan (cross-training, pairing on purpose).
  for (const s of to.services) {
    const before = from.services.find((x) => x.id === s.id);
    if (!before) continue;
    for (const pid of new Set([...Object.keys(before.knowledge), ...Object.keys(s.knowledge)])) {
      const [a, b] = [before.knowledge[pid] ?? 0, s.knowledge[pid] ?? 0];
      if (Math.abs(a - b) < KNOWLEDGE_STEP) continue;
      push('knowledge', `${personName(pid)} knows ${s.name}: ${pct(a)} -> ${pct(b)}`, [`service:${s.id}`, `person:${pid}`], [`k:${pid}:${s.id}`]);
    }
  }
  const skillName = (id: string) => to.skills.find((k) => k.id === id)?.name ?? id;
  for (const p of to.people) {
    const before = from.people.find((x) => x.id === p.id);
    if (!before) continue;
    for (const sk of new Set([...Object.keys(before.skills), ...Object.keys(p.skills)])) {
      const [a, b] = [before.skills[sk] ?? 0, p.skills[sk] ?? 0];
      if (Math.abs(a - b) >= KNOWLEDGE_STEP) push('skill', `${p.name}: ${skillName(sk)} ${pct(a)} -> ${pct(b)}`, [`person:${p.id}`]);
    }
  }
}
