import { useCallback } from 'react';
import type { Command } from '../document/commands';
import { useDocumentStore } from '../state/documentStore';
import { useEditTarget } from '../editor/useModel';

/**
 * Applies inspector edits to the variant being edited. Edits with a
 * `coalesceKey` (typing into one field) merge into one undo step until the
 * field loses focus (`endGesture`).
 */
export function useApply() {
  const variant = useEditTarget();
  const apply = useDocumentStore((s) => s.apply);
  const endGesture = useDocumentStore((s) => s.endGesture);
  const run = useCallback((command: Command, coalesceKey?: string) => apply(command, coalesceKey ? { coalesceKey } : undefined), [apply]);
  return { variant, run, endGesture };
}
