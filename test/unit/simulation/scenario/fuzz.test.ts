/**
 * The loader against malformed input: random JSON and non-JSON values,
 * random text and bytes, and valid files damaged at random (ranges deleted,
 * characters inserted, truncation, numbers swapped for strings, huge,
 * negative or NaN-like values, nesting 10,000 levels deep, duplicate keys,
 * wrong types anywhere in the tree). Over 10,000 inputs in all.
 *
 * For every input: parseScenarioFile never throws; a refusal has at least
 * one error, every error a non-empty sentence matching its problem, and
 * every problem a path inside the scenario (an empty path only for a
 * whole-file problem, which names the file); an acceptance is a scenario the
 * schema accepts again, with no validation errors, that saves and reopens
 * to the same text. The time of every call is measured and the total (and
 * the slowest call) checked against generous bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile, parseScenarioValue, type ParsedScenario } from '../../../../simulation/scenario/parseScenario';
import { CURRENT_FORMAT_VERSION, personSchema, scenarioSchema, serviceSchema } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { formatProblem, validateScenario } from '../../../../simulation/scenario/validate';
import { repoFile } from './arbitraries';

const SMALL = [
  repoFile('simulation/examples/walled-data-team.handoff.json'),
  repoFile('simulation/examples/cross-functional-data-team.handoff.json'),
  repoFile('test/fixtures/scenarios/format-1.handoff.json'),
  repoFile('test/fixtures/scenarios/format-2.handoff.json'),
];
const LARGE = [repoFile('simulation/examples/platform-teams.handoff.json'), repoFile('simulation/examples/organisation-50.handoff.json')];
const TOP_LEVEL_KEYS = Object.keys(scenarioSchema.shape);
const FILE = 'fuzz.handoff.json';

/** What the fuzzing saw, checked at the end. */
const stats = { inputs: 0, refused: 0, opened: 0, totalMs: 0, slowestMs: 0, slowest: '' };

const preview = (value: unknown) => {
  const text = typeof value === 'string' ? value : fc.stringify(value);
  return text.length > 300 ? `${text.slice(0, 150)} ... ${text.slice(-150)} (${text.length} characters)` : text;
};

/** The checks every answer must pass. */
function checkAnswer(parsed: ParsedScenario, fileName: string, input: unknown): void {
  const where = () => `for input ${preview(input)}`;
  if (!parsed.ok) {
    stats.refused++;
    if (parsed.errors.length === 0) throw new Error(`no errors ${where()}`);
    if (parsed.problems.length !== parsed.errors.length) throw new Error(`${parsed.errors.length} errors but ${parsed.problems.length} problems ${where()}`);
    parsed.problems.forEach((p, i) => {
      if (typeof p.path !== 'string' || typeof p.message !== 'string' || p.message.trim() === '') throw new Error(`bad problem ${JSON.stringify(p)} ${where()}`);
      if (parsed.errors[i] !== formatProblem(p) || parsed.errors[i]!.trim() === '') throw new Error(`error ${i} does not match its problem ${where()}`);
      if (p.path === '') {
        if (!p.message.startsWith(`${fileName}: `)) throw new Error(`a problem with no path must be about the whole file: ${p.message} ${where()}`);
      } else if (!TOP_LEVEL_KEYS.includes(p.path.split(/[.[]/)[0]!) && !p.message.startsWith('unknown field') && !p.message.includes('appears twice')) {
        throw new Error(`path ${p.path} is not inside a scenario ${where()}`);
      }
    });
    return;
  }
  stats.opened++;
  if (!scenarioSchema.safeParse(parsed.scenario).success) throw new Error(`accepted a scenario the schema refuses ${where()}`);
  const { errors } = validateScenario(parsed.scenario);
  if (errors.length) throw new Error(`accepted a scenario with errors ${errors.map(formatProblem).join('; ')} ${where()}`);
  if (!parsed.warnings.every((w) => typeof w === 'string' && w.trim() !== '')) throw new Error(`a blank warning ${where()}`);
  if (parsed.migratedFrom !== null && !(Number.isInteger(parsed.migratedFrom) && parsed.migratedFrom < CURRENT_FORMAT_VERSION)) throw new Error(`migratedFrom ${parsed.migratedFrom} ${where()}`);
  // What opens can be saved, and the saved file opens to the same text.
  const saved = serializeScenario(parsed.scenario);
  const reopened = parseScenarioFile(saved, 'saved.handoff.json');
  if (!reopened.ok || serializeScenario(reopened.scenario) !== saved) throw new Error(`saving and reopening changed it ${where()}`);
}

function timed(run: () => ParsedScenario, input: unknown): ParsedScenario {
  const started = performance.now();
  let parsed: ParsedScenario;
  try {
    parsed = run();
  } catch (err) {
    throw new Error(`the loader threw ${String(err)} for input ${preview(input)}`, { cause: err });
  }
  const ms = performance.now() - started;
  stats.inputs++;
  stats.totalMs += ms;
  if (ms > stats.slowestMs) {
    stats.slowestMs = ms;
    stats.slowest = preview(input);
  }
  return parsed;
}

function openText(text: string, fileName = FILE): void {
  checkAnswer(
    timed(() => parseScenarioFile(text, fileName), text),
    fileName,
    text,
  );
}

function openValue(value: unknown, fileName = FILE): void {
  checkAnswer(
    timed(() => parseScenarioValue(value, fileName), value),
    fileName,
    value,
  );
}

// ---- damage done to a file's text ----

/** Text that is meaningful to JSON, or not. */
const insertion = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', '\ufeff', '\ud800', 'null', '-', 'e', '1e308', '/*', '\n'),
  fc.string({ unit: fc.constantFrom(...'{}[],:"0123456789.-eE tfn'), maxLength: 12 }),
);

/** A value that may replace a number or a string in the file. */
const replacement = fc.oneof(
  fc.constantFrom(
    '"12"', '1e308', '-1e308', '1e999', '-1e999', '-5', '-0', '-0.0', '"NaN"', 'NaN', '"Infinity"', 'Infinity', 'null', 'true', 'false', '[]', '{}', '""', '0', '1',
    '4294967296', '9007199254740993', '1.0000000000000002', '5e-324', '9'.repeat(400), `-${'9'.repeat(400)}`, `0.${'0'.repeat(400)}1`, '"__proto__"', '{"__proto__": {"x": 1}}',
    '"constructor"', '"toString"', '[1, 2, 3]', '{"kind": "constant", "value": 1}', `"${'x'.repeat(5000)}"`,
  ),
  fc.json({ maxDepth: 3 }),
  fc.integer().map(String),
  fc.double().map((v) => JSON.stringify(v)),
);

/** Nesting far deeper than any scenario: arrays, objects or both, up to 10,000 levels. */
const deepNesting = fc.tuple(fc.constantFrom(50, 1000, 10_000), fc.constantFrom('array', 'object', 'mixed')).map(([depth, kind]) => {
  if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '[{"a":'.repeat(depth >> 1) + '1' + '}]'.repeat(depth >> 1);
});

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const STRING_VALUE = /(?<=: )"(?:[^"\\]|\\.)*"/g;
const KEY = /"(?:[^"\\]|\\.)*"(?=: )/g;
const VALUE = /(?<=: )(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\[\]|\{\})/g;

/** Replaces the k-th match of `pattern` (modulo the number of matches). */
function replaceNth(text: string, pattern: RegExp, k: number, by: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text + by;
  const m = matches[k % matches.length]!;
  return text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
}

/** Inserts `by` just after the k-th occurrence of `char`. */
function insertAfterNth(text: string, char: string, k: number, by: string): string {
  const at: number[] = [];
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) at.push(i);
  if (at.length === 0) return by + text;
  const i = at[k % at.length]! + 1;
  return text.slice(0, i) + by + text.slice(i);
}

const KEYS = ['formatVersion', 'name', 'id', 'skills', 'people', 'services', 'team', 'kind', 'mean', 'values', 'owners', 'knowledge', 'run', 'horizonHours', 'layout', 'positions', '__proto__', 'constructor', 'toString', 'data-science'];

type Damage = (text: string) => string;
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 })).map(([at, n]): Damage => named(() => `delete ${n} characters at #${at}`, (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  })),
  fc.tuple(fc.nat(), insertion).map(([at, s]): Damage => named(() => `insert ${JSON.stringify(s)} at #${at}`, (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  })),
  fc.nat().map((at): Damage => named(() => `truncate at #${at}`, (t: string) => t.slice(0, at % (t.length + 1)))),
  fc.tuple(fc.nat(), replacement).map(([k, r]): Damage => named(() => `number #${k} := ${preview(r)}`, (t: string) => replaceNth(t, NUMBER, k, r))),
  fc.tuple(fc.nat(), replacement).map(([k, r]): Damage => named(() => `string value #${k} := ${preview(r)}`, (t: string) => replaceNth(t, STRING_VALUE, k, r))),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('"bad key!"', '""', '"__proto__"', '"constructor"', '"a.b[0]"'), fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)))).map(([k, r]): Damage => named(() => `key #${k} := ${r}`, (t: string) => replaceNth(t, KEY, k, r))),
  fc.tuple(fc.nat(), deepNesting).map(([k, nest]): Damage => named(() => `value #${k} := ${preview(nest)}`, (t: string) => replaceNth(t, VALUE, k, nest))),
  fc.tuple(fc.nat(), fc.constantFrom(...KEYS), replacement).map(([k, key, value]): Damage => named(() => `after { #${k} add "${key}": ${preview(value)}`, (t: string) => insertAfterNth(t, '{', k, `"${key}": ${value}, `))),
  fc.tuple(fc.nat(), fc.constantFrom(...KEYS), replacement).map(([k, key, value]): Damage => named(() => `after line #${k} add "${key}": ${preview(value)}`, (t: string) => insertAfterNth(t, '\n', k, `"${key}": ${value},\n`))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Damage => named(() => `swap characters #${a} and #${b}`, (t: string) => {
    const [i, j] = [a % (t.length || 1), b % (t.length || 1)].sort((x, y) => x - y) as [number, number];
    return t.slice(0, i) + t[j] + t.slice(i + 1, j) + t[i] + t.slice(j + 1);
  })),
);

// ---- damage done to a parsed document ----

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A function that fast-check prints as `label` in a counterexample. */
const named = <F extends object>(label: () => string, f: F): F => Object.assign(f, { [fc.toStringMethod]: label });

/** Every place in a document (a key of an object or an index of a list), as parent and key. */
function containers(doc: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        walk(x);
      });
    } else if (isPlainObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v, key: k });
        walk(x);
      }
    }
  };
  walk(doc);
  return out;
}

/** A wrong value of any kind, including what JSON cannot hold (for parseScenarioValue). */
const wrongValue = (withNonJson: boolean) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>('12', -1, -1e308, 1e308, 1.4, 0, '', 'NaN', null, true, [], {}, [[[]]], { kind: 'constant', value: -1 }, { 'bad key!': 1 }, 'x'.repeat(300)),
    ...(withNonJson ? [fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: true, withDate: true }), fc.constantFrom<unknown>(NaN, Infinity, -Infinity, undefined, -0, Symbol('s'), () => 1)] : []),
  );

/** A copy of a generated value (constants are one shared instance, and edits change what they are put in). */
function fresh(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value; // functions and symbols: nothing inside them is edited
  }
}

type Edit = (doc: unknown) => void;
const edit = (withNonJson: boolean): fc.Arbitrary<Edit> =>
  fc.tuple(fc.nat(), fc.constantFrom('set', 'set', 'set', 'delete', 'duplicate', 'empty', 'wrap', 'repeat'), wrongValue(withNonJson)).map(
    ([k, op, value]): Edit =>
      named(() => `${op} place #${k}${op === 'set' ? ` = ${preview(value)}` : ''}`, (doc: unknown) => {
        const all = containers(doc);
        if (all.length === 0) return;
        const { parent, key } = all[k % all.length]!;
        const p = parent as Record<string | number, unknown>;
        if (op === 'set') p[key] = fresh(value);
        else if (op === 'delete') {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete p[key];
        } else if (op === 'duplicate' && Array.isArray(parent)) parent.push(fresh(parent[key as number]));
        else if (op === 'empty') p[key] = Array.isArray(p[key]) ? [] : typeof p[key] === 'object' ? {} : p[key];
        else if (op === 'wrap') p[key] = [p[key]];
        else if (op === 'repeat' && Array.isArray(p[key])) p[key] = Array.from({ length: 500 }, () => (p[key] as unknown[])[0]);
      }),
  );

const NUM_RUNS = { json: 2000, anything: 1500, text: 1500, bytes: 1000, skeleton: 1500, smallText: 2500, smallTree: 1200, largeText: 150, largeTree: 150, values: 800 };

describe('the loader against malformed input', () => {
  it('random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => openText(JSON.stringify(value))), { numRuns: NUM_RUNS.json / 2 });
    fc.assert(fc.property(fc.json(), (text) => openText(text)), { numRuns: NUM_RUNS.json / 2 });
  });

  it('random values of any kind, given as already parsed', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true }), (value) => openValue(value)),
      { numRuns: NUM_RUNS.anything },
    );
  });

  it('random text and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => openText(text)), { numRuns: NUM_RUNS.text / 2 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'{}[],:"0123456789.-eE \ntrufalsn'), maxLength: 300 }), (text) => openText(text)), { numRuns: NUM_RUNS.text / 2 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, utf8) => openText(Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'), 'random.bin')),
      { numRuns: NUM_RUNS.bytes },
    );
  });

  it('documents with the right keys and random values', () => {
    const person = fc.dictionary(fc.constantFrom(...Object.keys(personSchema.shape)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });
    const service = fc.dictionary(fc.constantFrom(...Object.keys(serviceSchema.shape)), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    const skeleton = fc
      .tuple(
        fc.oneof(fc.constantFrom(1, 2, 2, 2), fc.jsonValue({ maxDepth: 1 })),
        fc.dictionary(fc.constantFrom(...TOP_LEVEL_KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
        fc.array(person, { maxLength: 4 }),
        fc.array(service, { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([formatVersion, rest, people, services, withLists]) => ({ ...rest, ...(withLists ? { people, services } : {}), formatVersion }));
    fc.assert(fc.property(skeleton, (doc) => openText(JSON.stringify(doc))), { numRuns: NUM_RUNS.skeleton });
  });

  it('valid small files damaged at random in their text (1 to 3 times)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), fc.array(damage, { minLength: 1, maxLength: 3 }), (text, damages) => openText(damages.reduce((t, d) => d(t), text))),
      { numRuns: NUM_RUNS.smallText },
    );
  });

  it('valid small files with wrong values, deletions and duplicates anywhere in the tree', () => {
    const parsed = SMALL.map((t) => JSON.parse(t) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: SMALL.length - 1 }), fc.array(edit(false), { minLength: 1, maxLength: 4 }), (which, edits) => {
        const doc = structuredClone(parsed[which]);
        for (const e of edits) e(doc);
        openText(JSON.stringify(doc));
      }),
      { numRuns: NUM_RUNS.smallTree },
    );
    // The same, handed over as a value: NaN, undefined, -0, Maps, functions and other things no JSON file holds.
    fc.assert(
      fc.property(fc.nat({ max: SMALL.length - 1 }), fc.array(edit(true), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const doc = structuredClone(parsed[which]);
        for (const e of edits) e(doc);
        openValue(doc);
      }),
      { numRuns: NUM_RUNS.values },
    );
  });

  it('larger files (platform teams, organisation of 50) damaged at random', () => {
    fc.assert(fc.property(fc.constantFrom(...LARGE), damage, (text, d) => openText(d(text))), { numRuns: NUM_RUNS.largeText });
    const parsed = LARGE.map((t) => JSON.parse(t) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: LARGE.length - 1 }), fc.array(edit(false), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const doc = structuredClone(parsed[which]);
        for (const e of edits) e(doc);
        openText(JSON.stringify(doc));
      }),
      { numRuns: NUM_RUNS.largeTree },
    );
  });

  it('nesting 10,000 levels deep, as the file and in each part of a scenario', () => {
    const walled = SMALL[0]!;
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const cases = [
      deepArray,
      deepObject,
      `{"formatVersion": 2, "name": ${deepObject}}`,
      walled.replace('"formatVersion": 2', `"formatVersion": ${deepArray}`),
      walled.replace('"kind": "lognormal"', `"kind": ${deepArray}`),
      walled.replace('"kind": "lognormal"', `"kind": "lognormal", "junk": ${deepObject}`),
      walled.replace('"backend": 0.5', `"backend": ${deepObject}`),
      walled.replace('"people": [', `"people": [${deepArray}, `),
      walled.replace('"owners": [', `"owners": [${deepArray}, `),
      walled.replace('"variants": []', `"variants": [${deepObject}]`),
      walled.replace('"positions": {}', `"positions": {"person:dana": ${deepObject}}`),
      '['.repeat(200_000),
    ];
    for (const text of cases) openText(text);
  });

  it(`checked at least 10,000 inputs, none slow`, () => {
    expect(stats.inputs).toBeGreaterThanOrEqual(10_000);
    expect(stats.refused).toBeGreaterThan(stats.inputs / 2);
    expect(stats.opened).toBeGreaterThan(100);
    // Generous bounds: the point is that no input makes the loader hang.
    expect(stats.slowestMs, `slowest input: ${stats.slowest}`).toBeLessThan(5_000);
    expect(stats.totalMs).toBeLessThan(60_000);
    console.info(
      `fuzzed the scenario loader with ${stats.inputs} inputs (${stats.refused} refused, ${stats.opened} opened) in ${(stats.totalMs / 1000).toFixed(1)} s of parsing; slowest call ${stats.slowestMs.toFixed(1)} ms, for ${stats.slowest.slice(0, 120)}`,
    );
  });
});
