import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../simulation/examples/catalog';
import { scenarioSchema, type Scenario } from '../../../simulation/scenario/schema';
import { applyCommand, describeCommand, type Command } from '../../../renderer/src/document/commands';
import { modelOf } from '../../../renderer/src/document/editableParts';
import { createDocumentStore } from '../../../renderer/src/state/documentStore';
import { crossFunctionalVariant, duplicateVariant } from '../../../renderer/src/editor/variants';
import { produce } from 'immer';

const base = (): Scenario => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());

/** Random commands over the ids of the walled example (and of a variant, to edit it too). */
function commandArb(doc: Scenario): fc.Arbitrary<Command> {
  const people = doc.people.map((p) => p.id);
  const services = doc.services.map((s) => s.id);
  const skills = doc.skills.map((k) => k.id);
  const variant = fc.constantFrom<string | null>(null, 'v1');
  const level = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    fc.record({ type: fc.constant('scenario.rename' as const), name: fc.string({ minLength: 1 }) }),
    fc.record({ type: fc.constant('person.setSkill' as const), variant, id: fc.constantFrom(...people), skill: fc.constantFrom(...skills), level: fc.option(level) }),
    fc.record({ type: fc.constantFrom('knowledge.set' as const), variant, personId: fc.constantFrom(...people), serviceId: fc.constantFrom(...services), level: fc.option(level) }),
    fc.record({ type: fc.constant('owner.set' as const), variant, personId: fc.constantFrom(...people), serviceId: fc.constantFrom(...services), owner: fc.boolean() }),
    fc.record({ type: fc.constant('person.update' as const), variant, id: fc.constantFrom(...people), patch: fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }) }) }),
    fc.record({ type: fc.constant('person.remove' as const), variant, ids: fc.subarray(people, { minLength: 1 }).map((x) => [...x]) }),
    fc.record({ type: fc.constant('service.remove' as const), variant, ids: fc.subarray(services, { minLength: 1 }).map((x) => [...x]) }),
    fc.record({ type: fc.constant('skill.remove' as const), variant, ids: fc.subarray(skills, { minLength: 1 }).map((x) => [...x]) }),
    fc.record({ type: fc.constant('team.remove' as const), variant, ids: fc.constant(['data']).map((x) => [...x]) }),
    fc.record({ type: fc.constant('structure.update' as const), variant, patch: fc.record({ mode: fc.constantFrom('walled' as const, 'cross-functional' as const) }) }),
    fc.record({ type: fc.constant('calendar.update' as const), patch: fc.record({ hoursPerDay: fc.integer({ min: 1, max: 12 }), dayStartHour: fc.constantFrom(7, 8.5, 9) }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant('absencePolicy.update' as const), variant, patch: fc.record({ vacation: fc.record({ perYear: fc.integer({ min: 0, max: 8 }), hours: fc.constant({ kind: 'uniform' as const, min: 8, max: 40 }) }) }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant('parameters.update' as const), variant, patch: fc.record({ efficiencyAtZero: level, pairingDurationFactor: fc.constantFrom(1, 1.3) }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant('layout.move' as const), moves: fc.array(fc.record({ key: fc.constantFrom(...people.map((p) => `person:${p}`)), x: fc.integer(), y: fc.integer() }), { maxLength: 3 }) }),
    fc.record({
      type: fc.constant('incidentLog.add' as const),
      log: fc.record({
        id: fc.constantFrom('log-a', 'log-b'),
        name: fc.constantFrom('PagerDuty 2026', 'Q3'),
        source: fc.constant('incidents.csv'),
        timeZone: fc.constant('UTC'),
        provenance: fc.constant(null),
        incidents: fc.array(
          fc.record({
            id: fc.string({ maxLength: 8 }),
            service: fc.constantFrom(...services),
            start: fc.integer({ min: 0, max: 2000 }).map((h) => new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString()),
            acknowledged: fc.constant(null),
            resolved: fc.integer({ min: 2000, max: 3000 }).map((h) => new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString()),
            responders: fc.subarray(people).map((x) => [...x]),
            resolvedBy: fc.constant(null),
            urgency: fc.constant(''),
            escalations: fc.constant(0),
            reassignments: fc.constant(0),
            title: fc.string({ maxLength: 20 }),
          }),
          { maxLength: 5 },
        ),
      }),
    }),
    fc.record({ type: fc.constant('incidentLog.remove' as const), id: fc.constantFrom('log-a', 'log-b', 'sample') }),
    fc.record({
      type: fc.constant('person.add' as const),
      variant,
      person: fc.record({ id: fc.constantFrom('new-a', 'new-b'), name: fc.constantFrom('Ann', 'Bo'), team: fc.constant(null), skills: fc.constant({}), absences: fc.constant([]).map(() => []), departureAt: fc.constant(null), availability: fc.constant(1) }),
    }),
  );
}

describe('editor commands', () => {
  it('any sequence of commands, undone step by step, gives back the original document exactly; redone, the edited one', () => {
    const start = base();
    start.variants.push({ id: 'v1', name: 'Variant', description: '', overrides: {} });
    fc.assert(
      fc.property(fc.array(commandArb(start), { minLength: 1, maxLength: 25 }), (commands) => {
        const store = createDocumentStore();
        store.getState().loadDocument(structuredClone(start), null);
        for (const c of commands) store.getState().apply(c);
        const after = store.getState().doc;
        while (store.getState().past.length) store.getState().undo();
        expect(store.getState().doc).toEqual(start);
        while (store.getState().future.length) store.getState().redo();
        expect(store.getState().doc).toEqual(after);
      }),
      { numRuns: 200 },
    );
  });

  it('adds and removes incident logs, and names the step for the Undo menu', () => {
    const log = {
      id: 'log-1',
      name: 'PagerDuty 2026',
      source: 'incidents.csv',
      timeZone: 'UTC',
      provenance: null,
      incidents: [{ id: '1', service: 'prediction-api', start: '2026-01-05T12:00:00Z', acknowledged: null, resolved: '2026-01-05T14:00:00Z', responders: ['mel'], resolvedBy: 'mel', urgency: '', escalations: 0, reassignments: 0, title: 'Down' }],
    };
    const added = produce(base(), (d) => applyCommand(d, { type: 'incidentLog.add', log }));
    expect(added.incidentLogs).toEqual([log]);
    expect(produce(added, (d) => applyCommand(d, { type: 'incidentLog.remove', id: 'log-1' })).incidentLogs).toEqual([]);
    expect(describeCommand({ type: 'incidentLog.add', log })).toBe('add incident log');
  });

  it('editing a variant copies the part it changes and leaves the base alone', () => {
    const doc = base();
    doc.variants.push({ id: 'v1', name: 'Variant', description: '', overrides: {} });
    const next = produce(doc, (d) => applyCommand(d, { type: 'person.setSkill', variant: 'v1', id: 'sam', skill: 'data-science', level: 0.7 }));
    expect(next.people).toBe(doc.people);
    expect(next.variants[0]!.overrides.people?.find((p) => p.id === 'sam')?.skills['data-science']).toBe(0.7);
    expect(next.variants[0]!.overrides.services).toBeUndefined();
    expect(modelOf(next, 'v1').people.find((p) => p.id === 'sam')?.skills['data-science']).toBe(0.7);
    expect(modelOf(next, null).people.find((p) => p.id === 'sam')?.skills['data-science']).toBe(0.1);
  });

  it('removing a person removes every reference to them, so the scenario stays valid', () => {
    const doc = produce(base(), (d) => applyCommand(d, { type: 'person.remove', variant: null, ids: ['mel'] }));
    expect(doc.services.some((s) => s.owners.includes('mel') || 'mel' in s.knowledge)).toBe(false);
    expect(scenarioSchema.safeParse(doc).success).toBe(true);
  });

  it('removing a skill removes the stages that need it', () => {
    const doc = produce(base(), (d) => applyCommand(d, { type: 'skill.remove', variant: null, ids: ['backend'] }));
    expect(doc.services.flatMap((s) => s.work.stages.map((st) => st.skill))).not.toContain('backend');
    expect(doc.people.some((p) => 'backend' in p.skills)).toBe(false);
  });

  it('makes the cross-functional version: collective ownership, shared backlog, cross-training to the chosen level', () => {
    const doc = base();
    const v = crossFunctionalVariant(doc, null, 0.6);
    expect(v.overrides.structure).toMatchObject({ mode: 'cross-functional', dispatch: 'pull', assignments: [] });
    const sam = v.overrides.people!.find((p) => p.id === 'sam')!;
    expect(sam.skills['data-science']).toBe(0.6);
    expect(sam.skills.backend).toBe(0.9);
    expect(v.overrides.services!.find((s) => s.id === 'core-platform-module')!.knowledge).toEqual({ sam: 0.9, dana: 0.6, mel: 0.6 });
    const plain = crossFunctionalVariant(doc, null, 0);
    expect(plain.overrides.people).toBeUndefined();
    expect(duplicateVariant({ ...doc, variants: [v] }, v.id).overrides).toEqual(v.overrides);
  });
});

describe('assumption commands', () => {
  it('edit absences and handoff parameters in a variant without touching the base, and the calendar for the whole scenario', () => {
    const doc = base();
    doc.variants.push({ id: 'v1', name: 'Variant', description: '', overrides: {} });
    const next = produce(doc, (d) => {
      applyCommand(d, { type: 'parameters.update', variant: 'v1', patch: { handoff: { ...doc.parameters.handoff, gapHours: 1 } } });
      applyCommand(d, { type: 'absencePolicy.update', variant: 'v1', patch: { sickness: { perYear: 12, hours: { kind: 'constant', value: 8 } } } });
      applyCommand(d, { type: 'calendar.update', patch: { dayStartHour: 8 } });
    });
    expect(modelOf(next, 'v1').parameters.handoff.gapHours).toBe(1);
    expect(modelOf(next, null).parameters.handoff.gapHours).toBe(doc.parameters.handoff.gapHours);
    expect(modelOf(next, 'v1').absencePolicy.sickness.perYear).toBe(12);
    expect(next.absencePolicy).toEqual(doc.absencePolicy);
    expect(next.calendar.dayStartHour).toBe(8);
    expect(describeCommand({ type: 'parameters.update', variant: null, patch: {} })).toBe('edit handoffs and learning');
  });

  it('the cross-functional version of a variant keeps what that variant changed', () => {
    const doc = base();
    doc.variants.push({ id: 'v1', name: 'Slow handoffs', description: '', overrides: { parameters: { ...doc.parameters, handoff: { ...doc.parameters.handoff, baseHours: 4 } } } });
    const cf = crossFunctionalVariant(doc, 'v1', 0);
    expect(cf.overrides.parameters?.handoff.baseHours).toBe(4);
    expect(cf.overrides.structure?.mode).toBe('cross-functional');
  });
});
