import type { EditableParts } from '../document/editableParts';
import { EMPTY_TEAM_SIZE, personKey, serviceKey, teamBox, teamKey } from '../../../simulation/scenario/layout';
import { contains, freeSpot, type Membership, type Point, type Rect } from '../../../simulation/scenario/placement';

/** Where the model's nodes are drawn: stored positions over the canvas's own for nodes without one. */
export function drawnPositions(model: EditableParts, stored: Record<string, Point>, drawn: Record<string, Point>): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const key of [...model.people.map((p) => personKey(p.id)), ...model.services.map((s) => serviceKey(s.id))]) {
    const at = stored[key] ?? drawn[key];
    if (at) out[key] = at;
  }
  return out;
}

/** Each team's members, by node key. */
export function membership(model: EditableParts): Membership {
  const out: Record<string, string[]> = Object.fromEntries(model.teams.map((t) => [t.id, []]));
  for (const p of model.people) if (p.team !== null) out[p.team]?.push(personKey(p.id));
  for (const s of model.services) if (s.team !== null) out[s.team]?.push(serviceKey(s.id));
  return out;
}

/** Where a team with nobody in it is drawn (its stored corner, else a row above the drawing), as the canvas draws it. */
export function emptyTeamBox(stored: Record<string, Point>, id: string, index: number): Rect {
  return { ...(stored[teamKey(id)] ?? { x: index * 340, y: -220 }), ...EMPTY_TEAM_SIZE };
}

/** The boxes of the teams nobody is in yet. */
export function emptyTeamBoxes(model: EditableParts, stored: Record<string, Point>): Record<string, Rect> {
  const members = membership(model);
  const out: Record<string, Rect> = {};
  model.teams.forEach((t, i) => {
    if ((members[t.id] ?? []).length === 0) out[t.id] = emptyTeamBox(stored, t.id, i);
  });
  return out;
}

/** The team a new card joins: the selection's, else the team whose box is at the point, else the first team (none without teams). */
export function teamForNew(model: EditableParts, positions: Record<string, Point>, stored: Record<string, Point>, near: Point | null, selection: readonly string[]): string | null {
  const teamOf = new Map<string, string | null>([...model.people.map((p) => [personKey(p.id), p.team] as const), ...model.services.map((s) => [serviceKey(s.id), s.team] as const)]);
  for (const key of selection) {
    if (key.startsWith('team:') && model.teams.some((t) => teamKey(t.id) === key)) return key.slice(5);
    const t = teamOf.get(key);
    if (t) return t;
  }
  if (near) {
    const members = membership(model);
    const empty = emptyTeamBoxes(model, stored);
    for (const t of model.teams) {
      const box = teamBox(positions, members[t.id] ?? []) ?? empty[t.id];
      if (box && contains(box, near)) return t.id;
    }
  }
  return model.teams[0]?.id ?? null;
}

/**
 * Where a new card goes: free space nearest the point asked for (the centre
 * of the view), pulled into its team's box when it has one, so it lands in
 * its team without covering anyone or pushing the box over another team's.
 */
export function spotForNew(key: string, team: string | null, model: EditableParts, positions: Record<string, Point>, stored: Record<string, Point>, near: Point | null): Point {
  const members = membership(model);
  const empty = emptyTeamBoxes(model, stored);
  const box = team === null ? null : (teamBox(positions, members[team] ?? []) ?? empty[team] ?? null);
  let target = near ?? (box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: 0, y: 0 });
  if (box && !contains(box, target)) target = { x: Math.min(Math.max(target.x, box.x), box.x + box.width), y: Math.min(Math.max(target.y, box.y), box.y + box.height) };
  return freeSpot({ key, team, near: target, positions, members, emptyTeams: empty });
}
