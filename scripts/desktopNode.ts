/**
 * Checks, before `npm run dist`, that Node is new enough for the desktop
 * build: Electron 45's installer and @electron/fuses need Node >= 22.12
 * (the web host and the tests run on Node >= 20.19). Prints one line and
 * exits 1 when it is too old. Usage: tsx scripts/desktopNode.ts
 */
import { pathToFileURL } from 'node:url';

/** The oldest Node the desktop build supports. */
export const DESKTOP_NODE = '22.12.0';

/** A sentence saying what to install when `version` (e.g. "v20.20.2") is older than `minimum`, else null. */
export function desktopNodeProblem(version: string, minimum: string = DESKTOP_NODE): string | null {
  const parse = (v: string) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const have = parse(version);
  const need = parse(minimum);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) > (need[i] ?? 0)) return null;
    if ((have[i] ?? 0) < (need[i] ?? 0)) {
      return `The desktop build needs Node >= ${minimum} (Electron 45 and @electron/fuses require it); this is Node ${version.replace(/^v/, '')}. Install Node 22.12 or newer (the web host and the tests also run on Node 20.19+).`;
    }
  }
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = desktopNodeProblem(process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
