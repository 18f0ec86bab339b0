import { EMPTY_TEAM_SIZE, PERSON_SIZE, SERVICE_SIZE, teamBox } from './layout';

/**
 * Where new and dropped nodes go on the canvas: free space near a point,
 * without covering another card and without making two team boxes overlap.
 * Pure geometry on the positions as drawn (top-left corners).
 */
export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  width: number;
  height: number;
}

/** Space kept between a new card and its neighbours, and between team boxes. */
export const PLACEMENT_GAP = 20;

/** The size a node of this key is drawn at. */
export const sizeOf = (key: string) => (key.startsWith('service:') ? SERVICE_SIZE : key.startsWith('team:') ? EMPTY_TEAM_SIZE : PERSON_SIZE);

/** The rectangle a node covers. */
export const rectOf = (key: string, at: Point): Rect => ({ ...at, ...sizeOf(key) });

/** True when the two rectangles, each grown by `margin` on every side, share area. */
export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return a.x - margin < b.x + b.width + margin && b.x - margin < a.x + a.width + margin && a.y - margin < b.y + b.height + margin && b.y - margin < a.y + a.height + margin;
}

/** True when the point lies inside the rectangle. */
export const contains = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The centre of a node drawn at `at`. */
export const centreOf = (key: string, at: Point): Point => ({ x: at.x + sizeOf(key).width / 2, y: at.y + sizeOf(key).height / 2 });

/** Teams and the keys of their members: what the placement needs of the model. */
export type Membership = Record<string, readonly string[]>;

/** Each team's box around its members drawn at `positions` (teams without drawn members have none). */
export function teamBoxes(positions: Record<string, Point>, members: Membership): Record<string, Rect> {
  const out: Record<string, Rect> = {};
  for (const [team, keys] of Object.entries(members)) {
    const box = teamBox(positions, keys);
    if (box) out[team] = box;
  }
  return out;
}

/** Half a person card: the grid a free spot is searched on. */
const STEP = { x: (PERSON_SIZE.width + PLACEMENT_GAP) / 2, y: (PERSON_SIZE.height + PLACEMENT_GAP) / 2 };
/** How many steps out from the point the search goes (beyond that, the first spot past every card). */
const RINGS = 40;
const OFFSETS: Point[] = (() => {
  const out: Point[] = [];
  for (let i = -RINGS; i <= RINGS; i++) for (let j = -RINGS; j <= RINGS; j++) out.push({ x: i * STEP.x, y: j * STEP.y });
  // Nearest first; ties: above before below, left before right, so the search is deterministic.
  return out.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || a.y - b.y || a.x - b.x);
})();

export interface PlaceRequest {
  /** The node being placed (`person:<id>`, `service:<id>`, or `team:<id>` for a team with nobody in it yet). */
  key: string;
  /** Its team, or null. */
  team: string | null;
  /** Where it should go (its centre should be near this). */
  near: Point;
  /** Every other node as drawn (the node itself is ignored if present). */
  positions: Record<string, Point>;
  /** Every team's members (keys), the placed node excluded or included: it is handled either way. */
  members: Membership;
  /** Empty teams' boxes as drawn (teams with members get theirs from the members). */
  emptyTeams?: Record<string, Rect>;
}

/**
 * The top-left corner nearest to `near` (centre to centre) where the node
 * covers no other card (with a gap), and where, with it, its team's box
 * overlaps no other team's box; a node without a team also stays out of
 * every team's box. The same input always gives the same spot.
 */
export function freeSpot({ key, team, near, positions, members, emptyTeams = {} }: PlaceRequest): Point {
  const size = sizeOf(key);
  const others = Object.entries(positions)
    .filter(([k]) => k !== key && (k.startsWith('person:') || k.startsWith('service:')))
    .map(([k, p]) => rectOf(k, p));
  const withoutMe: Membership = Object.fromEntries(Object.entries(members).map(([t, keys]) => [t, keys.filter((k) => k !== key)]));
  const boxes = { ...emptyTeams, ...teamBoxes(positions, withoutMe) };
  const otherBoxes = Object.entries(boxes)
    .filter(([t]) => t !== team)
    .map(([, b]) => b);
  const ownKeys = team === null ? [] : (withoutMe[team] ?? []);
  const origin = { x: near.x - size.width / 2, y: near.y - size.height / 2 };
  const fits = (at: Point) => {
    const rect = { ...at, ...size };
    if (others.some((o) => overlaps(rect, o, PLACEMENT_GAP / 2))) return false;
    if (team === null) return !otherBoxes.some((b) => overlaps(rect, b, PLACEMENT_GAP / 2));
    const box = teamBox({ ...positions, [key]: at }, [...ownKeys, key])!;
    return !otherBoxes.some((b) => overlaps(box, b, PLACEMENT_GAP / 2));
  };
  for (const d of OFFSETS) {
    const at = { x: Math.round(origin.x + d.x), y: Math.round(origin.y + d.y) };
    if (fits(at)) return at;
  }
  // Everything near is taken: below everything drawn.
  const bottom = Math.max(0, ...others.map((o) => o.y + o.height), ...Object.values(boxes).map((b) => b.y + b.height));
  return { x: Math.round(origin.x), y: Math.round(bottom + 3 * PLACEMENT_GAP) };
}

/**
 * The smallest move (nearest first, on a grid) that keeps the team's box,
 * drawn around `keys` at `positions`, clear of every box in `others`; zero
 * when it already is.
 */
export function clearOffset(positions: Record<string, Point>, keys: readonly string[], others: readonly Rect[]): Point {
  for (const d of OFFSETS) {
    const moved = Object.fromEntries(keys.filter((k) => positions[k]).map((k) => [k, { x: positions[k]!.x + d.x, y: positions[k]!.y + d.y }]));
    const box = teamBox(moved, keys);
    if (!box || !others.some((b) => overlaps(box, b, PLACEMENT_GAP / 2))) return { x: Math.round(d.x), y: Math.round(d.y) };
  }
  return { x: 0, y: 0 };
}

export interface DropRequest {
  /** Where the dragged people and services were let go (top-left corners). */
  moves: readonly { key: string; x: number; y: number }[];
  /** Every node where it was before the drag. */
  positions: Record<string, Point>;
  /** Each node's team before the drag (null: none). */
  teamOf: Record<string, string | null>;
  /** Empty teams' boxes as drawn. */
  emptyTeams?: Record<string, Rect>;
  /** The team whose box was dragged (all its members move together), if that is what was dragged. */
  team?: string | null;
}

export interface DropResult {
  moves: { key: string; x: number; y: number }[];
  /** Nodes let go inside another team's box, and that team. */
  joins: { key: string; team: string }[];
}

/**
 * What a drop does: a person or service let go with its centre inside
 * another team's box joins that team; a team box that would then overlap
 * another one is moved clear of it (a dragged team as a whole, a dragged
 * card to the nearest free spot), so team boxes never overlap. Nodes that
 * were not dragged never move.
 */
export function resolveDrop({ moves, positions, teamOf, emptyTeams = {}, team }: DropRequest): DropResult {
  const dragged = new Set(moves.map((m) => m.key));
  const membersOf = (teams: Record<string, string | null>): Membership => {
    const out: Record<string, string[]> = {};
    for (const [k, t] of Object.entries(teams)) if (t !== null) (out[t] ??= []).push(k);
    return out;
  };
  if (team) {
    const keys = moves.map((m) => m.key);
    const at = Object.fromEntries(moves.map((m) => [m.key, { x: m.x, y: m.y }]));
    const still = Object.fromEntries(Object.entries(positions).filter(([k]) => !dragged.has(k)));
    const others = { ...emptyTeams, ...teamBoxes(still, membersOf(teamOf)) };
    delete others[team];
    const d = clearOffset(at, keys, Object.values(others));
    return { moves: moves.map((m) => ({ key: m.key, x: m.x + d.x, y: m.y + d.y })), joins: [] };
  }
  // Boxes as they were, without the cards being dragged: the targets a card can be dropped into.
  const still = Object.fromEntries(Object.entries(positions).filter(([k]) => !dragged.has(k)));
  const targets = { ...emptyTeams, ...teamBoxes(still, membersOf(teamOf)) };
  const teams = { ...teamOf };
  const joins: DropResult['joins'] = [];
  for (const m of moves) {
    const centre = centreOf(m.key, m);
    const into = Object.entries(targets).find(([t, box]) => t !== teams[m.key] && contains(box, centre));
    if (into) {
      teams[m.key] = into[0];
      joins.push({ key: m.key, team: into[0] });
    }
  }
  const now = { ...positions, ...Object.fromEntries(moves.map((m) => [m.key, { x: m.x, y: m.y }])) };
  const out: DropResult['moves'] = [];
  for (const m of moves) {
    const own = teams[m.key] ?? null;
    const members = membersOf(teams);
    const boxes = { ...emptyTeams, ...teamBoxes(now, members) };
    const mine = own === null ? { ...m, ...sizeOf(m.key) } : boxes[own];
    const clash = Object.entries(boxes).some(([t, b]) => t !== own && mine && overlaps(mine, b, own === null ? 0 : PLACEMENT_GAP / 2));
    if (clash) {
      const spot = freeSpot({ key: m.key, team: own, near: centreOf(m.key, m), positions: now, members, emptyTeams });
      now[m.key] = spot;
    }
    out.push({ key: m.key, ...now[m.key]! });
  }
  return { moves: out, joins };
}
