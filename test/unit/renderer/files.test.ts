import { describe, expect, it } from 'vitest';
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
