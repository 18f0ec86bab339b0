import { HostError, type HostErrorCode } from '../api/contract';

/** Turns a Node file-system error into a {@link HostError} with a plain sentence. */
export function fsError(err: unknown, action: string, filePath: string): HostError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const say = (c: HostErrorCode, why: string) => new HostError({ code: c, message: `Could not ${action} ${filePath}: ${why}.` });
  switch (code) {
    case 'ENOENT':
      return say('not-found', 'the file or its folder does not exist');
    case 'EACCES':
    case 'EPERM':
      return say('permission-denied', 'permission denied');
    case 'ENOSPC':
    case 'EDQUOT':
      return say('disk-full', 'the disk is full');
    case 'EROFS':
      return say('read-only', 'the disk is read-only');
    case 'EISDIR':
      return say('is-directory', 'it is a folder, not a file');
    case 'ENOTDIR':
      return say('not-found', 'a part of the path is not a folder');
    case 'ENAMETOOLONG':
      return say('bad-arguments', 'the name is too long');
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return say('io-error', detail);
    }
  }
}
