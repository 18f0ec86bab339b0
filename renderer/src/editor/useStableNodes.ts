import { useMemo, useState } from 'react';
import type { EditorNode } from './nodes/nodeData';

/** Same node as before: same place, size, selection and the very same data object (data is rebuilt only when the model changes). */
const same = (a: EditorNode, b: EditorNode) =>
  a.data === b.data && a.position.x === b.position.x && a.position.y === b.position.y && a.selected === b.selected && a.width === b.width && a.height === b.height;

/**
 * Gives back the previous object for every node that has not changed, so that
 * while one node is dragged React Flow re-renders that node alone, not all of
 * them (what keeps a 300-person canvas smooth).
 */
export function useStableNodes(nodes: EditorNode[]): EditorNode[] {
  // Lives as long as the canvas; only this hook reads and changes it.
  const [cache] = useState(() => new Map<string, EditorNode>());
  return useMemo(() => {
    const seen = new Set<string>();
    const out = nodes.map((n) => {
      const hit = cache.get(n.id);
      seen.add(n.id);
      if (hit && same(hit, n)) return hit;
      cache.set(n.id, n);
      return n;
    });
    for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
    return out;
  }, [nodes, cache]);
}
