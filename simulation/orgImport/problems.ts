/**
 * What an importer could not read, said the way the incident import says it:
 * the file, the line (1-based, as an editor numbers it; null for the file as
 * a whole), the field when there is one, and the reason in words.
 */
export interface ImportProblem {
  file: string;
  line: number | null;
  field?: string;
  reason: string;
  /** The text that was refused, when there is one (for the fix field). */
  value?: string;
}

/** "people.csv line 4 (availability): ..." */
export function formatProblem(p: ImportProblem): string {
  return `${p.file}${p.line === null ? '' : ` line ${p.line}`}${p.field ? ` (${p.field})` : ''}: ${p.reason}`;
}

/** The key several sources use for one team, person or service: lower case, runs of anything but letters and digits as one dash. */
export function keyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
