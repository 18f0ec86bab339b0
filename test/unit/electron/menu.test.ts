import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)!;
const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  it('has File > New, Open..., Open Recent, Save, Save As..., Export Report... that send commands to the page', () => {
    const send = vi.fn();
    const template = buildMenuTemplate({ appName: 'Handoff', isMac: false, recent: [], send, showAbout: vi.fn(), reload: vi.fn() });
    const file = submenu(find(template, 'File'));
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual(['New', 'Open...', 'Open Recent', 'Save', 'Save As...', 'Import Organisation...', 'Export Report...']);
    (find(file, 'Save As...').click as () => void)();
    expect(send).toHaveBeenCalledWith({ command: 'file.saveAs' });
    (find(file, 'Import Organisation...').click as () => void)();
    expect(send).toHaveBeenCalledWith({ command: 'file.importOrg' });
    expect(find(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(submenu(find(file, 'Open Recent'))).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('lists recent files that still exist and opens the chosen one', () => {
    const send = vi.fn();
    const recent = [
      { path: '/a/walled.handoff.json', name: 'walled.handoff.json', openedAt: '', exists: true },
      { path: '/a/gone.handoff.json', name: 'gone.handoff.json', openedAt: '', exists: false },
    ];
    const template = buildMenuTemplate({ appName: 'Handoff', isMac: true, recent, send, showAbout: vi.fn(), reload: vi.fn() });
    expect(template[0]!.label).toBe('Handoff');
    const items = submenu(find(submenu(find(template, 'File')), 'Open Recent'));
    expect(items.map((i) => i.label)).toEqual(['walled.handoff.json']);
    (items[0]!.click as () => void)();
    expect(send).toHaveBeenCalledWith({ command: 'file.openRecent', path: '/a/walled.handoff.json' });
  });

  it('routes Undo and Redo to the page, which owns the document history', () => {
    const send = vi.fn();
    const edit = submenu(find(buildMenuTemplate({ appName: 'Handoff', isMac: false, recent: [], send, showAbout: vi.fn(), reload: vi.fn() }), 'Edit'));
    (find(edit, 'Undo').click as () => void)();
    (find(edit, 'Redo').click as () => void)();
    expect(send.mock.calls).toEqual([[{ command: 'edit.undo' }], [{ command: 'edit.redo' }]]);
  });

  it('has View > Reload, which reloads the page', () => {
    const reload = vi.fn();
    const view = submenu(find(buildMenuTemplate({ appName: 'Handoff', isMac: false, recent: [], send: vi.fn(), showAbout: vi.fn(), reload }), 'View'));
    const item = find(view, 'Reload');
    expect(item.accelerator).toBe('CmdOrCtrl+R');
    (item.click as () => void)();
    expect(reload).toHaveBeenCalledOnce();
  });
});
