import type { Edge } from '@xyflow/react';

/**
 * Below this zoom the canvas draws its overview. At 0.4 a name is about 5 px
 * high and a skill chip 4 px: nobody reads them, and drawing them (with the
 * clips, shadows and hit areas they bring) is most of what a frame costs on
 * a large organisation.
 */
export const OVERVIEW_BELOW_ZOOM = 0.4;

/**
 * What the canvas draws: `full` (names, skills, bus-factor badges, curved
 * knowledge lines) or `overview` (nodes as plain shapes in their colours,
 * risks as colour, ownership as straight lines, knowledge lines only for the
 * selection).
 */
export type Detail = 'full' | 'overview';

/** The detail for a zoom (React Flow's scale, 1 = 100%); exactly the threshold is `full`. */
export function detailAt(zoom: number): Detail {
  return zoom < OVERVIEW_BELOW_ZOOM ? 'overview' : 'full';
}

/** A line this wide in the diagram is a visible 1.2 px at zoom 0.2 and 2.4 px at 0.4. */
const OVERVIEW_STROKE = 6;

/**
 * The overview's edges from the full ones: ownership lines and team
 * interactions stay; a knowledge line stays only if one of its ends is in
 * the selection. Kept lines are straight, of one width, and take no pointer
 * events (`interactionWidth: 0` drops their invisible hit path). Returns new
 * edge objects and leaves `edges` as it was.
 */
export function overviewEdges(edges: readonly Edge[], selection: readonly string[]): Edge[] {
  const selected = new Set(selection);
  const out: Edge[] = [];
  for (const e of edges) {
    // Knowledge edges carry { owner } in their data; team interactions carry no data.
    const knowledge = e.data !== undefined && 'owner' in e.data;
    if (knowledge && e.data!.owner !== true && !selected.has(e.source) && !selected.has(e.target)) continue;
    out.push(knowledge ? { ...e, type: 'straight', interactionWidth: 0, style: { ...e.style, strokeWidth: OVERVIEW_STROKE } } : { ...e, interactionWidth: 0 });
  }
  return out;
}
