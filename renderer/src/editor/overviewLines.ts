import type { Edge } from '@xyflow/react';
import type { Team } from '../../../simulation/scenario/schema';
import type { EditorNode } from './nodes/nodeData';

export type InteractionMode = Team['interactions'][number]['mode'];

/** A straight line of the overview: the edge it stands for, its kind and its SVG path in diagram coordinates. */
export interface OverviewLine {
  id: string;
  kind: 'owner' | 'knows' | InteractionMode;
  d: string;
}

type Box = { x: number; y: number; width: number; height: number };

const box = (n: EditorNode): Box => ({ x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 });
const round = (v: number) => Math.round(v * 10) / 10;
const segment = (x1: number, y1: number, x2: number, y2: number) => `M${round(x1)} ${round(y1)}L${round(x2)} ${round(y2)}`;

/**
 * The overview's lines, from the canvas's nodes (where they are now, a drag
 * included) and its edges, in the edges' order: every ownership line,
 * knowledge lines only where one end is selected, and team interactions. A
 * person's line leaves from the middle of its bottom
 * side and reaches a service at the middle of its top side, and a team's
 * interaction goes from its right side to the other's left side, where the
 * full canvas attaches them. Edges with an end that is not among `nodes` are
 * left out.
 */
export function overviewLines(nodes: readonly EditorNode[], edges: readonly Edge[], selection: readonly string[]): OverviewLine[] {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const selected = new Set(selection);
  const out: OverviewLine[] = [];
  for (const e of edges) {
    const from = at.get(e.source);
    const to = at.get(e.target);
    if (!from || !to) continue;
    const a = box(from);
    const b = box(to);
    const data = e.data as { owner?: boolean; mode?: InteractionMode } | undefined;
    if (data?.mode) {
      out.push({ id: e.id, kind: data.mode, d: segment(a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2) });
      continue;
    }
    const owner = data?.owner === true;
    if (!owner && !selected.has(e.source) && !selected.has(e.target)) continue;
    out.push({ id: e.id, kind: owner ? 'owner' : 'knows', d: segment(a.x + a.width / 2, a.y + a.height, b.x + b.width / 2, b.y) });
  }
  return out;
}
