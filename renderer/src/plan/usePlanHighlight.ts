import { useEffect } from 'react';
import type { PlanMove } from '../../../simulation/plan/diff';

const BADGE: Partial<Record<PlanMove['kind'], string>> = {
  'person-team': 'moves',
  'person-added': 'new',
  'service-team': 'new team',
  'service-owner': 'new owner',
  'service-added': 'new',
  'team-type': 'new type',
  'team-added': 'new',
  'knowledge-lost': 'knowledge leaves',
  'knowledge-to-build': 'to learn',
};

/**
 * Marks the plan's moves on the canvas while the panel is open: the nodes
 * and knowledge/ownership lines they touch get an outline and a badge. The
 * canvas's own components are not involved: a constructable style sheet
 * (allowed by the page's Content-Security-Policy, unlike a <style> element)
 * targets React Flow's `data-id` attributes, and is removed on close.
 */
export function usePlanHighlight(moves: readonly PlanMove[] | null): void {
  useEffect(() => {
    if (!moves || moves.length === 0) return;
    const sheet = new CSSStyleSheet();
    const nodes = new Map<string, string>();
    const edges = new Set<string>();
    for (const m of moves) {
      for (const n of m.nodes) if (!nodes.has(n) || (BADGE[m.kind] && !nodes.get(n))) nodes.set(n, BADGE[m.kind] ?? '');
      for (const e of m.edges) edges.add(e);
    }
    const q = (s: string) => CSS.escape(s);
    for (const [id, badge] of nodes) {
      sheet.insertRule(`.react-flow__node[data-id="${q(id)}"] { outline: 3px solid var(--plan-mark); outline-offset: 3px; border-radius: 10px; }`);
      if (badge) sheet.insertRule(`.react-flow__node[data-id="${q(id)}"]::after { content: "${badge}"; }`);
    }
    for (const id of edges) {
      sheet.insertRule(`.react-flow__edge[data-id="${q(id)}"] path.react-flow__edge-path { stroke: var(--plan-mark) !important; stroke-opacity: 1 !important; stroke-dasharray: 7 4; }`);
      sheet.insertRule(`.overview-line[data-id="${q(id)}"] { stroke: var(--plan-mark) !important; }`);
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [moves]);
}
