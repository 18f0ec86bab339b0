import path from 'node:path';

/** Endings of files the desktop app opens when the system hands it one (double-click, "Open with", command line). */
export const OPENABLE_ENDINGS = ['.handoff.json', '.json', '.html', '.htm'] as const;

/**
 * The files named on a command line, as absolute paths: what the system passes
 * when a user double-clicks a `.handoff.json` file (Windows, Linux) or starts
 * `handoff team.handoff.json`, and what a second instance forwards.
 *
 * `argv` is the whole `process.argv`; the executable (and, when Electron runs
 * an unpacked app, the app folder after it: `defaultApp`) are skipped, and so
 * is every switch (`--flag`, `-f`) Electron or Chromium adds. Relative paths
 * are taken from `cwd` (the second instance's own folder, which it forwards).
 * Only names ending in one of {@link OPENABLE_ENDINGS} count: anything else on
 * the command line is not a document. Duplicates are dropped; order is kept.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, defaultApp = false): string[] {
  const args = argv.slice(defaultApp ? 2 : 1);
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '' || arg.startsWith('-') || arg.includes('\0')) continue;
    if (!OPENABLE_ENDINGS.some((ending) => arg.toLowerCase().endsWith(ending))) continue;
    const absolute = path.resolve(cwd, arg);
    if (!files.includes(absolute)) files.push(absolute);
  }
  return files;
}

/**
 * Files the system asked the app to open, held until a window can take them.
 * macOS sends `open-file` before the app is ready, and a double-click while the
 * app runs arrives as `second-instance`; either may come before the page has
 * loaded. `add` queues a file (or delivers it at once when a window is ready);
 * `ready` delivers the queue, oldest first, and every later file immediately.
 */
export class LaunchFiles {
  private readonly pending: string[] = [];
  private deliver: ((file: string) => void) | null = null;

  add(file: string): void {
    if (this.deliver) this.deliver(file);
    else if (!this.pending.includes(file)) this.pending.push(file);
  }

  /** Starts delivering to `deliver` (the window has loaded); queued files go first. */
  ready(deliver: (file: string) => void): void {
    this.deliver = deliver;
    for (const file of this.pending.splice(0)) deliver(file);
  }

  /** Stops delivering (the window has gone); later files wait for the next window. */
  pause(): void {
    this.deliver = null;
  }
}
