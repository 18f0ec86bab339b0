import { EdgeLabelRenderer } from '@xyflow/react';
import { memo } from 'react';
import type { OverviewLine } from './overviewLines';

/**
 * The overview's lines in one SVG, drawn in the diagram's coordinates between
 * the edge layer (empty in the overview) and the nodes: a bare path per line,
 * where React Flow's edges each cost an SVG element of their own and a store
 * subscription run on every frame of a drag. A path per line rather than per
 * kind, so moving a node repaints its own lines, not the whole diagram.
 */
export const OverviewLines = memo(function OverviewLines({ lines }: { lines: readonly OverviewLine[] }) {
  return (
    <EdgeLabelRenderer>
      <svg className="overview-lines" data-testid="overview-lines" aria-hidden="true">
        {lines.map((l) => (
          <path key={l.id} className={`overview-line overview-line-${l.kind}`} data-id={l.id} d={l.d} />
        ))}
      </svg>
    </EdgeLabelRenderer>
  );
});
