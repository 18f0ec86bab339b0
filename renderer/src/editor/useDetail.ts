import { useStore } from '@xyflow/react';
import { detailAt, labelsAt, type Detail, type Labels } from './levelOfDetail';

/**
 * The canvas's level of detail at the current zoom. The selector returns a
 * string, so a component using it re-renders when the zoom crosses the
 * threshold, not on every step of a zoom or pan. Inside a `ReactFlowProvider`.
 */
export function useDetail(): Detail {
  return useStore((s) => detailAt(s.transform[2]));
}

/** Which names the canvas draws at the current zoom (changes only when a threshold is crossed). */
export function useLabels(): Labels {
  return useStore((s) => labelsAt(s.transform[2]));
}
