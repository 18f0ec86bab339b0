import type { Person, Scenario, Service } from './schema';

/**
 * Where the editor and the report draw people, services and teams when the
 * scenario has no positions of its own: a deterministic layout by team.
 */
export const PERSON_SIZE = { width: 200, height: 60 };
export const SERVICE_SIZE = { width: 200, height: 64 };
/** A team with nobody in it yet, drawn as a box of this size at its stored position. */
export const EMPTY_TEAM_SIZE = { width: 280, height: 150 };
const GAP = 20;
const TEAM_PADDING = 24;
const TEAM_HEADER = 36;
const PER_ROW = 3;

export const personKey = (id: string) => `person:${id}`;
export const serviceKey = (id: string) => `service:${id}`;
export const teamKey = (id: string) => `team:${id}`;

/** Splits a node key into its kind and id. */
export function parseKey(key: string): { kind: 'person' | 'service' | 'team'; id: string } | null {
  const i = key.indexOf(':');
  const kind = key.slice(0, i);
  return kind === 'person' || kind === 'service' || kind === 'team' ? { kind, id: key.slice(i + 1) } : null;
}

/**
 * A tidy, deterministic layered layout: each team a block with its people in
 * rows of three and its services below them, blocks in a grid in the order of
 * the teams, people and services without a team in a last block. Within a
 * block the two layers are ordered to keep ownership and knowledge lines
 * short and uncrossed (barycentre ordering, as in layered graph drawing):
 * each service goes under the people who know it, each person over the
 * services they know, a few rounds each way. Ties keep the model's order, so
 * the same model always lays out the same way.
 */
export function autoLayout(model: Pick<Scenario, 'teams' | 'people' | 'services'>): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const blocks = [...model.teams.map((t) => t.id as string | null), null].filter(
    (team) => team !== null || model.people.some((p) => p.team === null) || model.services.some((s) => s.team === null),
  );
  const blockWidth = PER_ROW * (PERSON_SIZE.width + GAP) - GAP + 2 * TEAM_PADDING;
  // Blocks in a roughly square grid, so the whole organisation fits the screen.
  const columns = Math.max(1, Math.ceil(Math.sqrt(blocks.length)));
  let rowTop = 0;
  let rowHeight = 0;
  blocks.forEach((team, b) => {
    if (b > 0 && b % columns === 0) {
      rowTop += rowHeight + 4 * GAP;
      rowHeight = 0;
    }
    const x = (b % columns) * (blockWidth + 3 * GAP);
    const people = model.people.filter((p) => p.team === team);
    const services = model.services.filter((s) => s.team === team);
    const { personSlots, serviceSlots } = orderLayers(people, services);
    let y = rowTop + TEAM_HEADER + TEAM_PADDING;
    people.forEach((p, i) => {
      const slot = personSlots[i]!;
      out[personKey(p.id)] = {
        x: x + TEAM_PADDING + (slot % PER_ROW) * (PERSON_SIZE.width + GAP),
        y: y + Math.floor(slot / PER_ROW) * (PERSON_SIZE.height + GAP),
      };
    });
    y += Math.ceil(people.length / PER_ROW) * (PERSON_SIZE.height + GAP) + (people.length ? GAP * 2 : 0);
    services.forEach((s, i) => {
      const slot = serviceSlots[i]!;
      out[serviceKey(s.id)] = {
        x: x + TEAM_PADDING + (slot % PER_ROW) * (PERSON_SIZE.width + GAP),
        y: y + Math.floor(slot / PER_ROW) * (SERVICE_SIZE.height + GAP),
      };
    });
    y += Math.ceil(services.length / PER_ROW) * (SERVICE_SIZE.height + GAP);
    rowHeight = Math.max(rowHeight, y - rowTop);
  });
  return out;
}

/** Rounds of barycentre ordering (people by their services, then services by their people). */
const ORDER_ROUNDS = 3;

/**
 * The grid slot (row-major, PER_ROW columns) of each person and service of a
 * block. A line's weight is the person's knowledge of the service, plus one
 * for an owner; lines to other blocks are not considered.
 */
function orderLayers(people: readonly Pick<Person, 'id'>[], services: readonly Pick<Service, 'owners' | 'knowledge'>[]): { personSlots: number[]; serviceSlots: number[] } {
  const index = new Map(people.map((p, i) => [p.id, i]));
  // weight[s][p]
  const weight = services.map((svc) => {
    const w = new Array<number>(people.length).fill(0);
    for (const [id, level] of Object.entries(svc.knowledge)) {
      const i = index.get(id);
      if (i !== undefined) w[i]! += level;
    }
    for (const id of svc.owners) {
      const i = index.get(id);
      if (i !== undefined) w[i]! += 1;
    }
    return w;
  });
  let personSlots = people.map((_, i) => i);
  let serviceSlots = place(services.map((_, s) => barycentre(weight[s]!, personSlots, s % PER_ROW)));
  for (let round = 0; round < ORDER_ROUNDS; round++) {
    personSlots = place(people.map((_, p) => barycentre(services.map((_, s) => weight[s]![p]!), serviceSlots, personSlots[p]! % PER_ROW)));
    serviceSlots = place(services.map((_, s) => barycentre(weight[s]!, personSlots, serviceSlots[s]! % PER_ROW)));
  }
  return { personSlots, serviceSlots };
}

/** The weighted mean column of the other layer's slots, or `fallback` with no lines. */
function barycentre(weights: readonly number[], slots: readonly number[], fallback: number): number {
  let sum = 0;
  let total = 0;
  weights.forEach((w, i) => {
    if (w > 0) {
      sum += w * (slots[i]! % PER_ROW);
      total += w;
    }
  });
  return total > 0 ? sum / total : fallback;
}

/**
 * Slots for nodes wanting these columns: each column holds as many nodes as
 * there are rows; nodes in order of the column they want (ties: the model's
 * order) take the nearest column with room (ties: the left), and fill it
 * from the top.
 */
function place(wanted: readonly number[]): number[] {
  const rows = Math.ceil(wanted.length / PER_ROW);
  const used = new Array<number>(PER_ROW).fill(0);
  const slots = new Array<number>(wanted.length);
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  for (const node of order) {
    let best = -1;
    for (let c = 0; c < PER_ROW; c++) {
      if (used[c]! < rows && (best < 0 || Math.abs(c - wanted[node]!) < Math.abs(best - wanted[node]!))) best = c;
    }
    slots[node] = used[best]!++ * PER_ROW + best;
  }
  return slots;
}

/** A team's box around its members as drawn, or null when it has none. */
export function teamBox(
  positions: Record<string, { x: number; y: number }>,
  memberKeys: readonly string[],
): { x: number; y: number; width: number; height: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const key of memberKeys) {
    const p = positions[key];
    if (!p) continue;
    const size = key.startsWith('person:') ? PERSON_SIZE : SERVICE_SIZE;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  if (minX === Infinity) return null;
  return { x: minX - TEAM_PADDING, y: minY - TEAM_PADDING - TEAM_HEADER + 12, width: maxX - minX + 2 * TEAM_PADDING, height: maxY - minY + 2 * TEAM_PADDING + TEAM_HEADER - 12 };
}

/**
 * The scenario with a stored position for every person and service: the
 * ones it has, and the automatic layout's for the others (how the examples
 * ship, so nothing moves when they are edited).
 */
export function withPositions<S extends Pick<Scenario, 'teams' | 'people' | 'services'> & { layout?: { positions: Record<string, { x: number; y: number }> } }>(scenario: S): S {
  const auto = autoLayout(scenario);
  const positions = { ...auto, ...(scenario.layout?.positions ?? {}) };
  return { ...scenario, layout: { ...(scenario.layout ?? {}), positions } };
}
