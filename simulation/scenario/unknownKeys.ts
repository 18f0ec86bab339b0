/**
 * Fields of a scenario file that the format does not have: a misspelt
 * `peple` or `run.horizn` would otherwise be dropped without a word (the
 * schema reads only the fields it knows), and with it what the user wrote.
 * Each is named with its path and, where a known field is close, a "did you
 * mean". Maps keyed by id (a person's `skills`, a service's `knowledge`,
 * the layout's `positions`) take any key and are not checked.
 */
import { z } from 'zod';
import { distributionSchema } from './distributionSchema';
import { formatPath, type Problem } from './validate';

/** The fields of each kind of distribution (their values are checked by the distribution's own rules). */
const DISTRIBUTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  exponential: ['kind', 'mean'],
  lognormal: ['kind', 'mean', 'sigma'],
  uniform: ['kind', 'min', 'max'],
  triangular: ['kind', 'min', 'mode', 'max'],
  empirical: ['kind', 'values'],
  constant: ['kind', 'value'],
};

/** `people[2].name`, or `people[2]["odd key"]` where the key is not a plain name. */
const pathTo = (path: readonly PropertyKey[], key: string): string =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? formatPath([...path, key]) : `${formatPath(path)}[${JSON.stringify(key)}]`;

function unknownField(path: readonly PropertyKey[], key: string, known: readonly string[]): Problem {
  const near = closest(key, known);
  return { path: pathTo(path, key), message: `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}; Handoff would not keep it, so the file is not opened: correct or remove it` };
}

export function unknownKeyProblems(schema: z.ZodType, value: unknown): Problem[] {
  const problems: Problem[] = [];
  walk(schema, value, [], problems);
  return problems;
}

function walk(schema: z.ZodType, value: unknown, path: PropertyKey[], out: Problem[]): void {
  if (value === null || typeof value !== 'object') return;
  if (schema === distributionSchema) {
    const kind = (value as { kind?: unknown }).kind;
    const fields = typeof kind === 'string' && Object.hasOwn(DISTRIBUTION_FIELDS, kind) ? DISTRIBUTION_FIELDS[kind]! : null;
    if (fields && !Array.isArray(value)) for (const key of Object.keys(value)) if (!fields.includes(key)) out.push(unknownField(path, key, fields));
    return;
  }
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return walk(schema.unwrap() as z.ZodType, value, path, out);
  }
  if (schema instanceof z.ZodArray) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(schema.element as z.ZodType, item, [...path, i], out));
    return;
  }
  if (schema instanceof z.ZodRecord) {
    // Any key (an id); the values are checked.
    if (!Array.isArray(value)) for (const [key, item] of Object.entries(value)) walk(schema.valueType as z.ZodType, item, [...path, key], out);
    return;
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    const tag = (value as Record<string, unknown>)[key];
    const option = (schema.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && (o.shape[key] as z.ZodType).safeParse(tag).success);
    if (option) walk(option, value, path, out);
    return;
  }
  if (!(schema instanceof z.ZodObject) || Array.isArray(value)) return;
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) {
      out.push(unknownField(path, key, known));
      continue;
    }
    walk(shape[key]!, (value as Record<string, unknown>)[key], [...path, key], out);
  }
}

/** The known name nearest to `key` in edit distance (or its start), if near enough to be a slip (at most 1 edit in 4 letters, at least 1, at most 3). */
export function closest(key: string, known: readonly string[]): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 4))) + 0.25;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const k = key.toLowerCase();
    const n = name.toLowerCase();
    // A slip in a shortened name counts as near too (`horizn` for `horizonHours`).
    const prefixes = k.length >= 4 && n.length > k.length + 1 ? [n.slice(0, k.length), n.slice(0, k.length + 1)] : [];
    const d = Math.min(editDistance(k, n), ...prefixes.map((p) => editDistance(k, p) + 0.25));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** Levenshtein distance with adjacent swaps (Damerau, optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
