import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../renderer/src/document/commands';
import { emptyScenario } from '../../../simulation/scenario/defaults';
import { createDocumentStore, selectDirty } from '../../../renderer/src/state/documentStore';

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('scenario.rename' as const), name: fc.string() }),
  fc.record({ type: fc.constant('scenario.describe' as const), description: fc.string() }),
);

describe('document store', () => {
  it('every command sequence, undone step by step, gives back the original document', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 30 }), (commands) => {
        const store = createDocumentStore();
        store.getState().newDocument();
        const original = structuredClone(store.getState().doc);
        for (const c of commands) store.getState().apply(c);
        const after = structuredClone(store.getState().doc);
        while (store.getState().past.length) store.getState().undo();
        expect(store.getState().doc).toEqual(original);
        expect(selectDirty(store.getState())).toBe(false);
        while (store.getState().future.length) store.getState().redo();
        expect(store.getState().doc).toEqual(after);
      }),
    );
  });

  it('merges a typed value into one undo step, and starts a new one after the gesture ends', () => {
    const store = createDocumentStore();
    store.getState().newDocument();
    for (const name of ['P', 'Pl', 'Pla']) store.getState().apply({ type: 'scenario.rename', name }, { coalesceKey: 'name' });
    store.getState().endGesture();
    store.getState().apply({ type: 'scenario.rename', name: 'Plat' }, { coalesceKey: 'name' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc?.name).toBe('Pla');
    store.getState().undo();
    expect(store.getState().doc?.name).toBe('Untitled scenario');
  });

  it('is clean again when undo returns to the saved state, and dirty when it goes past it', () => {
    const store = createDocumentStore();
    store.getState().newDocument();
    store.getState().apply({ type: 'scenario.rename', name: 'A' });
    store.getState().markSaved({ path: '/x/a.handoff.json', name: 'a.handoff.json' }, store.getState().revision);
    expect(selectDirty(store.getState())).toBe(false);
    store.getState().apply({ type: 'scenario.rename', name: 'B' });
    expect(selectDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectDirty(store.getState())).toBe(false);
    store.getState().undo();
    expect(selectDirty(store.getState())).toBe(true);
    store.getState().redo();
    expect(selectDirty(store.getState())).toBe(false);
  });

  it('a command that changes nothing adds no undo step', () => {
    const store = createDocumentStore();
    store.getState().newDocument();
    store.getState().apply({ type: 'scenario.rename', name: 'Untitled scenario' });
    expect(store.getState().past).toHaveLength(0);
    expect(selectDirty(store.getState())).toBe(false);
  });

  it('a document restored from recovery starts dirty', () => {
    const store = createDocumentStore();
    store.getState().loadDocument(emptyScenario('R'), null, { dirty: true });
    expect(selectDirty(store.getState())).toBe(true);
  });
});
