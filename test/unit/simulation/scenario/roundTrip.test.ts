/**
 * A scenario survives saving and opening unchanged, and its file text is
 * canonical: the same scenario always gives the same bytes (formatVersion
 * first, the schema's key order, id maps sorted, distributions as kind then
 * their fields), and the committed example files are exactly what the
 * catalogue generates (`npx tsx simulation/cli/writeExamples.ts` rewrites them).
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { personSchema, scenarioSchema, serviceSchema, structureSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { validateScenario } from '../../../../simulation/scenario/validate';
import { keyOrders, repoFile, sortedIdOrder, validScenarioArb } from './arbitraries';

function open(text: string, fileName = 'scenario.handoff.json'): Scenario {
  const parsed = parseScenarioFile(text, fileName);
  if (!parsed.ok) throw new Error(`${fileName} did not open:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}

/** parse -> serialize -> parse gives the same scenario, and serializing again gives the same bytes. */
function expectRoundTrip(scenario: Scenario): string {
  const text = serializeScenario(scenario);
  const reopened = open(text);
  expect(reopened).toEqual(scenario);
  expect(serializeScenario(reopened)).toBe(text);
  return text;
}

const DISTRIBUTION_FIELDS: Record<string, string[]> = {
  exponential: ['kind', 'mean'],
  lognormal: ['kind', 'mean', 'sigma'],
  uniform: ['kind', 'min', 'max'],
  triangular: ['kind', 'min', 'mode', 'max'],
  empirical: ['kind', 'values'],
  constant: ['kind', 'value'],
};
const DISTRIBUTION_PATH = /(\.detection|\.hours|\.repairHours|\.hireDelayHours)$/;
const ID_MAP_PATH = /(^|\.)people\[\d+\]\.skills$|(^|\.)services\[\d+\]\.knowledge$|^layout\.positions$/;

/** The value at a path such as `services[0].work.stages[1].hours` (no keys with dots on the way). */
function valueAt(doc: unknown, path: string): unknown {
  return path
    .split(/\.|(?=\[)/)
    .reduce<unknown>((v, part) => (part.startsWith('[') ? (v as unknown[])[Number(part.slice(1, -1))] : (v as Record<string, unknown>)[part]), doc);
}

/** Checks the key order of a serialized scenario, reading it from the text itself. */
function expectCanonicalKeyOrder(text: string, scenario: Scenario): void {
  expect(text.startsWith('{\n  "formatVersion": ')).toBe(true);
  expect(text.endsWith('}\n')).toBe(true);
  const orders = keyOrders(text);
  const at = new Map(orders.map((o) => [o.path, o.keys]));
  expect(at.get('')).toEqual(Object.keys(scenarioSchema.shape));
  expect(at.get('structure')).toEqual(Object.keys(structureSchema.shape));
  scenario.people.forEach((_, i) => expect(at.get(`people[${i}]`)).toEqual(Object.keys(personSchema.shape)));
  scenario.services.forEach((_, i) => expect(at.get(`services[${i}]`)).toEqual(Object.keys(serviceSchema.shape)));
  const doc: unknown = JSON.parse(text);
  let idMaps = 0;
  let distributions = 0;
  for (const { path, keys } of orders) {
    if (ID_MAP_PATH.test(path)) {
      idMaps++;
      expect(keys, path).toEqual(sortedIdOrder(keys));
    }
    if (DISTRIBUTION_PATH.test(path)) {
      distributions++;
      const kind = valueAt(doc, path) as { kind: string };
      expect(keys, path).toEqual(DISTRIBUTION_FIELDS[kind.kind]);
    }
  }
  expect(distributions).toBeGreaterThanOrEqual(3 + scenario.services.length * 2);
  expect(idMaps).toBe(1 + scenario.people.length + scenario.services.length + scenario.variants.reduce((n, v) => n + (v.overrides.people?.length ?? 0) + (v.overrides.services?.length ?? 0), 0));
}

describe('example scenarios', () => {
  it.each(EXAMPLES.map((e) => [e.fileName, e] as const))('%s: the committed file is exactly what the catalogue generates', (_name, example) => {
    const committed = repoFile(`simulation/examples/${example.fileName}`);
    expect(committed, 'run `npx tsx simulation/cli/writeExamples.ts` to regenerate it').toBe(serializeScenario(scenarioSchema.parse(example.scenario())));
  });

  it('every committed example file is in the catalogue', () => {
    const files = readdirSync(new URL('../../../../simulation/examples/', import.meta.url)).filter((f) => f.endsWith('.handoff.json'));
    expect(files.sort()).toEqual(EXAMPLES.map((e) => e.fileName).sort());
  });

  it.each(EXAMPLES.map((e) => [e.fileName, e] as const))('%s: opens, round-trips and is canonical', (_name, example) => {
    const fromCatalogue = scenarioSchema.parse(example.scenario());
    const committed = repoFile(`simulation/examples/${example.fileName}`);
    const opened = open(committed, example.fileName);
    expect(opened).toEqual(fromCatalogue);
    const text = expectRoundTrip(opened);
    expect(text).toBe(committed);
    expectCanonicalKeyOrder(text, opened);
  });
});

describe('generated scenarios', () => {
  it('a valid scenario survives serialize -> parse unchanged, with no errors, and serializing is idempotent', () => {
    fc.assert(
      fc.property(validScenarioArb, (input) => {
        const scenario = scenarioSchema.parse(input);
        expect(validateScenario(scenario).errors).toEqual([]);
        const text = expectRoundTrip(scenario);
        expectCanonicalKeyOrder(text, scenario);
      }),
      { numRuns: 300 },
    );
  });

  it('the text does not depend on the order of keys in the document; unknown keys are refused, each by its path', () => {
    /**
     * The same document with every object's keys reversed and an unknown key
     * added to each (except id maps, where any id is a key; a person's
     * `skills` is an id map, the scenario's `skills` a list).
     */
    const shuffle = (value: unknown, key = ''): unknown => {
      if (Array.isArray(value)) return value.map((v) => shuffle(v));
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value).reverse().map(([k, v]) => [k, shuffle(v, k)] as const);
      return Object.fromEntries(['skills', 'knowledge', 'positions'].includes(key) ? entries : [...entries, ['zzUnknown', { note: 'dropped' }]]);
    };
    fc.assert(
      fc.property(validScenarioArb, (input) => {
        const text = serializeScenario(scenarioSchema.parse(input));
        const reordered = shuffle(JSON.parse(text));
        const unknownPaths = [...JSON.stringify(reordered).matchAll(/"zzUnknown"/g)].length;
        // Unknown fields are refused, each named by its path, rather than dropped without a word...
        const refused = parseScenarioFile(JSON.stringify(reordered), 'reordered.handoff.json');
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.errors.filter((e) => /zzUnknown: unknown field "zzUnknown"/.test(e)).length).toBe(unknownPaths);
        // ...and without them the order of keys changes nothing.
        const parsed = parseScenarioFile(JSON.stringify(reordered, (k, v: unknown) => (k === 'zzUnknown' ? undefined : v)), 'reordered.handoff.json');
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        expect(parsed.ok && serializeScenario(parsed.scenario)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('whole-number ids come first in a sorted map, in numeric order (the one order JSON can keep)', () => {
    const input = scenarioSchema.parse(JSON.parse(repoFile('simulation/examples/walled-data-team.handoff.json')));
    input.skills.push({ id: '10', name: 'Ten' }, { id: '9', name: 'Nine' }, { id: '09', name: 'Zero nine' }, { id: 'Zeta', name: 'Zeta' });
    input.people[0]!.skills = { 'ml-engineering': 0.4, '09': 0.1, '10': 0.2, '9': 0.3, Zeta: 0.5, backend: 0.5 };
    const text = expectRoundTrip(input);
    expect(keyOrders(text).find((o) => o.path === 'people[0].skills')!.keys).toEqual(['9', '10', '09', 'Zeta', 'backend', 'ml-engineering']);
  });
});
