import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron executable is, found the way the `electron` package finds
 * it, but without loading that package: its index.js tries to download the
 * binary when it is missing, which must never happen on a machine without
 * network access. Returns null when there is no binary.
 */
export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  let relative: string | null;
  try {
    relative = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = null;
  }
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? path.join(pkgDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
