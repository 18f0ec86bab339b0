import { useState } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { WhatChangesButton } from '../plan/WhatChangesButton';
import { crossFunctionalVariant, duplicateVariant } from './variants';
import { BUS_FACTOR_KNOWLEDGE } from '../../../simulation/model/replicationResult';

/** Someone who knows a service at least this well counts as able to restore it: the default cross-training reaches it. */
const RESTORE_PCT = Math.round(BUS_FACTOR_KNOWLEDGE * 100);

/** Which variant the canvas shows and edits; create a copy or the cross-functional version. */
export function VariantSwitcher() {
  const variants = useDocumentStore((s) => s.doc?.variants ?? []);
  const active = useSessionStore((s) => s.activeVariant);
  const setActive = useSessionStore((s) => s.setActiveVariant);
  const [training, setTraining] = useState(BUS_FACTOR_KNOWLEDGE);
  const [open, setOpen] = useState(false);
  const current = variants.some((v) => v.id === active) ? active : null;

  const create = (make: 'copy' | 'cross-functional') => {
    const docs = useDocumentStore.getState();
    if (!docs.doc) return;
    const variant = make === 'copy' ? duplicateVariant(docs.doc, current) : crossFunctionalVariant(docs.doc, current, training);
    docs.apply({ type: 'variant.add', variant });
    setActive(variant.id);
    setOpen(false);
  };

  return (
    <div className="variant-switcher">
      <label className="variant-label" htmlFor="variant-select">
        Variant
      </label>
      <select id="variant-select" className="input variant-select" data-testid="variant-select" value={current ?? ''} onChange={(e) => setActive(e.target.value || null)}>
        <option value="">Base scenario</option>
        {variants.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <div className="menu">
        <button type="button" className="btn" data-testid="variant-menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          New variant ▾
        </button>
        {open && (
          <div className="menu-popup menu-right variant-popup" role="menu">
            <button type="button" role="menuitem" className="menu-item" data-testid="variant-copy" onClick={() => create('copy')}>
              Copy of what is shown
            </button>
            <div className="menu-separator" />
            <div className="variant-xf">
              <label className="field">
                <span className="field-label">Cross-training: everyone reaches {Math.round(training * 100)}% in their team's skills and services</span>
                <input
                  type="range"
                  min={0}
                  max={0.8}
                  step={0.1}
                  value={training}
                  aria-valuetext={`${Math.round(training * 100)}%`}
                  aria-describedby="cross-training-meaning"
                  data-testid="cross-training"
                  onChange={(e) => setTraining(Number(e.target.value))}
                />
              </label>
              <p className="field-hint" id="cross-training-meaning" data-testid="cross-training-meaning">
                {training >= BUS_FACTOR_KNOWLEDGE
                  ? `From ${RESTORE_PCT}% someone counts as able to restore a service: at ${Math.round(training * 100)}% everyone in a team can restore its services.`
                  : `Below ${RESTORE_PCT}% nobody new counts as able to restore a service: the structure changes, but the "only one person can restore it" warnings stay.`}
              </p>
              <button type="button" className="btn btn-primary" data-testid="variant-cross-functional" onClick={() => create('cross-functional')}>
                Make cross-functional
              </button>
            </div>
          </div>
        )}
      </div>
      <WhatChangesButton />
    </div>
  );
}
