import { useCallback, useRef, useState } from 'react';
import { useAppServices, type AppCommand } from '../app/AppServices';
import { useRecent } from '../files/useRecent';
import { useDocumentStore } from '../state/documentStore';
import { useDismiss } from '../ui/useDismiss';

interface Item {
  label: string;
  /** An app command, or an action of its own (Open Recent). */
  command: AppCommand | { id: string; run(): void };
  shortcut?: string;
  enabled?: boolean;
}
type Entry = Item | 'separator';

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The web host's menu bar (the desktop app has a native menu instead). */
export function MenuBar() {
  const { files } = useAppServices();
  const recent = useRecent(useDocumentStore((s) => s.file?.path ?? ''));
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  const canUndo = useDocumentStore((s) => s.past.length > 0);
  const canRedo = useDocumentStore((s) => s.future.length > 0);
  const menus: { label: string; items: Entry[] }[] = [
    {
      label: 'File',
      items: [
        { label: 'New', command: 'file.new' },
        { label: 'Open...', command: 'file.open', shortcut: `${mod}O` },
        ...recent.slice(0, 5).map((r): Item => ({ label: `Open ${r.name}`, command: { id: `recent-${r.path}`, run: () => files.openRecent(r.path) } })),
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
      ],
    },
    { label: 'View', items: [{ label: 'Toggle Dark Theme', command: 'view.toggleTheme' }] },
    { label: 'Help', items: [{ label: 'About Handoff', command: 'help.about' }] },
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
            ) : (
              <button
                key={typeof item.command === 'string' ? item.command : item.command.id}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={item.enabled === false}
                data-testid={`menuitem-${typeof item.command === 'string' ? item.command : 'recent'}`}
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
