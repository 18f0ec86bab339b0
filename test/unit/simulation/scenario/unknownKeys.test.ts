import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../simulation/scenario/decodeText';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { closest } from '../../../../simulation/scenario/unknownKeys';

const WALLED = readFileSync(new URL('../../../../simulation/examples/walled-data-team.handoff.json', import.meta.url), 'utf8');
const FILE = 'team.handoff.json';
const errorsOf = (text: string) => {
  const parsed = parseScenarioFile(text, FILE);
  return parsed.ok ? [] : parsed.errors;
};

describe('fields the format does not have', () => {
  it('names a misspelt top-level list and a misspelt run setting, with what was meant', () => {
    const text = WALLED.replace('"people":', '"peple":').replace('"horizonHours":', '"horizn":');
    const errors = errorsOf(text);
    expect(errors).toContain('peple: unknown field "peple" (did you mean "people"?); Handoff would not keep it, so the file is not opened: correct or remove it');
    expect(errors).toContain('run.horizn: unknown field "horizn" (did you mean "horizonHours"?); Handoff would not keep it, so the file is not opened: correct or remove it');
  });

  it('suggests the near field inside a list item and a distribution, and nothing for a far one', () => {
    const doc = JSON.parse(WALLED);
    doc.people[1].nmae = doc.people[1].name;
    delete doc.people[1].name;
    doc.services[0].incidents.repairHours.sigm = 1;
    doc.services[2].notes = 'keep me';
    const errors = errorsOf(JSON.stringify(doc));
    expect(errors.some((e) => e.startsWith('people[1].nmae: unknown field "nmae" (did you mean "name"?)'))).toBe(true);
    expect(errors.some((e) => e.startsWith('services[0].incidents.repairHours.sigm: unknown field "sigm" (did you mean "sigma"?)'))).toBe(true);
    expect(errors.some((e) => e.startsWith('services[2].notes: unknown field "notes";'))).toBe(true);
  });

  it('takes any id as a key of an id map (skills of a person), but checks what is inside', () => {
    const doc = JSON.parse(WALLED);
    const person = doc.people[0];
    expect(Object.keys(person.skills).length).toBeGreaterThan(0);
    expect(errorsOf(JSON.stringify(doc))).toEqual([]);
    doc.layout.positions[`person:${person.id}`] = { x: 1, y: 2, z: 3 };
    expect(errorsOf(JSON.stringify(doc)).some((e) => /^layout\.positions\..*\.z: unknown field "z"/.test(e))).toBe(true);
  });

  it('finds near names by edit distance, swaps included, and not far ones', () => {
    expect(closest('horizn', ['horizonHours', 'warmupHours'])).toBe('horizonHours');
    expect(closest('horizonHuors', ['horizonHours', 'warmupHours'])).toBe('horizonHours');
    expect(closest('peple', ['people', 'services'])).toBe('people');
    expect(closest('xyz', ['people'])).toBe(null);
  });
});

describe('duplicate keys', () => {
  it('names a key given twice in one object (JSON.parse would keep only the last)', () => {
    const text = WALLED.replace('"name": "Walled data team",', '"name": "First",\n  "name": "Walled data team",');
    expect(errorsOf(text)).toEqual(['name: "name" appears twice in the same object; only one value can be kept, so the file is not opened: remove one']);
  });

  it('gives the path of a duplicate deep in a list, and accepts the same key in different objects', () => {
    const doc = JSON.parse(WALLED);
    const text = JSON.stringify(doc, null, 2).replace(`"id": "${doc.people[2].id}",`, `"id": "${doc.people[2].id}",\n"team": null,`);
    const team = doc.people[2].team === null ? 'null' : `"${doc.people[2].team}"`;
    expect(text).toContain(`"team": ${team}`);
    expect(errorsOf(text)).toEqual(['people[2].team: "team" appears twice in the same object; only one value can be kept, so the file is not opened: remove one']);
  });

  it('reads keys with escapes as JSON does', () => {
    const text = WALLED.replace('"name": "Walled data team",', '"n\\u0061me": "First",\n  "name": "Walled data team",');
    expect(errorsOf(text)[0]).toMatch(/^name: "name" appears twice/);
  });
});

describe('encodings', () => {
  const utf16 = (text: string, bigEndian: boolean) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
      out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return out;
  };

  it('reads a UTF-16 file (either byte order) as the scenario it is', () => {
    for (const be of [false, true]) expect(parseScenarioFile(decodeText(utf16(WALLED, be)), FILE).ok).toBe(true);
  });

  it('opens a file with two byte-order marks', () => {
    expect(parseScenarioFile('\uFEFF\uFEFF' + WALLED, FILE).ok).toBe(true);
    expect(parseScenarioFile(decodeText(new TextEncoder().encode('\uFEFF\uFEFF' + WALLED)), FILE).ok).toBe(true);
  });

  it('says what to do with UTF-16 text read as UTF-8, instead of "Unexpected token"', () => {
    const asUtf8 = new TextDecoder('utf-8').decode(utf16(WALLED, false));
    expect(errorsOf(asUtf8)).toEqual([`${FILE}: is saved as UTF-16 text, and Handoff reads UTF-8: save it again as UTF-8 (in most editors: Save with Encoding > UTF-8)`]);
  });
});

describe('an empty key', () => {
  it('is named in the path when it appears twice (found by the fuzz test: the path was empty, as if about the whole file)', () => {
    const r = parseScenarioFile('{"": 1, "": 2}', 'x.handoff.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '[""]', message: expect.stringContaining('appears twice') });
  });
});
