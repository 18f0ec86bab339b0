import { useMemo, useState } from 'react';
import type { EditorNode } from './nodes/nodeData';

const signature = (n: EditorNode) => `${n.position.x},${n.position.y},${n.selected ? 1 : 0},${n.width ?? ''},${n.height ?? ''},${JSON.stringify(n.data)}`;

/**
 * Gives back the previous object for every node that has not changed, so that
 * while one node is dragged React Flow re-renders that node alone, not all of
 * them (what keeps a 300-person canvas smooth).
 */
export function useStableNodes(nodes: EditorNode[]): EditorNode[] {
  // Lives as long as the canvas; only this hook reads and changes it.
  const [cache] = useState(() => new Map<string, { sig: string; node: EditorNode }>());
  return useMemo(() => {
    const seen = new Set<string>();
    const out = nodes.map((n) => {
      const sig = signature(n);
      const hit = cache.get(n.id);
      seen.add(n.id);
      if (hit && hit.sig === sig) return hit.node;
      cache.set(n.id, { sig, node: n });
      return n;
    });
    for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
    return out;
  }, [nodes, cache]);
}
