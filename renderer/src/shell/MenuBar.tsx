import { useCallback, useRef, useState } from 'react';
import { useAppServices, type AppCommand } from '../app/AppServices';
import { useRecent } from '../files/useRecent';
import { useDocumentStore } from '../state/documentStore';
import { useDismiss } from '../ui/useDismiss';
import { useSessionStore } from '../state/sessionStore';
import { useEditor } from '../editor/useEditor';
import { canvasView } from '../editor/canvasView';
import { focusCanvas, focusFind } from '../editor/useEditorShortcuts';
import { openShortcutSheet } from '../editor/shortcutSheet';
import { startRenaming } from '../editor/renameContext';
import { EXAMPLES } from '../../../simulation/examples/catalog';

interface Item {
  label: string;
  /** An app command, or an action of its own (Open Recent). */
  command: AppCommand | { id: string; run(): void };
  shortcut?: string;
  enabled?: boolean;
  /** Shown on hover (a recent file's full path). */
  title?: string;
}
type Entry = Item | 'separator' | { heading: string };

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The web host's menu bar (the desktop app has a native menu instead). */
export function MenuBar() {
  const { files } = useAppServices();
  const recent = useRecent(useDocumentStore((s) => s.file?.path ?? ''));
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  const canUndo = useDocumentStore((s) => s.past.length > 0);
  const canRedo = useDocumentStore((s) => s.future.length > 0);
  const editor = useEditor();
  const hasSelection = useSessionStore((s) => s.selection.some((k) => k.startsWith('person:') || k.startsWith('service:')));
  const anySelection = useSessionStore((s) => s.selection.length > 0);
  const onCanvas = useSessionStore((s) => s.view === 'canvas') && hasDoc;
  const act = (id: string, run: () => void) => ({ id, run });
  const view = (id: string, run: (c: NonNullable<ReturnType<typeof canvasView.commands>>) => void) =>
    act(id, () => {
      const session = useSessionStore.getState();
      if (session.view !== 'canvas') session.setView('canvas');
      // The canvas registers its view commands once it is shown.
      requestAnimationFrame(() => {
        const c = canvasView.commands();
        if (c) run(c);
      });
    });
  const rename = () => {
    const [only] = useSessionStore.getState().selection;
    if (only) startRenaming(only);
  };
  const menus: { label: string; items: Entry[] }[] = [
    {
      label: 'File',
      items: [
        { label: 'New', command: 'file.new' },
        { label: 'Open...', command: 'file.open', shortcut: `${mod}O` },
        ...recent.slice(0, 5).map((r): Item => ({ label: `Open ${r.name}`, title: r.path, command: { id: `recent-${r.path}`, run: () => files.openRecent(r.path) } })),
        'separator',
        { heading: 'New from example' },
        ...EXAMPLES.map((ex): Item => ({ label: ex.title, title: ex.summary, command: { id: `example-${ex.id}`, run: () => files.openExample(ex.id) } })),
        'separator',
        { label: 'Save', command: 'file.save', shortcut: `${mod}S`, enabled: hasDoc },
        { label: 'Save As...', command: 'file.saveAs', shortcut: `Shift+${mod}S`, enabled: hasDoc },
        'separator',
        { label: 'Import organisation...', command: 'file.importOrg', enabled: hasDoc },
        { label: 'Export report...', command: 'file.export', shortcut: `${mod}E`, enabled: hasDoc },
      ],
    },
    {
      label: 'Edit',
      items: [
        { label: 'Undo', command: 'edit.undo', shortcut: `${mod}Z`, enabled: canUndo },
        { label: 'Redo', command: 'edit.redo', shortcut: `Shift+${mod}Z`, enabled: canRedo },
        'separator',
        { label: 'Cut', command: act('edit-cut', () => (editor.cut(), focusCanvas())), shortcut: `${mod}X`, enabled: hasSelection },
        { label: 'Copy', command: act('edit-copy', () => editor.copy()), shortcut: `${mod}C`, enabled: hasSelection },
        { label: 'Paste', command: act('edit-paste', () => editor.paste()), shortcut: `${mod}V`, enabled: hasDoc },
        { label: 'Duplicate', command: act('edit-duplicate', () => editor.duplicate()), shortcut: `${mod}D`, enabled: hasSelection },
        { label: 'Delete', command: act('edit-delete', () => (editor.deleteSelection(), focusCanvas())), shortcut: 'Delete', enabled: anySelection },
        'separator',
        { label: 'Select All', command: act('edit-select-all', () => editor.selectAll()), shortcut: `${mod}A`, enabled: hasDoc },
        { label: 'Rename', command: act('edit-rename', rename), shortcut: 'F2', enabled: onCanvas && anySelection },
        { label: 'Find...', command: act('edit-find', focusFind), shortcut: `${mod}F`, enabled: hasDoc },
      ],
    },
    {
      label: 'View',
      items: [
        { label: 'Zoom In', command: view('view-zoom-in', (c) => c.zoomIn()), shortcut: `${mod}+`, enabled: hasDoc },
        { label: 'Zoom Out', command: view('view-zoom-out', (c) => c.zoomOut()), shortcut: `${mod}-`, enabled: hasDoc },
        { label: 'Fit to Window', command: view('view-fit', (c) => c.fit()), shortcut: 'Shift+1', enabled: hasDoc },
        { label: 'Overview', command: view('view-overview', (c) => c.overview()), shortcut: 'Shift+2', enabled: hasDoc },
        'separator',
        { label: 'Toggle Dark Theme', command: 'view.toggleTheme' },
      ],
    },
    {
      label: 'Help',
      items: [
        { label: 'Keyboard Shortcuts', command: act('help-shortcuts', openShortcutSheet), shortcut: '?' },
        { label: 'About Handoff', command: 'help.about' },
      ],
    },
  ];
  return (
    <nav className="menubar" aria-label="Application menu">
      {menus.map((m) => (
        <Menu key={m.label} label={m.label} items={m.items} />
      ))}
    </nav>
  );
}

function Menu({ label, items }: { label: string; items: Entry[] }) {
  const { run } = useAppServices();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref);

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="menu-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={`menu-${label.toLowerCase()}`}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          {items.map((item, i) =>
            item === 'separator' ? (
              <div key={`sep-${i}`} className="menu-separator" role="separator" />
            ) : 'heading' in item ? (
              <div key={`heading-${i}`} className="menu-heading" role="presentation">
                {item.heading}
              </div>
            ) : (
              <button
                key={typeof item.command === 'string' ? item.command : item.command.id}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={item.enabled === false}
                title={item.title}
                data-testid={`menuitem-${typeof item.command === 'string' ? item.command : item.command.id.startsWith('recent-') ? 'recent' : item.command.id}`}
                onClick={() => {
                  setOpen(false);
                  if (typeof item.command === 'string') run(item.command);
                  else item.command.run();
                }}
              >
                <span>{item.label}</span>
                {item.shortcut && <span className="kbd">{item.shortcut}</span>}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
