import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../simulation/examples/catalog';
import { scenarioSchema } from '../../../simulation/scenario/schema';
import { describeCommand } from '../../../renderer/src/document/commands';
import { createDocumentStore } from '../../../renderer/src/state/documentStore';

const platform = () => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'platform-teams')!.scenario());

describe('variant.setTransition', () => {
  it('sets, changes and clears the date a variant takes effect, each one undo step that gives back the document', () => {
    const store = createDocumentStore();
    const start = platform();
    store.getState().loadDocument(structuredClone(start), null);
    const id = start.variants[0]!.id;
    store.getState().apply({ type: 'variant.setTransition', id, transition: { effectiveDate: '2026-03-02' } });
    expect(store.getState().doc!.variants[0]!.transition).toEqual({ effectiveDate: '2026-03-02' });
    store.getState().apply({ type: 'variant.setTransition', id, transition: null });
    expect('transition' in store.getState().doc!.variants[0]!).toBe(false);
    store.getState().undo();
    expect(store.getState().doc!.variants[0]!.transition).toEqual({ effectiveDate: '2026-03-02' });
    store.getState().undo();
    expect(store.getState().doc).toEqual(start);
    expect(describeCommand({ type: 'variant.setTransition', id, transition: null })).toBe('set the transition date of variant');
  });

  it('does nothing for a variant that is not there (no undo step)', () => {
    const store = createDocumentStore();
    store.getState().loadDocument(platform(), null);
    store.getState().apply({ type: 'variant.setTransition', id: 'nope', transition: { effectiveDate: '2026-03-02' } });
    expect(store.getState().past).toHaveLength(0);
  });
});
