import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../api/contract';
import { readJsonOr, writeJson } from './jsonStore';

export type Access = 'read' | 'write';

const READABLE = ['.json', '.html', '.htm', '.csv'];
const WRITABLE = ['.json'];

/** How many files the user picked are remembered across restarts. */
export const GRANT_LIMIT = 200;

interface Grant {
  /** The path as the user picked it. */
  path: string;
  /** Where it led when picked (links resolved): a later link swap leads elsewhere and is refused. */
  real: string;
}

const isGrantList = (v: unknown): v is Grant[] =>
  Array.isArray(v) && v.every((g) => typeof g?.path === 'string' && typeof g?.real === 'string' && path.isAbsolute(g.path) && path.isAbsolute(g.real));

/** A checked path: `path` to name to the user, `real` (links resolved) to read or write. */
export interface CheckedPath {
  path: string;
  real: string;
}

/**
 * Decides which files the renderer may read or write. A path is allowed when
 * it lies inside one of the roots after resolving symbolic links (so a link
 * cannot lead out), or when the user chose it in a native dialog (it was
 * granted) and it still leads where it led then. Links are resolved again on
 * every access, never remembered, so a file swapped for a link after it was
 * opened is refused. Anything else is refused with `forbidden-path`: a
 * compromised renderer cannot read or overwrite arbitrary files.
 *
 * With a `grantsFile`, grants survive a restart (Open Recent and recovered
 * work for files outside the scenario folder); the host alone writes it.
 */
export class AccessPolicy {
  private readonly granted = new Map<string, string>();
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly roots: readonly string[],
    private readonly grantsFile?: string,
  ) {
    if (roots.length === 0) throw new Error('AccessPolicy needs at least one root folder');
  }

  private load(): Promise<void> {
    this.loaded ??= this.grantsFile
      ? readJsonOr<Grant[]>(this.grantsFile, [], isGrantList).then((list) => {
          for (const g of list) if (!this.granted.has(g.path)) this.granted.set(g.path, g.real);
        })
      : Promise.resolve();
    return this.loaded;
  }

  /** Allows a path the user picked themselves (dialog, command line, file association). */
  async grant(filePath: string): Promise<void> {
    await this.load();
    const absolute = path.resolve(filePath);
    this.granted.delete(absolute);
    this.granted.set(absolute, await realPathOfExistingPart(absolute));
    if (!this.grantsFile) return;
    const list = [...this.granted].map(([p, real]) => ({ path: p, real })).slice(-GRANT_LIMIT);
    await writeJson(path.dirname(this.grantsFile), this.grantsFile, list).catch(() => undefined);
  }

  /**
   * Returns the absolute path to use for `requested`, or throws. Relative
   * paths are taken inside the first root.
   */
  async check(requested: string, access: Access): Promise<string> {
    return (await this.resolve(requested, access)).path;
  }

  /** As {@link check}, with the path the links lead to (read that one, so a swap after the check is not followed). */
  async resolve(requested: string, access: Access): Promise<CheckedPath> {
    await this.load();
    const absolute = path.resolve(this.roots[0]!, requested);
    const allowedExt = access === 'read' ? READABLE : WRITABLE;
    if (!allowedExt.some((ext) => absolute.toLowerCase().endsWith(ext))) {
      throw new HostError({
        code: 'forbidden-path',
        message: `Cannot ${access} ${absolute}: only ${allowedExt.join(', ')} files may be ${access === 'read' ? 'opened' : 'saved'}.`,
      });
    }
    const real = await realPathOfExistingPart(absolute);
    for (const root of this.roots) {
      const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
      if (real === realRoot || real.startsWith(realRoot + path.sep)) return { path: absolute, real };
    }
    const grantedReal = this.granted.get(absolute);
    if (grantedReal === real) return { path: absolute, real };
    throw new HostError({
      code: 'forbidden-path',
      message:
        grantedReal === undefined
          ? `Cannot ${access} ${absolute}: it is outside the scenario folder (${this.roots.join(', ')}). Choose it with Open... to allow it.`
          : `Cannot ${access} ${absolute}: it now leads to ${real}, not to the file you chose. Choose it again with Open... if that is intended.`,
    });
  }
}

/**
 * Opens a checked file for reading at the path its links led to, without
 * following a link there: a swap between the check and the open fails
 * (ELOOP) instead of being followed.
 */
export function openChecked(checked: CheckedPath): ReturnType<typeof fs.open> {
  return fs.open(checked.real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
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
