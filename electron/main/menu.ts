import type { MenuItemConstructorOptions } from 'electron';
import type { MenuMessage, RecentEntry } from '../api/contract';

export interface MenuContext {
  appName: string;
  isMac: boolean;
  recent: readonly RecentEntry[];
  send(message: MenuMessage): void;
  showAbout(): void;
  /** Reloads the focused window's page (it asks first when there are unsaved changes, and offers autosaved work after). */
  reload(): void;
}

/**
 * The application menu: File (New, Open..., Open Recent, Save, Save As...,
 * Export Report...), Edit (Undo/Redo and the clipboard), View (theme,
 * Reload, zoom, full screen), Help. Document commands are sent to the
 * renderer, which owns the document.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: Extract<MenuMessage, { command: string }>['command'], accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send({ command } as MenuMessage),
  });
  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? ctx.recent.filter((r) => r.exists).map((r) => ({ label: r.name, toolTip: r.path, click: () => ctx.send({ command: 'file.openRecent', path: r.path }) }))
    : [{ label: 'No recent files', enabled: false }];

  const template: MenuItemConstructorOptions[] = [];
  if (ctx.isMac) template.push({ label: ctx.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] });
  template.push(
    {
      label: 'File',
      submenu: [
        cmd('New', 'file.new', 'CmdOrCtrl+N'),
        cmd('Open...', 'file.open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        cmd('Save', 'file.save', 'CmdOrCtrl+S'),
        cmd('Save As...', 'file.saveAs', 'Shift+CmdOrCtrl+S'),
        { type: 'separator' },
        cmd('Import Organisation...', 'file.importOrg'),
        cmd('Export Report...', 'file.export', 'CmdOrCtrl+E'),
        ...(ctx.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        cmd('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'edit.redo', ctx.isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        cmd('Toggle Dark Theme', 'view.toggleTheme'),
        { type: 'separator' },
        { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => ctx.reload() },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About Handoff', click: () => ctx.showAbout() }] },
  );
  return template;
}
