import type { Edge } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { centreOf, freeSpot, type Point } from '../../../simulation/scenario/placement';
import { canvasView } from './canvasView';
import { analyseModel } from '../../../simulation/analysis/modelAnalysis';
import { distributionMean } from '../../../simulation/random/distribution';
import type { EditableParts } from '../document/editableParts';
import { autoLayout, PERSON_SIZE, personKey, SERVICE_SIZE, serviceKey, teamBox, teamKey } from '../../../simulation/scenario/layout';
import { emptyTeamBox } from './placeNode';
import type { EditorNode } from './nodes/nodeData';
import { levelOf } from '../../../simulation/scenario/idMap';

/** Detection slower than this (mean hours) counts as "no monitoring". */
const UNMONITORED_HOURS = 24;

export interface GraphInput {
  model: EditableParts;
  positions: Record<string, { x: number; y: number }>;
  /** Positions while a drag is in progress (not yet in the document). */
  preview: Record<string, { x: number; y: number }>;
  selection: readonly string[];
}

const initials = (name: string) =>
  name
    .replace(/\(.*\)/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/**
 * The canvas's nodes and edges from the model: people and services where they
 * were drawn (or where the automatic layout puts new ones), teams as boxes
 * around their members, knowledge and ownership as edges whose weight is the
 * knowledge level, and team interactions in their conventional line styles.
 */
export function useCanvasGraph({ model, positions, preview, selection }: GraphInput): { nodes: EditorNode[]; edges: Edge[]; placed: Record<string, { x: number; y: number }> } {
  const analysis = useMemo(() => analyseModel(model), [model]);
  // Nodes without a stored position (files from before positions were stored) are laid out once and
  // then stay where they were first drawn, whatever else changes.
  const [laidOut] = useState(() => new Map<string, Point>());
  const fallback = useMemo(() => {
    const keys = [...model.people.map((p) => personKey(p.id)), ...model.services.map((s) => serviceKey(s.id))];
    const missing = keys.filter((k) => !positions[k] && !laidOut.has(k));
    if (missing.length) {
      const auto = autoLayout(model);
      const drawn: Record<string, Point> = {};
      for (const k of keys) if (positions[k] ?? laidOut.get(k)) drawn[k] = (positions[k] ?? laidOut.get(k))!;
      const fresh = Object.keys(drawn).length === 0;
      for (const k of missing) {
        const at = fresh ? auto[k]! : freeSpot({ key: k, team: null, near: centreOf(k, auto[k]!), positions: drawn, members: {} });
        laidOut.set(k, at);
        drawn[k] = at;
      }
    }
    return Object.fromEntries(laidOut) as Record<string, Point>;
  }, [model, positions, laidOut]);
  useEffect(() => canvasView.setDrawn(fallback), [fallback]);

  const placed = useMemo(() => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const p of model.people) out[personKey(p.id)] = preview[personKey(p.id)] ?? positions[personKey(p.id)] ?? fallback[personKey(p.id)] ?? { x: 0, y: 0 };
    for (const s of model.services) out[serviceKey(s.id)] = preview[serviceKey(s.id)] ?? positions[serviceKey(s.id)] ?? fallback[serviceKey(s.id)] ?? { x: 0, y: 0 };
    return out;
  }, [model, positions, preview, fallback]);

  // What each node shows depends on the model only; where it is drawn changes on every frame of a drag.
  // Building the data once per model change keeps the data objects the same while dragging.
  const shown = useMemo(() => {
    const skillName = new Map(model.skills.map((k) => [k.id, k.name]));
    const sole = new Map<string, string[]>();
    for (const h of analysis.soleSkillHolders) sole.set(h.personId, [...(sole.get(h.personId) ?? []), h.skill]);
    const risk = new Map(analysis.services.map((s) => [s.serviceId, s.busFactor]));
    const teams = model.teams.map((t) => {
      const memberKeys = [...model.people.filter((p) => p.team === t.id).map((p) => personKey(p.id)), ...model.services.filter((s) => s.team === t.id).map((s) => serviceKey(s.id))];
      return { key: teamKey(t.id), memberKeys, data: { id: t.id, name: t.name, type: t.type, members: memberKeys.length } };
    });
    const people = model.people.map((p) => {
      const skills = Object.entries(p.skills)
        .filter(([, level]) => level > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id, level]) => [skillName.get(id) ?? id, level] as [string, number]);
      const label = `Person: ${p.name}${skills.length ? `; ${skills.map(([k, level]) => `${k} ${Math.round(level * 100)}%`).join(', ')}` : '; no skills'}`;
      return { key: personKey(p.id), label, data: { id: p.id, name: p.name, initials: initials(p.name), skills, soleHolder: sole.get(p.id) ?? [] } };
    });
    const services = model.services.map((s) => {
      const busFactor = risk.get(s.id) ?? 0;
      const label = `Service: ${s.name}; ${busFactor === 0 ? 'nobody can restore it quickly' : busFactor === 1 ? 'only one person can restore it' : `${busFactor} people can restore it`}`;
      return { key: serviceKey(s.id), label, data: { id: s.id, name: s.name, busFactor, owners: s.owners, monitored: distributionMean(s.detection) <= UNMONITORED_HOURS, stages: s.work.stages.length } };
    });
    return { teams, people, services };
  }, [model, analysis]);

  // Every node states its size as `measured` too: given a node object without it, React Flow
  // forgets where the node's handles are and measures the node again: a forced layout and one
  // more store update on every frame of a drag, and every node measured again after a drop.
  const nodes = useMemo(() => {
    const selected = new Set(selection);
    const out: EditorNode[] = [];
    shown.teams.forEach((t, i) => {
      const box = teamBox(placed, t.memberKeys) ?? emptyTeamBox({ ...positions, ...preview }, t.data.id, i);
      const size = { width: box.width, height: box.height };
      out.push({ id: t.key, type: 'team', position: { x: box.x, y: box.y }, ...size, measured: size, zIndex: -1, selected: selected.has(t.key), ariaLabel: `Team: ${t.data.name}`, data: t.data });
    });
    for (const p of shown.people) out.push({ id: p.key, type: 'person', position: placed[p.key]!, ...PERSON_SIZE, measured: PERSON_SIZE, selected: selected.has(p.key), ariaLabel: p.label, data: p.data });
    for (const s of shown.services) out.push({ id: s.key, type: 'service', position: placed[s.key]!, ...SERVICE_SIZE, measured: SERVICE_SIZE, selected: selected.has(s.key), ariaLabel: s.label, data: s.data });
    return out;
  }, [shown, placed, positions, preview, selection]);

  const edges = useMemo(() => {
    const out: Edge[] = [];
    const people = new Map(model.people.map((p) => [p.id, p.name]));
    for (const s of model.services) {
      const ids = new Set([...Object.keys(s.knowledge), ...s.owners]);
      for (const pid of ids) {
        if (!people.has(pid)) continue;
        const level = levelOf(s.knowledge, pid) ?? 0;
        const owner = s.owners.includes(pid);
        out.push({
          id: `k:${pid}:${s.id}`,
          source: personKey(pid),
          target: serviceKey(s.id),
          className: owner ? 'edge-owner' : 'edge-knows',
          // On a bare stroke stroke-opacity looks like opacity, but opacity makes each edge a group of
          // its own that the browser sorts through again on every frame that changes.
          style: { strokeWidth: 1 + 4 * level, strokeOpacity: 0.35 + 0.65 * level },
          data: { personId: pid, serviceId: s.id, level, owner },
          ariaLabel: `${people.get(pid)} ${owner ? 'owns' : 'knows'} ${s.name} (knowledge ${Math.round(level * 100)}%)`,
        });
      }
    }
    const teamNames = new Map(model.teams.map((t) => [t.id, t.name]));
    const modes = { collaboration: 'collaboration', 'x-as-a-service': 'X-as-a-service', facilitating: 'facilitating' } as const;
    for (const t of model.teams) {
      for (const x of t.interactions) {
        if (!teamNames.has(x.team)) continue;
        out.push({
          id: `i:${t.id}:${x.team}`,
          type: 'straight',
          source: teamKey(t.id),
          target: teamKey(x.team),
          className: `edge-interaction edge-${x.mode}`,
          selectable: false,
          label: modes[x.mode],
          ariaLabel: `${t.name} and ${teamNames.get(x.team)}: ${modes[x.mode]}`,
          data: { mode: x.mode },
        });
      }
    }
    return out;
  }, [model]);

  return { nodes, edges, placed };
}
