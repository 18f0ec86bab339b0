/**
 * Every format version Handoff has ever written still opens: a fixture file
 * of each version lives in test/fixtures/scenarios/format-<n>.handoff.json.
 * Raising CURRENT_FORMAT_VERSION without adding a fixture of the new version
 * (and a migration to it) fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../../../simulation/scenario/defaults';
import { OLDEST_FORMAT_VERSION } from '../../../../simulation/scenario/migrations';
import { parseScenarioFile, parseScenarioValue } from '../../../../simulation/scenario/parseScenario';
import { CURRENT_FORMAT_VERSION, scenarioSchema } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { validateScenario } from '../../../../simulation/scenario/validate';

const fixtureUrl = (version: number) => new URL(`../../../fixtures/scenarios/format-${version}.handoff.json`, import.meta.url);
const fixture = (version: number) => readFileSync(fixtureUrl(version), 'utf8');
const versions = Array.from({ length: CURRENT_FORMAT_VERSION - OLDEST_FORMAT_VERSION + 1 }, (_, i) => OLDEST_FORMAT_VERSION + i);

describe('format versions', () => {
  it('the oldest version is 1 (the first release)', () => {
    expect(OLDEST_FORMAT_VERSION).toBe(1);
  });

  it.each(versions)('there is a fixture file of format %i, and it says so', (version) => {
    expect(existsSync(fixtureUrl(version)), `add test/fixtures/scenarios/format-${version}.handoff.json: a realistic file of format ${version}`).toBe(true);
    expect((JSON.parse(fixture(version)) as { formatVersion: unknown }).formatVersion).toBe(version);
  });

  it.each(versions)('the format %i fixture opens with no errors and reports what it was migrated from', (version) => {
    const parsed = parseScenarioFile(fixture(version), `format-${version}.handoff.json`);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.migratedFrom).toBe(version === CURRENT_FORMAT_VERSION ? null : version);
    expect(parsed.scenario.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(scenarioSchema.safeParse(parsed.scenario).success).toBe(true);
    expect(validateScenario(parsed.scenario).errors).toEqual([]);
    // Saved again, it is a file of the current format that opens as it is.
    const saved = serializeScenario(parsed.scenario);
    const reopened = parseScenarioFile(saved, 'saved.handoff.json');
    expect(reopened.ok && reopened.migratedFrom).toBeNull();
    expect(reopened.ok && reopened.scenario).toEqual(parsed.scenario);
  });

  it('the fixture of the current format is in canonical form (what saving it writes)', () => {
    const text = fixture(CURRENT_FORMAT_VERSION);
    const parsed = parseScenarioFile(text, 'current.handoff.json');
    expect(parsed.ok && serializeScenario(parsed.scenario)).toBe(text);
  });

  it('the format 2 fixture keeps its variants, incident log, on-call rotation and layout', () => {
    const parsed = parseScenarioFile(fixture(2), 'format-2.handoff.json');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const s = parsed.scenario;
    expect(s.name).toBe('Payments and the platform team');
    expect(s.variants.map((v) => v.id)).toEqual(['self-service-deploy', 'paired']);
    expect(s.incidentLogs[0]!.incidents.map((i) => i.id)).toEqual(['PD-1041', 'PD-1057', 'PD-1102']);
    expect(s.structure.onCall).toEqual({ enabled: true, rotation: ['ravi', 'tess'], shiftHours: 37.5 });
    expect(Object.keys(s.layout.positions)).toHaveLength(8);
    // Walled: Tess knows the pipeline but only its owner Ravi may respond to its incidents.
    expect(parsed.warnings).toEqual([
      'services[1].knowledge: only Li (fraud analyst) can restore Fraud rules engine (bus factor 1)',
      'services[2].knowledge: only Ravi (platform engineer) can restore Deployment pipeline (bus factor 1)',
    ]);
  });
});

describe('migrating a format 1 file', () => {
  const v1 = JSON.parse(fixture(1)) as { name: string; description: string };

  it('keeps the name and description and gets an empty, valid model with the default settings', () => {
    const parsed = parseScenarioFile(fixture(1), 'format-1.handoff.json');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.scenario.name).toBe('Checkout team: walls or not?');
    expect(parsed.scenario.description).toBe(v1.description);
    expect(parsed.scenario).toEqual({ ...emptyScenario(v1.name), description: v1.description });
    expect(parsed.scenario.skills).toEqual([]);
    expect(parsed.scenario.people).toEqual([]);
    expect(parsed.scenario.services).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('does not change the document it was given', () => {
    const doc = { formatVersion: 1, name: 'Old', description: 'Kept' };
    const before = structuredClone(doc);
    expect(parseScenarioValue(doc, 'old.handoff.json').ok).toBe(true);
    expect(doc).toEqual(before);
  });

  it('names a format 1 file with no name "Untitled scenario", and one with no description gets an empty one', () => {
    const parsed = parseScenarioValue({ formatVersion: 1 }, 'old.handoff.json');
    expect(parsed.ok && [parsed.scenario.name, parsed.scenario.description]).toEqual(['Untitled scenario', '']);
  });

  it('reports a name the current format refuses like any other problem, with its path', () => {
    expect(parseScenarioValue({ formatVersion: 1, name: '  ' }, 'old.handoff.json')).toEqual({
      ok: false,
      errors: ['name: name is empty'],
      problems: [{ path: 'name', message: 'name is empty' }],
    });
    const long = parseScenarioValue({ formatVersion: 1, name: 'x'.repeat(201) }, 'old.handoff.json');
    expect(!long.ok && long.errors).toEqual(['name: name is longer than 200 characters']);
    const longDescription = parseScenarioValue({ formatVersion: 1, name: 'Old', description: 'x'.repeat(10_001) }, 'old.handoff.json');
    expect(!longDescription.ok && longDescription.errors).toEqual(['description: Too big: expected string to have <=10000 characters']);
  });
});

describe('versions Handoff never wrote', () => {
  it.each([
    [0, 'old.handoff.json: formatVersion 0 is not a version Handoff has ever written'],
    [-1, 'old.handoff.json: formatVersion -1 is not a version Handoff has ever written'],
    [1.5, 'old.handoff.json: formatVersion 1.5 is not a version Handoff has ever written'],
    ['2', 'old.handoff.json: formatVersion "2" is not a version Handoff has ever written'],
    [null, 'old.handoff.json: formatVersion null is not a version Handoff has ever written'],
    [CURRENT_FORMAT_VERSION + 1, `old.handoff.json: was written by a newer version of Handoff (format ${CURRENT_FORMAT_VERSION + 1}; this version reads formats up to ${CURRENT_FORMAT_VERSION}). Update Handoff to open it.`],
  ])('formatVersion %j', (formatVersion, message) => {
    expect(parseScenarioValue({ formatVersion, name: 'x' }, 'old.handoff.json')).toEqual({ ok: false, errors: [message], problems: [{ path: '', message }] });
  });
});
