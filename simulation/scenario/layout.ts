import type { Scenario } from './schema';

/**
 * Where the editor and the report draw people, services and teams when the
 * scenario has no positions of its own: a deterministic layout by team.
 */
export const PERSON_SIZE = { width: 200, height: 60 };
export const SERVICE_SIZE = { width: 200, height: 64 };
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
 * A tidy, deterministic layout: each team a block (people in rows of three,
 * its services below), blocks in a grid in the order of the teams, people
 * and services without a team in a last block. The same model always
 * lays out the same way.
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
    let y = rowTop + TEAM_HEADER + TEAM_PADDING;
    people.forEach((p, i) => {
      out[personKey(p.id)] = {
        x: x + TEAM_PADDING + (i % PER_ROW) * (PERSON_SIZE.width + GAP),
        y: y + Math.floor(i / PER_ROW) * (PERSON_SIZE.height + GAP),
      };
    });
    y += Math.ceil(people.length / PER_ROW) * (PERSON_SIZE.height + GAP) + (people.length ? GAP * 2 : 0);
    services.forEach((s, i) => {
      out[serviceKey(s.id)] = {
        x: x + TEAM_PADDING + (i % PER_ROW) * (PERSON_SIZE.width + GAP),
        y: y + Math.floor(i / PER_ROW) * (SERVICE_SIZE.height + GAP),
      };
    });
    y += Math.ceil(services.length / PER_ROW) * (SERVICE_SIZE.height + GAP);
    rowHeight = Math.max(rowHeight, y - rowTop);
  });
  return out;
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
