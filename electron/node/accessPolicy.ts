import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../api/contract';

export type Access = 'read' | 'write';

const READABLE = ['.json', '.html', '.htm', '.csv'];
const WRITABLE = ['.json'];

/**
 * Decides which files the renderer may read or write. A path is allowed when
 * it lies inside one of the roots (after resolving symbolic links, so a link
 * cannot lead out), or when the user chose it in a native dialog or opened it
 * before (it was granted). Anything else is refused with `forbidden-path`:
 * a compromised renderer cannot read or overwrite arbitrary files.
 */
export class AccessPolicy {
  private readonly granted = new Set<string>();

  constructor(private readonly roots: readonly string[]) {
    if (roots.length === 0) throw new Error('AccessPolicy needs at least one root folder');
  }

  /** Allows a path the user picked themselves (dialog, recent list, command line). */
  grant(filePath: string): void {
    this.granted.add(path.resolve(filePath));
  }

  /**
   * Returns the absolute path to use for `requested`, or throws. Relative
   * paths are taken inside the first root.
   */
  async check(requested: string, access: Access): Promise<string> {
    const absolute = path.resolve(this.roots[0]!, requested);
    const allowedExt = access === 'read' ? READABLE : WRITABLE;
    if (!allowedExt.some((ext) => absolute.toLowerCase().endsWith(ext))) {
      throw new HostError({
        code: 'forbidden-path',
        message: `Cannot ${access} ${absolute}: only ${allowedExt.join(', ')} files may be ${access === 'read' ? 'opened' : 'saved'}.`,
      });
    }
    if (this.granted.has(absolute)) return absolute;
    const real = await realPathOfExistingPart(absolute);
    for (const root of this.roots) {
      const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
      if (real === realRoot || real.startsWith(realRoot + path.sep)) return absolute;
    }
    throw new HostError({
      code: 'forbidden-path',
      message: `Cannot ${access} ${absolute}: it is outside the scenario folder (${this.roots.join(', ')}).`,
    });
  }
}

/** realpath of the longest existing prefix, with the missing rest appended. */
async function realPathOfExistingPart(absolute: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(current);
      return path.join(real, ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
