import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRename } from '../renameContext';
import { EditableLabel } from './EditableLabel';
import { shortName, type ServiceFlowNode } from './nodeData';

/** A service in production, with how many people can restore it (its bus factor). */
export const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  const rename = useRename();
  const risk = data.busFactor === 0 ? 'none' : data.busFactor === 1 ? 'single' : 'ok';
  return (
    <div className="node node-service" data-selected={selected} data-risk={risk} data-testid={`node-service-${data.id}`}>
      <Handle type="target" position={Position.Top} className="handle" />
      <div className="node-short" aria-hidden="true">
        {shortName(data.name)}
      </div>
      <div className="node-body">
        <EditableLabel className="node-title" value={data.name} onRename={(name) => rename(`service:${data.id}`, name)} testId={`service-name-${data.id}`} />
        <div className="node-meta">
          <span
            className="bus-badge"
            data-risk={risk}
            data-testid={`busfactor-${data.id}`}
            title={risk === 'ok' ? `${data.busFactor} people can restore it` : risk === 'single' ? 'Only one person can restore it' : 'Nobody can restore it quickly'}
          >
            {risk !== 'ok' && <span aria-hidden="true">⚠ </span>}
            bus factor {data.busFactor}
          </span>
          {!data.monitored && <span className="chip chip-warn" title="Failures are detected slowly (no monitoring)">no monitoring</span>}
        </div>
      </div>
    </div>
  );
});
