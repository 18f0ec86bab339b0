import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRename } from '../renameContext';
import { EditableLabel } from './EditableLabel';
import { shortName, type PersonFlowNode } from './nodeData';

/** A person: initials, name, best skills; drag from the right edge to a service to say they know it. */
export const PersonNode = memo(function PersonNode({ data, selected }: NodeProps<PersonFlowNode>) {
  const rename = useRename();
  return (
    <div className="node node-person" data-selected={selected} data-sole={data.soleHolder.length > 0} data-testid={`node-person-${data.id}`}>
      <div className="node-short" aria-hidden="true">
        {shortName(data.name)}
      </div>
      <div className="avatar" aria-hidden="true">
        {data.initials}
      </div>
      <div className="node-body">
        <EditableLabel className="node-title" value={data.name} onRename={(name) => rename(`person:${data.id}`, name)} testId={`person-name-${data.id}`} />
        <div className="node-chips">
          {data.skills.length === 0 && <span className="chip chip-empty">no skills</span>}
          {data.skills.map(([skill, level]) => (
            <span key={skill} className="chip" data-sole={data.soleHolder.includes(skill)} title={`${skill}: ${Math.round(level * 100)}%${data.soleHolder.includes(skill) ? ' (the only one who has it)' : ''}`}>
              {skill} {Math.round(level * 100)}
            </span>
          ))}
        </div>
      </div>
      <Handle type="source" position={Position.Bottom} className="handle" />
    </div>
  );
});
