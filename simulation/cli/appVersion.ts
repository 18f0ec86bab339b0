import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Handoff's version for reports made on the command line: from the
 * package.json above this file (it runs from source and from out/cli).
 */
export function cliAppVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'handoff' && pkg.version) return pkg.version;
    } catch {
      // Not here: look one folder up.
    }
    dir = path.dirname(dir);
  }
  return '0.0.0-dev';
}
