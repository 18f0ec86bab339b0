import { z } from 'zod';
import { migrate, OLDEST_FORMAT_VERSION } from './migrations';
import { CURRENT_FORMAT_VERSION, scenarioSchema, type Scenario } from './schema';
import { duplicateKeyProblems } from './duplicateKeys';
import { unknownKeyProblems } from './unknownKeys';
import { formatPath, formatProblem, validateScenario, type Problem } from './validate';

/** Largest scenario file accepted (characters of JSON). */
export const MAX_SCENARIO_CHARS = 50 * 1024 * 1024;

export type ParsedScenario =
  | { ok: true; scenario: Scenario; warnings: string[]; migratedFrom: number | null }
  | { ok: false; errors: string[]; problems: Problem[] };

const fail = (fileName: string, message: string): ParsedScenario => ({
  ok: false,
  errors: [`${fileName}: ${message}`],
  problems: [{ path: '', message: `${fileName}: ${message}` }],
});

/**
 * Reads a scenario file's text into a scenario: JSON, then the format
 * version (older versions are migrated step by step; newer ones are refused
 * with a clear message), then the schema, then the cross-references. Every
 * problem found is returned at once, each with its path. Never throws.
 */
export function parseScenarioFile(text: string, fileName: string): ParsedScenario {
  if (typeof text !== 'string') return fail(fileName, 'not a text file');
  if (text.length > MAX_SCENARIO_CHARS) return fail(fileName, `is ${(text.length / 1024 / 1024).toFixed(0)} MB; a scenario may be at most 50 MB`);
  // Byte-order marks (one, or two where an editor added another) say nothing about the content.
  const body = text.replace(/^\uFEFF+/, '');
  if (looksLikeUtf16(body)) return fail(fileName, 'is saved as UTF-16 text, and Handoff reads UTF-8: save it again as UTF-8 (in most editors: Save with Encoding > UTF-8)');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail(fileName, body.trim() === '' ? 'the file is empty' : `not a scenario file: the text is not valid JSON (${detail})`);
  }
  const duplicates = duplicateKeyProblems(body);
  if (duplicates.length) return { ok: false, errors: duplicates.map(formatProblem), problems: duplicates };
  return parseScenarioValue(json, fileName);
}

/** UTF-16 read as UTF-8: a NUL beside every ASCII letter, or its byte-order mark turned into two replacement characters. */
function looksLikeUtf16(text: string): boolean {
  if (/^\uFFFD\uFFFD/.test(text)) return true;
  const head = text.slice(0, 200);
  return head.length >= 4 && (head.match(/\0/g)?.length ?? 0) >= head.length / 3;
}

/**
 * The document as the schema would read it, as far as it can: defaults filled
 * in where a field is left out (as in a hand-written file), the parts that
 * pass parsed, the parts that fail left as they are.
 */
function asFarAsValid(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodDefault) return value === undefined ? schema.parse(undefined) : asFarAsValid(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodNullable) return value === null ? null : asFarAsValid(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodOptional) return value === undefined ? undefined : asFarAsValid(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fields = Object.entries(schema.shape as Record<string, z.ZodType>);
    return Object.fromEntries(fields.map(([key, field]) => [key, asFarAsValid(field, (value as Record<string, unknown>)[key])]));
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((item: unknown) => asFarAsValid(schema.element as z.ZodType, item));
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : value;
}

/**
 * Reference problems of a document that failed the schema, so the user sees
 * them in the same pass (checked with defaults filled in, so that a field
 * left out is not taken for a broken reference, and without repeating a
 * place the schema already reported); where its shape is too broken to
 * check, none.
 */
function crossReferenceProblems(doc: Record<string, unknown>, reported: readonly Problem[]): Problem[] {
  try {
    const seen = new Set(reported.map((p) => p.path));
    return validateScenario(asFarAsValid(scenarioSchema, doc) as Scenario).errors.filter((p) => !seen.has(p.path));
  } catch {
    return [];
  }
}

/** As {@link parseScenarioFile}, for a value already parsed from JSON. */
export function parseScenarioValue(json: unknown, fileName: string): ParsedScenario {
  try {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(fileName, 'not a scenario file: expected a JSON object');
    const doc = json as Record<string, unknown>;
    const version = doc.formatVersion;
    if (version === undefined) return fail(fileName, 'not a Handoff scenario: formatVersion is missing');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_FORMAT_VERSION) {
      return fail(fileName, `formatVersion ${JSON.stringify(version)} is not a version Handoff has ever written`);
    }
    if (version > CURRENT_FORMAT_VERSION) {
      return fail(fileName, `was written by a newer version of Handoff (format ${version}; this version reads formats up to ${CURRENT_FORMAT_VERSION}). Update Handoff to open it.`);
    }
    const migrated = migrate(doc, CURRENT_FORMAT_VERSION);
    const unknown = unknownKeyProblems(scenarioSchema, migrated.doc);
    const parsed = scenarioSchema.safeParse(migrated.doc);
    if (unknown.length) {
      const problems = [...unknown, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })))];
      return { ok: false, errors: problems.map(formatProblem), problems };
    }
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
      problems.push(...crossReferenceProblems(migrated.doc, problems));
      return { ok: false, errors: problems.map(formatProblem), problems };
    }
    const { errors, warnings } = validateScenario(parsed.data);
    if (errors.length) return { ok: false, errors: errors.map(formatProblem), problems: errors };
    return { ok: true, scenario: parsed.data, warnings: warnings.map(formatProblem), migratedFrom: migrated.from === CURRENT_FORMAT_VERSION ? null : migrated.from };
  } catch (err) {
    // Pathological input (e.g. nesting deeper than the stack) must still give an answer, not a crash.
    return fail(fileName, `could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}
