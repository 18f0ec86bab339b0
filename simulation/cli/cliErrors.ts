import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A problem the user can fix, reported in one line without a stack trace. */
export class UsageError extends Error {}

/** Why a file could not be written, in words (no error codes or stack). */
export function fsReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Writes an output file, or fails with one line naming the option, the file and why. */
export async function writeOutput(option: string, file: string, data: string | Uint8Array): Promise<void> {
  try {
    await fs.writeFile(file, data);
  } catch (e) {
    throw new UsageError(`${option}: cannot write ${file}: ${fsReason(e)}`);
  }
}

/**
 * Checks, before a run that may take minutes, that each output file's folder
 * exists (the CSV folder is made, so its parent must exist).
 */
export async function checkOutputFolders(outputs: readonly [option: string, file: string | undefined][]): Promise<void> {
  for (const [option, file] of outputs) {
    if (file === undefined) continue;
    const folder = path.dirname(path.resolve(file));
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) throw new UsageError(`${option}: cannot write ${file}: the folder ${folder} does not exist`);
  }
}

/** The one line printed for an error that ends the command (the stack only with HANDOFF_DEBUG set). */
export function cliErrorLine(e: unknown): string {
  if (e instanceof UsageError) return e.message;
  if (process.env.HANDOFF_DEBUG && e instanceof Error && e.stack) return `simulate failed: ${e.stack}`;
  const message = e instanceof Error ? e.message : String(e);
  return `simulate failed: ${message.split('\n')[0]} (set HANDOFF_DEBUG=1 for details)`;
}
