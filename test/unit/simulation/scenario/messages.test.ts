/**
 * What the user reads when a file is wrong: the exact text of the errors for
 * the common mistakes, every problem of a file at once, and risks that are
 * warnings (the file still opens) rather than errors.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_CHARS, parseScenarioFile, type ParsedScenario } from '../../../../simulation/scenario/parseScenario';
import { CURRENT_FORMAT_VERSION } from '../../../../simulation/scenario/schema';
import { repoFile } from './arbitraries';

const WALLED = repoFile('simulation/examples/walled-data-team.handoff.json');
const FILE = 'walled.handoff.json';

/** Any JSON-shaped document (the walled example after an edit). */
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The walled data team example after `edit`, opened. */
function openEdited(edit: (doc: Doc) => void): ParsedScenario {
  const doc = JSON.parse(WALLED) as Doc;
  edit(doc);
  return parseScenarioFile(JSON.stringify(doc, null, 2), FILE);
}

const errorsOf = (parsed: ParsedScenario): string[] => (parsed.ok ? [] : parsed.errors);

/** What V8 says about text that is not JSON (its wording is the engine's, not ours). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the text is valid JSON');
}

describe('errors name the place and say what is wrong', () => {
  it('a skill level above 1', () => {
    const parsed = openEdited((d) => (d.people[0].skills['data-science'] = 1.4));
    expect(parsed).toEqual({
      ok: false,
      errors: ['people[0].skills.data-science: level 1.4 is above 1'],
      problems: [{ path: 'people[0].skills.data-science', message: 'level 1.4 is above 1' }],
    });
  });

  it('a skill level below 0, and knowledge above 1', () => {
    expect(errorsOf(openEdited((d) => (d.people[1].skills.backend = -0.1)))).toEqual(['people[1].skills.backend: level -0.1 is below 0']);
    expect(errorsOf(openEdited((d) => (d.services[1].knowledge.sam = 2)))).toEqual(['services[1].knowledge.sam: knowledge 2 is above 1']);
  });

  it('an owner who is not a person of the scenario', () => {
    expect(errorsOf(openEdited((d) => (d.services[0].owners = ['mel', 'nobody'])))).toEqual(['services[0].owners[1]: "nobody" is not a person of this scenario']);
  });

  it('a stage naming a skill the scenario does not have', () => {
    expect(errorsOf(openEdited((d) => (d.services[2].work.stages[1].skill = 'quantum-computing')))).toEqual([
      'services[2].work.stages[1].skill: "quantum-computing" is not a skill of this scenario',
    ]);
  });

  it('a duplicate person id, and a duplicate name (ignoring case and spaces)', () => {
    expect(errorsOf(openEdited((d) => d.people.push({ ...d.people[0], name: 'Dana again' })))).toEqual(['people[3].id: id "dana" is already used by people[0]']);
    expect(errorsOf(openEdited((d) => d.people.push({ ...d.people[0], id: 'dana-2', name: ' dana (DATA SCIENTIST) ' })))).toEqual([
      'people[3].name: name "dana (DATA SCIENTIST)" is already used by people[0]',
    ]);
  });

  it('a negative rate', () => {
    expect(errorsOf(openEdited((d) => (d.services[0].incidents.ratePerHour = -0.5)))).toEqual(['services[0].incidents.ratePerHour: ratePerHour -0.5 is below 0']);
    expect(errorsOf(openEdited((d) => (d.services[1].work.arrivals.ratePerHour = -1)))).toEqual(['services[1].work.arrivals.ratePerHour: ratePerHour -1 is below 0']);
  });

  it('a negative duration in a distribution', () => {
    expect(errorsOf(openEdited((d) => (d.absencePolicy.sickness.hours = { kind: 'constant', value: -8 })))).toEqual(['absencePolicy.sickness.hours: value must be >= 0']);
  });

  it('an empirical distribution with a hole in its values (given as a value, not a file), which a saved file would hold as null', async () => {
    const { parseScenarioValue } = await import('../../../../simulation/scenario/parseScenario');
    const doc = JSON.parse(WALLED) as Doc;
    const values = [1, 2, 3];
    delete values[1];
    doc.services[0].incidents.repairHours = { kind: 'empirical', values };
    const parsed = parseScenarioValue(doc, FILE);
    expect(errorsOf(parsed)).toEqual(['services[0].incidents.repairHours: every value must be a finite number']);
  });

  it('a horizon of 0 hours (one error: the warm-up is not blamed for it)', () => {
    expect(errorsOf(openEdited((d) => (d.run.horizonHours = 0)))).toEqual(['run.horizonHours: horizonHours 0 must be above 0']);
  });

  it('a warm-up as long as the horizon, or longer', () => {
    expect(errorsOf(openEdited((d) => (d.run.warmupHours = 2000)))).toEqual(['run.warmupHours: warm-up 2000 h is not shorter than the horizon 2000 h']);
    expect(errorsOf(openEdited((d) => (d.run.warmupHours = 2500)))).toEqual(['run.warmupHours: warm-up 2500 h is not shorter than the horizon 2000 h']);
  });

  it('a working day that would end after midnight, or starts at 24:00', () => {
    expect(errorsOf(openEdited((d) => (d.calendar.dayStartHour = 20)))).toEqual(['calendar.dayStartHour: a working day of 8 h from 20:00 would end after midnight; start it by 16:00']);
    expect(errorsOf(openEdited((d) => (d.calendar.dayStartHour = 24)))).toEqual(['calendar.dayStartHour: dayStartHour must be before 24 (midnight)']);
    expect(errorsOf(openEdited((d) => (d.calendar.dayStartHour = 16)))).toEqual([]);
  });

  it('a number too large for a file (1e999 reads as Infinity)', () => {
    expect(errorsOf(parseScenarioFile(WALLED.replace('"horizonHours": 2000', '"horizonHours": 1e999'), FILE))).toEqual(['run.horizonHours: horizonHours is too large: more than any number can hold (write a smaller value)']);
  });
});

describe('files that are not scenarios at all', () => {
  it('a truncated file', () => {
    const text = WALLED.slice(0, 300);
    expect(parseScenarioFile(text, FILE)).toEqual({
      ok: false,
      errors: [`${FILE}: not a scenario file: the text is not valid JSON (${jsonError(text)})`],
      problems: [{ path: '', message: `${FILE}: not a scenario file: the text is not valid JSON (${jsonError(text)})` }],
    });
  });

  it('an empty file, or one of only spaces', () => {
    expect(errorsOf(parseScenarioFile('', FILE))).toEqual([`${FILE}: the file is empty`]);
    expect(errorsOf(parseScenarioFile(' \n\t\r\n', FILE))).toEqual([`${FILE}: the file is empty`]);
  });

  it('a PNG image', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]).toString('utf8');
    expect(errorsOf(parseScenarioFile(png, 'photo.png'))).toEqual([`photo.png: not a scenario file: the text is not valid JSON (${jsonError(png)})`]);
  });

  it('an HTML page', () => {
    const html = '<!DOCTYPE html>\n<html lang="en"><head><title>Handoff</title></head><body><p>Not found</p></body></html>\n';
    expect(errorsOf(parseScenarioFile(html, 'page.html'))).toEqual([`page.html: not a scenario file: the text is not valid JSON (${jsonError(html)})`]);
  });

  it('JSON that is not an object', () => {
    for (const text of ['[]', '"scenario"', '42', 'null', 'true']) {
      expect(errorsOf(parseScenarioFile(text, FILE))).toEqual([`${FILE}: not a scenario file: expected a JSON object`]);
    }
  });

  it('a 60 MB file is refused before it is parsed', () => {
    const text = `{"formatVersion": 2, "description": "${'x'.repeat(60 * 1024 * 1024)}"}`;
    expect(text.length).toBeGreaterThan(MAX_SCENARIO_CHARS);
    const started = performance.now();
    expect(parseScenarioFile(text, 'huge.handoff.json')).toEqual({
      ok: false,
      errors: ['huge.handoff.json: is 60 MB; a scenario may be at most 50 MB'],
      problems: [{ path: '', message: 'huge.handoff.json: is 60 MB; a scenario may be at most 50 MB' }],
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a file from a newer version of Handoff', () => {
    expect(errorsOf(openEdited((d) => (d.formatVersion = 99)))).toEqual([
      `${FILE}: was written by a newer version of Handoff (format 99; this version reads formats up to ${CURRENT_FORMAT_VERSION}). Update Handoff to open it.`,
    ]);
  });

  it('a file with no formatVersion', () => {
    expect(errorsOf(openEdited((d) => delete d.formatVersion))).toEqual([`${FILE}: not a Handoff scenario: formatVersion is missing`]);
  });

  it('a file that starts with a byte order mark opens', () => {
    expect(parseScenarioFile(`\ufeff${WALLED}`, FILE).ok).toBe(true);
  });
});

describe('every problem is reported at once', () => {
  it('a file with three different errors gets three errors', () => {
    const parsed = openEdited((d) => {
      d.people[0].skills['data-science'] = 1.4; // range (schema)
      d.services[0].owners = ['nobody']; // reference
      d.run.warmupHours = 2500; // run settings
    });
    expect(errorsOf(parsed)).toEqual([
      'people[0].skills.data-science: level 1.4 is above 1',
      'services[0].owners[0]: "nobody" is not a person of this scenario',
      'run.warmupHours: warm-up 2500 h is not shorter than the horizon 2000 h',
    ]);
  });

  it('three schema errors, and three reference errors', () => {
    const schema = openEdited((d) => {
      d.name = '';
      d.services[1].criticality = 'urgent';
      d.calendar.daysPerWeek = 8;
    });
    expect(errorsOf(schema)).toEqual([
      'name: name is empty',
      'calendar.daysPerWeek: daysPerWeek 8 must be a whole number from 1 to 7',
      'services[1].criticality: Invalid option: expected one of "low"|"medium"|"high"',
    ]);
    const references = openEdited((d) => {
      d.people[2].team = 'ops';
      d.services[0].knowledge.zoe = 0.5;
      d.structure.assignments = [{ service: 'recommendations', skill: 'backend', person: 'sam-2' }];
    });
    expect(errorsOf(references)).toEqual([
      'people[2].team: "ops" is not a team of this scenario',
      'services[0].knowledge.zoe: "zoe" is not a person of this scenario',
      'structure.assignments[0].person: "sam-2" is not a person of this scenario',
    ]);
  });

  it('in a hand-written file that leaves out the fields with defaults, reference errors still come with schema errors, and nothing left out is taken for a broken reference', () => {
    const doc = JSON.parse(WALLED) as Doc;
    for (const p of doc.people) {
      delete p.team;
      delete p.absences;
      delete p.departureAt;
    }
    for (const s of doc.services) {
      delete s.team;
      delete s.criticality;
      delete s.work.review;
    }
    for (const t of doc.teams) delete t.interactions;
    doc.structure = { mode: 'walled' };
    for (const key of ['parameters', 'variants', 'incidentLogs', 'layout', 'description']) delete doc[key];
    expect(parseScenarioFile(JSON.stringify(doc), FILE).ok).toBe(true);
    doc.people[0].skills['data-science'] = 1.4;
    doc.services[0].owners = ['nobody'];
    expect(errorsOf(parseScenarioFile(JSON.stringify(doc), FILE))).toEqual([
      'people[0].skills.data-science: level 1.4 is above 1',
      'services[0].owners[0]: "nobody" is not a person of this scenario',
    ]);
  });

  it('a place the schema already reported is not reported twice', () => {
    expect(errorsOf(openEdited((d) => (d.people[0].skills['bad key!'] = 0.5)))).toEqual(['people[0].skills.bad key!: level must be an object of id: level']);
  });
});

describe('risks are warnings: the file opens', () => {
  function warningsOf(parsed: ParsedScenario): string[] {
    if (!parsed.ok) throw new Error(`expected the file to open:\n${parsed.errors.join('\n')}`);
    return parsed.warnings;
  }

  it('bus factor 1, naming the only person who knows the service', () => {
    expect(warningsOf(parseScenarioFile(WALLED, FILE))).toEqual([
      'services[0].knowledge: only Mel (ML engineer) can restore Recommendation service (bus factor 1)',
      'services[1].knowledge: only Mel (ML engineer) can restore Prediction API (bus factor 1)',
      'services[2].knowledge: only Sam (software engineer) can restore Core platform prediction module (bus factor 1)',
    ]);
  });

  it('bus factor 0', () => {
    expect(warningsOf(openEdited((d) => (d.services[2].knowledge = { sam: 0.2 })))).toContain(
      'services[2].knowledge: nobody knows Core platform prediction module well enough to restore it quickly (bus factor 0)',
    );
  });

  it('a stage nobody is qualified for', () => {
    const warnings = warningsOf(openEdited((d) => d.people.forEach((p: Doc) => (p.skills['data-science'] = 0))));
    expect(warnings).toContain('services[0].work.stages[0]: nobody in the team is qualified for the data-science stage of Recommendation service, so its work never finishes');
    expect(warnings).toContain('services[1].work.stages[0]: nobody in the team is qualified for the data-science stage of Prediction API, so its work never finishes');
  });

  it('a person with no skills', () => {
    expect(warningsOf(openEdited((d) => (d.people[2].skills = {})))).toContain('people[2].skills: Sam (software engineer) has no skills, so can take no work');
    expect(warningsOf(openEdited((d) => (d.people[2].skills = { backend: 0 })))).toContain('people[2].skills: Sam (software engineer) has no skills, so can take no work');
  });

  it('a walled service with incidents and no owner', () => {
    expect(warningsOf(openEdited((d) => (d.services[1].owners = [])))).toContain(
      'services[1].owners: Prediction API has no owner, so in a walled structure nobody responds to its incidents',
    );
  });
});

describe('variants are checked as the model they make', () => {
  it('a variant that drops a person reports the references to them in the base parts it inherits', async () => {
    const { EXAMPLES } = await import('../../../../simulation/examples/catalog');
    const { parseScenarioValue } = await import('../../../../simulation/scenario/parseScenario');
    const doc = EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario() as Record<string, unknown> & { people: { id: string }[] };
    const withoutMel = doc.people.filter((p) => p.id !== 'mel');
    const parsed = parseScenarioValue({ ...doc, variants: [{ id: 'no-mel', name: 'Without Mel', description: '', overrides: { people: withoutMel } }] }, 'x.handoff.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContain('variants[0] (Without Mel): services[0].owners[0]: "mel" is not a person of this scenario');
    // Problems of the base are not repeated for the variant.
    expect(parsed.errors.filter((e) => e.includes('services[1].owners[0]'))).toHaveLength(1);
  });
});
