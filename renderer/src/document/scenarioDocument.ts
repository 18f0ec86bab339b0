/**
 * The scenario document as the foundation knows it: a name and a description
 * inside a versioned envelope. The full model (people, services, workload,
 * structure) and its validation arrive with the scenario-format work and
 * replace this module's parser; the file stays one JSON object with
 * `formatVersion` first.
 */
export const CURRENT_FORMAT_VERSION = 1;

export interface ScenarioDocument {
  formatVersion: number;
  name: string;
  description: string;
}

export function emptyScenario(name = 'Untitled scenario'): ScenarioDocument {
  return { formatVersion: CURRENT_FORMAT_VERSION, name, description: '' };
}

export type ParseResult = { ok: true; doc: ScenarioDocument } | { ok: false; problems: string[] };

/** Reads a scenario file's text; every problem is reported with where it is. */
export function parseScenarioText(text: string, fileName: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`${fileName}: not a scenario file (the text is not valid JSON: ${(err as Error).message})`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [`${fileName}: not a scenario file (expected a JSON object)`] };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof record.formatVersion !== 'number') problems.push(`${fileName}: formatVersion is missing; this is not a Handoff scenario`);
  else if (record.formatVersion > CURRENT_FORMAT_VERSION) {
    problems.push(`${fileName}: written by a newer Handoff (format ${record.formatVersion}; this version reads up to ${CURRENT_FORMAT_VERSION})`);
  }
  if (typeof record.name !== 'string') problems.push(`${fileName}: name must be text`);
  if (record.description !== undefined && typeof record.description !== 'string') problems.push(`${fileName}: description must be text`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    doc: { formatVersion: CURRENT_FORMAT_VERSION, name: record.name as string, description: (record.description as string | undefined) ?? '' },
  };
}

/** The file text: stable key order and a final newline, so it diffs well. */
export function serializeScenario(doc: ScenarioDocument): string {
  return JSON.stringify({ formatVersion: doc.formatVersion, name: doc.name, description: doc.description }, null, 2) + '\n';
}
