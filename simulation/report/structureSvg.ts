/**
 * The team as drawn, as an SVG picture for reports: teams in their Team
 * Topologies colours, people and services where the editor placed them
 * (`layout.positions`; the editor's automatic layout for any not placed),
 * owners joined to their services by solid lines and other people who know
 * a service well by dashed ones.
 */
import { autoLayout, PERSON_SIZE, personKey, SERVICE_SIZE, serviceKey, teamBox } from '../scenario/layout';
import type { Scenario, Team } from '../scenario/schema';
import { attrs, esc, INK, MUTED, r } from './svg';
import { levelOf } from '../scenario/idMap';

/** Team Topologies fills (design notes); borders are the fill darkened. */
export const TEAM_COLORS: Record<Team['type'], { fill: string; border: string }> = {
  'stream-aligned': { fill: '#FFEDB8', border: '#C9A94A' },
  platform: { fill: '#B7CDF1', border: '#5E82BD' },
  enabling: { fill: '#DFBDCF', border: '#A4718C' },
  'complicated-subsystem': { fill: '#FFC08B', border: '#C97A36' },
};
export const TEAM_TYPE_LABEL: Record<Team['type'], string> = { 'stream-aligned': 'stream-aligned', platform: 'platform', enabling: 'enabling', 'complicated-subsystem': 'complicated subsystem' };

/** Knowledge from which a non-owner is drawn as knowing a service. */
export const KNOWS_LEVEL = 0.5;

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function structureSvg(scenario: Scenario): string {
  const auto = autoLayout(scenario);
  const pos = (key: string) => scenario.layout.positions[key] ?? auto[key] ?? { x: 0, y: 0 };
  const positions: Record<string, { x: number; y: number }> = {};
  for (const p of scenario.people) positions[personKey(p.id)] = pos(personKey(p.id));
  for (const s of scenario.services) positions[serviceKey(s.id)] = pos(serviceKey(s.id));

  const boxes = scenario.teams.flatMap((t) => {
    const members = [...scenario.people.filter((p) => p.team === t.id).map((p) => personKey(p.id)), ...scenario.services.filter((s) => s.team === t.id).map((s) => serviceKey(s.id))];
    const box = teamBox(positions, members);
    return box ? [{ team: t, box }] : [];
  });

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const [key, p] of Object.entries(positions)) grow(p.x, p.y, key.startsWith('person:') ? PERSON_SIZE.width : SERVICE_SIZE.width, key.startsWith('person:') ? PERSON_SIZE.height : SERVICE_SIZE.height);
  for (const { box } of boxes) grow(box.x, box.y, box.width, box.height);
  if (minX === Infinity) return '<p class="muted">The scenario has no people or services to draw.</p>';
  const pad = 16;
  const vb = { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };

  const teams = boxes.map(({ team, box }) => {
    const c = TEAM_COLORS[team.type];
    const rx = team.type === 'platform' ? 2 : 18;
    return `<g class="team"><rect${attrs({ x: box.x, y: box.y, width: box.width, height: box.height, rx, fill: c.fill, stroke: c.border, 'stroke-width': 2 })}/><text${attrs({ x: box.x + 14, y: box.y + 24 })} font-size="16" font-weight="700" fill="${INK}">${esc(clip(team.name, 40))}</text><text${attrs({ x: box.x + box.width - 14, y: box.y + 24 })} font-size="12" text-anchor="end" fill="${MUTED}">${esc(TEAM_TYPE_LABEL[team.type])}</text></g>`;
  });

  const names = new Map(scenario.skills.map((s) => [s.id, s.name]));
  const edges: string[] = [];
  for (const s of scenario.services) {
    const sp = positions[serviceKey(s.id)]!;
    const to = { x: sp.x + SERVICE_SIZE.width / 2, y: sp.y };
    for (const p of scenario.people) {
      const owner = s.owners.includes(p.id);
      const knows = (levelOf(s.knowledge, p.id) ?? 0) >= KNOWS_LEVEL;
      if (!owner && !knows) continue;
      const pp = positions[personKey(p.id)]!;
      const from = { x: pp.x + PERSON_SIZE.width / 2, y: pp.y + PERSON_SIZE.height };
      const mid = (from.y + to.y) / 2;
      const d = `M${r(from.x)},${r(from.y)} C${r(from.x)},${r(mid)} ${r(to.x)},${r(mid)} ${r(to.x)},${r(to.y)}`;
      edges.push(owner ? `<path d="${d}" fill="none" stroke="#0072B2" stroke-width="2.4" stroke-opacity="0.85"/>` : `<path d="${d}" fill="none" stroke="#009E73" stroke-width="1.6" stroke-dasharray="6 4" stroke-opacity="0.8"/>`);
    }
  }

  const people = scenario.people.map((p) => {
    const at = positions[personKey(p.id)]!;
    const skills = Object.entries(p.skills)
      .filter(([, level]) => level > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id, level]) => `${names.get(id) ?? id} ${Math.round(level * 100)}`)
      .join(' · ');
    return `<g class="person"><rect${attrs({ x: at.x, y: at.y, width: PERSON_SIZE.width, height: PERSON_SIZE.height, rx: 10, fill: '#ffffff', stroke: '#8c959f', 'stroke-width': 1.2 })}/><text${attrs({ x: at.x + 12, y: at.y + 24 })} font-size="15" font-weight="600" fill="${INK}">${esc(clip(p.name, 22))}</text><text${attrs({ x: at.x + 12, y: at.y + 45 })} font-size="11" fill="${MUTED}">${esc(clip(skills || 'no skills', 34))}</text></g>`;
  });
  const services = scenario.services.map((s) => {
    const at = positions[serviceKey(s.id)]!;
    const monitored = `${s.criticality} criticality`;
    return `<g class="service"><rect${attrs({ x: at.x, y: at.y, width: SERVICE_SIZE.width, height: SERVICE_SIZE.height, rx: 4, fill: '#f6f8fa', stroke: INK, 'stroke-width': 1.6 })}/><text${attrs({ x: at.x + 12, y: at.y + 25 })} font-size="15" font-weight="600" fill="${INK}">⚙ ${esc(clip(s.name, 20))}</text><text${attrs({ x: at.x + 12, y: at.y + 47 })} font-size="11" fill="${MUTED}">${esc(monitored)}</text></g>`;
  });

  const label = `The team as drawn: ${scenario.teams.length} teams, ${scenario.people.length} people, ${scenario.services.length} services`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="structure" viewBox="${r(vb.x)} ${r(vb.y)} ${r(vb.w)} ${r(vb.h)}" role="img" aria-label="${esc(label)}" font-family="Inter, 'Segoe UI', Helvetica, Arial, sans-serif" data-testid="report-structure">`,
    `<title>${esc(label)}</title>`,
    `<rect${attrs({ x: vb.x, y: vb.y, width: vb.w, height: vb.h, fill: '#ffffff' })}/>`,
    ...teams,
    ...edges,
    ...people,
    ...services,
    '</svg>',
  ].join('');
}
