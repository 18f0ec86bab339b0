/** Mappings remembered per source (issue 15, item 9): the next export of the same report imports in two clicks. */
import { describe, expect, it } from 'vitest';
import { ADD } from '../../../../renderer/src/incidents/importCommand';
import { recallMapping, REMEMBERED, rememberMapping, resolveChoices, sourceSignature } from '../../../../renderer/src/incidents/rememberedMappings';
import type { ColumnMapping } from '../../../../simulation/replay/columnMapping';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};
const columns = ['incident_number', 'service_name', 'created_on', 'resolved_on', 'Team'];
const mapping: ColumnMapping = { id: 'incident_number', title: null, service: 'service_name', start: 'created_on', acknowledged: null, acknowledgedSeconds: null, resolved: 'resolved_on', resolvedSeconds: null, responders: ['Team'], dateFormat: 'dmy', timeZone: 'Europe/Berlin' };

describe('remembered mappings', () => {
  it('recall the columns, date format, zone and names chosen for a source with the same columns (in any order)', () => {
    const store = memory();
    expect(recallMapping(columns, store)).toBeNull();
    rememberMapping(columns, { mapping, services: { 'prediction-api (prod)': 'prediction-api' }, people: { 'Alex Kim': ADD } }, 1, store);
    const back = recallMapping([...columns].reverse(), store)!;
    expect(back.mapping).toMatchObject({ dateFormat: 'dmy', timeZone: 'Europe/Berlin', responders: ['Team'], start: 'created_on' });
    expect(back.services).toEqual({ 'prediction-api (prod)': 'prediction-api' });
    expect(sourceSignature(['A', 'b'])).toBe(sourceSignature(['B ', 'a']));
    // Another source is not confused with it.
    expect(recallMapping(['id', 'start', 'end'], store)).toBeNull();
  });

  it('do not add a name twice: one added last time is now in the model', () => {
    expect(resolveChoices({ 'Alex Kim': ADD, Mel: 'mel', Gone: 'gone', Skip: '' }, [{ id: 'alex-kim', name: 'Alex Kim' }, { id: 'mel', name: 'Mel' }], ADD)).toEqual({ 'Alex Kim': 'alex-kim', Mel: 'mel', Skip: '' });
  });

  it(`keep the ${REMEMBERED} most recent sources`, () => {
    const store = memory();
    for (let i = 0; i < REMEMBERED + 3; i++) rememberMapping([`c${i}`, 'x'], { mapping, services: {}, people: {} }, i, store);
    expect(recallMapping(['c0', 'x'], store)).toBeNull();
    expect(recallMapping([`c${REMEMBERED + 2}`, 'x'], store)).not.toBeNull();
  });
});
