import { useMemo } from 'react';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import type { Scenario } from '../../../simulation/scenario/schema';
import { useDocumentStore } from '../state/documentStore';

const texts = new WeakMap<Scenario, string>();

/** The scenario's canonical text, made once per (immutable) scenario object. */
function textOf(scenario: Scenario): string {
  let text = texts.get(scenario);
  if (text === undefined) {
    text = serializeScenario(scenario);
    texts.set(scenario, text);
  }
  return text;
}

/**
 * Whether `now` differs from the scenario results were made from: the same
 * object is the same scenario; otherwise their canonical texts are compared,
 * so an edit undone again counts as no change.
 */
export function scenarioChanged(ranOn: Scenario | null | undefined, now: Scenario | null): boolean {
  if (!ranOn || !now || ranOn === now) return false;
  return textOf(ranOn) !== textOf(now);
}

/** {@link scenarioChanged} against the open document, recomputed when either changes. */
export function useChangedSince(ranOn: Scenario | null | undefined): boolean {
  const doc = useDocumentStore((s) => s.doc);
  return useMemo(() => scenarioChanged(ranOn, doc), [ranOn, doc]);
}
