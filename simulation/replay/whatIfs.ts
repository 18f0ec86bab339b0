import { crossTrain } from '../analysis/crossTrain';
import { resolveVariant } from '../model/modelInput';
import type { VariantSpec } from '../run/variantSpec';
import type { Scenario } from '../scenario/schema';

/**
 * Questions a retrospective asks of a past incident log, as variants of the
 * scenario as drawn, to replay the log under (inline: nothing is saved).
 */

/** Cross-trained level of the cross-functional what-if. */
export const CROSS_TRAINING = 0.5;

/**
 * "What if we had been cross-functional": collective ownership and one
 * shared backlog per team, with everyone cross-trained to at least
 * `level` in their team's skills and services (a structure alone does not
 * let someone restore a service they have never seen).
 */
export function crossFunctionalWhatIf(scenario: Scenario, level = CROSS_TRAINING): VariantSpec {
  const base = resolveVariant(scenario, null);
  const { people, services } = crossTrain(base, level);
  return {
    kind: 'inline',
    variant: {
      id: 'what-if:cross-functional',
      name: `Cross-functional, cross-trained to ${Math.round(level * 100)}%`,
      description: '',
      overrides: { structure: { ...base.structure, mode: 'cross-functional', dispatch: 'pull', assignments: [] }, people, services },
    },
  };
}

/** "What if Alice had been away that week": a planned absence of `weeks` working weeks from working hour `from`. */
export function absenceWhatIf(scenario: Scenario, personId: string, from: number, weeks: number): VariantSpec {
  const base = resolveVariant(scenario, null);
  const person = base.people.find((p) => p.id === personId);
  if (!person) throw new Error(`scenario "${scenario.name}" has no person "${personId}"`);
  const end = from + weeks * scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
  return {
    kind: 'inline',
    variant: {
      id: `what-if:absent:${personId}`,
      name: `${person.name} away ${weeks === 1 ? 'that week' : `${weeks} weeks`}`,
      description: '',
      overrides: { people: base.people.map((p) => (p.id === personId ? { ...p, absences: [...p.absences, { start: from, end, reason: 'leave' as const }] } : p)) },
    },
  };
}

/**
 * "What if we had had an on-call rotation": the first `size` people (all,
 * if fewer) take turns of one working week; the person on call responds to
 * every incident first, whatever the structure.
 */
export function onCallWhatIf(scenario: Scenario, size = 4): VariantSpec {
  const base = resolveVariant(scenario, null);
  const rotation = base.people.slice(0, size).map((p) => p.id);
  return {
    kind: 'inline',
    variant: {
      id: `what-if:on-call:${rotation.length}`,
      name: `On-call rotation of ${rotation.length}`,
      description: '',
      overrides: { structure: { ...base.structure, onCall: { enabled: true, rotation, shiftHours: scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek } } },
    },
  };
}
