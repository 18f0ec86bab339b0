import { useState } from 'react';

/** A name that turns into a text field on double-click; Enter or leaving the field renames, Escape cancels. */
export function EditableLabel({ value, onRename, className, testId }: { value: string; onRename(name: string): void; className: string; testId: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing) {
    return (
      <span
        className={className}
        data-testid={testId}
        title={value}
        onDoubleClick={(e) => {
          e.stopPropagation();
          setDraft(value);
          setEditing(true);
        }}
      >
        {value}
      </span>
    );
  }
  const commit = () => {
    setEditing(false);
    const name = draft.trim();
    if (name && name !== value) onRename(name);
  };
  return (
    <input
      className={`${className} node-rename nodrag`}
      data-testid={`${testId}-input`}
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}
