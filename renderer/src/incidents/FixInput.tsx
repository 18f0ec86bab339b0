import { useState } from 'react';

/**
 * A corrected value for one cell of a bad row, committed on Enter or when
 * the field loses focus (not key by key: a half-typed date such as
 * "2025-02-04" would otherwise be read, and the row leave the list, before
 * its time was typed). Escape puts the committed value back.
 */
export function FixInput({ label, placeholder, value, onCommit }: { label: string; placeholder: string; value: string; onCommit(value: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      className="input fix-input"
      aria-label={label}
      placeholder={placeholder}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && draft !== null) {
          e.stopPropagation();
          setDraft(null);
        }
      }}
    />
  );
}
