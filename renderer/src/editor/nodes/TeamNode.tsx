import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRename } from '../renameContext';
import { EditableLabel } from './EditableLabel';
import type { TeamFlowNode } from './nodeData';

const TYPE_LABEL = { 'stream-aligned': 'Stream-aligned', platform: 'Platform', enabling: 'Enabling', 'complicated-subsystem': 'Complicated subsystem' } as const;

/** A team drawn around its people and services in its Team Topologies colour and shape. */
export const TeamNode = memo(function TeamNode({ data, selected }: NodeProps<TeamFlowNode>) {
  const rename = useRename();
  return (
    <div className="node-team" data-type={data.type} data-selected={selected} data-testid={`node-team-${data.id}`}>
      <div className="team-header">
        <EditableLabel className="team-title" value={data.name} onRename={(name) => rename(`team:${data.id}`, name)} testId={`team-name-${data.id}`} />
        <span className="team-type">{TYPE_LABEL[data.type]}</span>
      </div>
      {data.members === 0 && <div className="team-empty">Set a person's or service's team in the inspector to place them here.</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} className="handle-hidden" />
      <Handle type="target" position={Position.Left} isConnectable={false} className="handle-hidden" />
    </div>
  );
});
