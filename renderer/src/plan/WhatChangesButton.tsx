import { useDocumentStore } from '../state/documentStore';
import './plan.css';
import { PlanDiffPanel } from './PlanDiffPanel';
import { usePlanStore } from './planStore';

/** The toggle for the "What changes" panel (beside the variant picker), and the panel while it is open. */
export function WhatChangesButton() {
  const hasVariants = useDocumentStore((s) => (s.doc?.variants.length ?? 0) > 0);
  const open = usePlanStore((s) => s.open);
  return (
    <div className="plan-anchor">
      <button type="button" className="btn" data-testid="plan-toggle" aria-pressed={open} disabled={!hasVariants && !open} title={hasVariants ? 'The plan as a list of moves, marked on the canvas' : 'Make a variant first'} onClick={() => usePlanStore.getState().toggle()}>
        What changes
      </button>
      {open && <PlanDiffPanel />}
    </div>
  );
}
