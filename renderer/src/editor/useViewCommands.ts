import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, type RefObject } from 'react';
import { OVERVIEW_BELOW_ZOOM } from './levelOfDetail';
import { canvasView } from './canvasView';

const DURATION = 200;

/**
 * Gives the menus the canvas's view commands (zoom in and out, fit, the
 * overview, bring nodes into view) and the editor the centre of the view,
 * for as long as the canvas is shown. Returns the centre of the view in
 * canvas coordinates.
 */
export function useViewCommands(paneRef: RefObject<HTMLDivElement | null>): () => { x: number; y: number } {
  const flow = useReactFlow();
  const paneCentre = useCallback(() => {
    const r = paneRef.current?.getBoundingClientRect();
    return flow.screenToFlowPosition(r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 });
  }, [flow, paneRef]);

  useEffect(() => {
    canvasView.setCentre(paneCentre);
    canvasView.setCommands({
      zoomIn: () => void flow.zoomIn({ duration: DURATION }),
      zoomOut: () => void flow.zoomOut({ duration: DURATION }),
      fit: () => void flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: DURATION }),
      // Everything in view, drawn as the overview (below its zoom whatever the size of the organisation).
      overview: () => void flow.fitView({ padding: 0.1, maxZoom: OVERVIEW_BELOW_ZOOM * 0.9, duration: DURATION }),
      show: (keys) => {
        if (keys.length === 0) return;
        if (keys.length > 1) return void flow.fitView({ nodes: keys.map((id) => ({ id })), padding: 0.3, maxZoom: 1, duration: DURATION });
        const node = flow.getInternalNode(keys[0]!);
        if (!node) return;
        const { x, y } = node.internals.positionAbsolute;
        // Close enough to read its name.
        void flow.setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: DURATION });
      },
    });
    return () => {
      canvasView.setCentre(null);
      canvasView.setCommands(null);
    };
  }, [flow, paneCentre]);
  return paneCentre;
}
