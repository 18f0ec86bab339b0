import { promises as fs } from 'node:fs';
import { writeFileAtomic } from './atomicWrite';

/**
 * Reads a small JSON file the host keeps for itself (recent list, settings).
 * A missing or damaged file gives `fallback`: such state is a convenience and
 * must never stop the app from starting.
 */
export async function readJsonOr<T>(file: string, fallback: T, isValid: (v: unknown) => v is T): Promise<T> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

/** Writes a small JSON file atomically, creating its folder. */
export async function writeJson(dir: string, file: string, value: unknown): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
