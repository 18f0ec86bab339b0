import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { analyseModel } from '../../../simulation/analysis/modelAnalysis';
import { distributionMean } from '../../../simulation/random/distribution';
import type { EditableParts } from '../document/editableParts';
import { autoLayout, PERSON_SIZE, personKey, SERVICE_SIZE, serviceKey, teamBox, teamKey } from '../../../simulation/scenario/layout';
import type { EditorNode } from './nodes/nodeData';
import { levelOf } from '../../../simulation/scenario/idMap';

/** Detection slower than this (mean hours) counts as "no monitoring". */
const UNMONITORED_HOURS = 24;
const EMPTY_TEAM = { width: 280, height: 150 };

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
  const fallback = useMemo(() => autoLayout(model), [model]);

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
      return { key: personKey(p.id), data: { id: p.id, name: p.name, initials: initials(p.name), skills, soleHolder: sole.get(p.id) ?? [] } };
    });
    const services = model.services.map((s) => ({
      key: serviceKey(s.id),
      data: { id: s.id, name: s.name, busFactor: risk.get(s.id) ?? 0, owners: s.owners, monitored: distributionMean(s.detection) <= UNMONITORED_HOURS, stages: s.work.stages.length },
    }));
    return { teams, people, services };
  }, [model, analysis]);

  // Every node states its size as `measured` too: given a node object without it, React Flow
  // forgets where the node's handles are and measures the node again: a forced layout and one
  // more store update on every frame of a drag, and every node measured again after a drop.
  const nodes = useMemo(() => {
    const selected = new Set(selection);
    const out: EditorNode[] = [];
    shown.teams.forEach((t, i) => {
      const box = teamBox(placed, t.memberKeys) ?? { ...(positions[t.key] ?? { x: i * 340, y: -220 }), ...EMPTY_TEAM };
      const size = { width: box.width, height: box.height };
      out.push({ id: t.key, type: 'team', position: { x: box.x, y: box.y }, ...size, measured: size, zIndex: -1, selected: selected.has(t.key), data: t.data });
    });
    for (const p of shown.people) out.push({ id: p.key, type: 'person', position: placed[p.key]!, ...PERSON_SIZE, measured: PERSON_SIZE, selected: selected.has(p.key), data: p.data });
    for (const s of shown.services) out.push({ id: s.key, type: 'service', position: placed[s.key]!, ...SERVICE_SIZE, measured: SERVICE_SIZE, selected: selected.has(s.key), data: s.data });
    return out;
  }, [shown, placed, positions, selection]);

  const edges = useMemo(() => {
    const out: Edge[] = [];
    const people = new Set(model.people.map((p) => p.id));
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
          ariaLabel: `${pid} ${owner ? 'owns' : 'knows'} ${s.id} (${Math.round(level * 100)}%)`,
        });
      }
    }
    const teamIds = new Set(model.teams.map((t) => t.id));
    for (const t of model.teams) {
      for (const x of t.interactions) {
        if (!teamIds.has(x.team)) continue;
        out.push({ id: `i:${t.id}:${x.team}`, type: 'straight', source: teamKey(t.id), target: teamKey(x.team), className: `edge-interaction edge-${x.mode}`, selectable: false, label: x.mode, data: { mode: x.mode } });
      }
    }
    return out;
  }, [model]);

  return { nodes, edges, placed };
}
