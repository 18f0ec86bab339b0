import { describe, expect, it } from 'vitest';
import { parseScenarioText, serializeScenario } from '../../../renderer/src/document/scenarioDocument';
import { suggestedFileName, withScenarioExtension } from '../../../renderer/src/files/fileActions';
import { shortcutFor } from '../../../renderer/src/shell/useShortcuts';

describe('file names', () => {
  it('adds the scenario ending once', () => {
    expect(withScenarioExtension('team')).toBe('team.handoff.json');
    expect(withScenarioExtension(' team.json ')).toBe('team.handoff.json');
    expect(withScenarioExtension('team.handoff.json')).toBe('team.handoff.json');
  });
  it('makes a safe file name from a scenario name', () => {
    expect(suggestedFileName('Walled / cross: v2?')).toBe('Walled - cross- v2-.handoff.json');
    expect(suggestedFileName('   ')).toBe('scenario.handoff.json');
  });
});

describe('scenario text', () => {
  it('round-trips with formatVersion first', () => {
    const text = serializeScenario({ formatVersion: 1, name: 'A', description: 'q' });
    expect(text.startsWith('{\n  "formatVersion": 1')).toBe(true);
    expect(parseScenarioText(text, 'a.json')).toEqual({ ok: true, doc: { formatVersion: 1, name: 'A', description: 'q' } });
  });
  it('says what is wrong, and where', () => {
    expect(parseScenarioText('[1]', 'x.json')).toEqual({ ok: false, problems: ['x.json: not a scenario file (expected a JSON object)'] });
    const newer = parseScenarioText('{"formatVersion": 99, "name": "n"}', 'n.json');
    expect(newer).toEqual({ ok: false, problems: ['n.json: written by a newer Handoff (format 99; this version reads up to 1)'] });
    const bad = parseScenarioText('{"name": 3}', 'b.json');
    expect(bad.ok ? [] : bad.problems).toEqual(['b.json: formatVersion is missing; this is not a Handoff scenario', 'b.json: name must be text']);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('maps Ctrl on Windows/Linux and Cmd on macOS', () => {
    expect(shortcutFor(key('s', { ctrlKey: true }), false)).toBe('file.save');
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }), false)).toBe('file.saveAs');
    expect(shortcutFor(key('s', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), true)).toBe('edit.redo');
    expect(shortcutFor(key('y', { ctrlKey: true }), false)).toBe('edit.redo');
    expect(shortcutFor(key('o', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutFor(key('z'), false)).toBeNull();
  });
});
