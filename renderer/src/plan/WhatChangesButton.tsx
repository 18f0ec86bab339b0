import { useLayoutEffect, useRef, useState } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { PlanDiffPanel } from './PlanDiffPanel';
import { usePlanStore } from './planStore';
import './plan.css';

/**
 * The toggle for the "What changes" panel (beside the variant picker), and the
 * panel while it is open, docked to the right edge of the model area so the
 * teams (laid out from the left) stay in sight.
 */
export function WhatChangesButton() {
  const hasVariants = useDocumentStore((s) => (s.doc?.variants.length ?? 0) > 0);
  const open = usePlanStore((s) => s.open);
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = ref.current;
      if (!anchor) return;
      const area = (anchor.closest('.center') ?? document.body).getBoundingClientRect();
      setAt({ top: anchor.getBoundingClientRect().bottom + 6, right: Math.max(8, window.innerWidth - area.right + 12) });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  return (
    <div className="plan-anchor" ref={ref}>
      <button type="button" className="btn" data-testid="plan-toggle" aria-pressed={open} disabled={!hasVariants && !open} title={hasVariants ? 'The plan as a list of moves, marked on the canvas' : 'Make a variant first'} onClick={() => usePlanStore.getState().toggle()}>
        What changes
      </button>
      {open && at && <PlanDiffPanel at={at} />}
    </div>
  );
}
