import { Dialog } from '../ui/Dialog';
import { useShortcutSheet } from './shortcutSheet';

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'File',
    keys: [
      [`${mod}O`, 'Open a scenario'],
      [`${mod}S`, 'Save'],
      [`Shift+${mod}S`, 'Save as'],
    ],
  },
  {
    title: 'Edit',
    keys: [
      [`${mod}Z`, 'Undo'],
      [`Shift+${mod}Z`, 'Redo'],
      [`${mod}X / ${mod}C / ${mod}V`, 'Cut, copy, paste people and services'],
      [`${mod}D`, 'Duplicate the selection'],
      ['Delete', 'Delete the selection'],
      [`${mod}A`, 'Select all people and services'],
      ['Escape', 'Clear the selection'],
      ['F2', 'Rename the selected person, service or team'],
      ['Arrow keys', 'Move the selection by 10 (with Shift: by 1)'],
    ],
  },
  {
    title: 'View',
    keys: [
      [`${mod}F`, 'Find people, services and skills'],
      [`${mod}+ / ${mod}-`, 'Zoom in, zoom out'],
      ['Shift+1', 'Fit everything in view'],
      ['Shift+2', 'Overview of the whole organisation'],
      ['?', 'This list'],
    ],
  },
  {
    title: 'Canvas',
    keys: [
      ['Drag a person’s dot', 'Onto any part of a service card: they know it (the first one owns it)'],
      ['Drag into a team’s box', 'Moves the person or service to that team'],
      ['Double-click a name', 'Rename'],
      ['Shift+drag', 'Select several'],
    ],
  },
];

/** Every keyboard shortcut, opened with `?` or Help > Keyboard shortcuts. */
export function ShortcutSheet() {
  const { open, close } = useShortcutSheet();
  if (!open) return null;
  return (
    <Dialog
      title="Keyboard shortcuts"
      testId="shortcut-sheet"
      onClose={close}
      className="dialog-wide"
      footer={
        <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
          Close
        </button>
      }
    >
      <div className="shortcut-groups">
        {GROUPS.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3 className="legend-title">{g.title}</h3>
            <dl className="shortcut-list">
              {g.keys.map(([keys, what]) => (
                <div key={keys} className="shortcut-row">
                  <dt>
                    <kbd className="kbd">{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
