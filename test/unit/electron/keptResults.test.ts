import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostServices } from '../../../electron/node/hostServices';
import { resultsPathFor } from '../../../electron/node/resultsFiles';

let root: string;
let scenarioDir: string;
const makeServices = () =>
  createHostServices({ host: 'web', appVersion: '1.2.3', platform: 'linux', scenarioDir, dataDir: path.join(root, 'data'), now: () => new Date('2026-11-22T10:00:00Z') });

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-kept-'));
  scenarioDir = path.join(root, 'scenarios');
  await fs.mkdir(scenarioDir, { recursive: true });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('results kept beside a scenario', () => {
  it('names the results file after the scenario file', () => {
    expect(resultsPathFor('/a/team.handoff.json')).toBe('/a/team.handoff-results.json');
    expect(resultsPathFor('/a/Team.HANDOFF.JSON')).toBe('/a/Team.handoff-results.json');
    expect(resultsPathFor('/a/other.json')).toBe('/a/other.handoff-results.json');
  });

  it('writes them atomically beside the scenario and reads them back; none kept reads as null', async () => {
    const services = makeServices();
    const scenario = (await services.writeScenario('team.handoff.json', '{}')).path;
    expect(await services.readKeptResults(scenario)).toBeNull();
    const saved = await services.writeKeptResults(scenario, '{"format":"handoff-results"}');
    expect(saved.path).toBe(path.join(scenarioDir, 'team.handoff-results.json'));
    const read = await services.readKeptResults(scenario);
    expect(read?.text).toBe('{"format":"handoff-results"}');
    expect(read?.path).toBe(saved.path);
    // The results file is not offered as a scenario.
    expect((await services.listScenarioFiles()).map((f) => f.name)).toEqual(['team.handoff.json']);
  });

  it('refuses a scenario path outside the folder, and a results file that is a link', async () => {
    const services = makeServices();
    await expect(services.writeKeptResults(path.join(root, 'elsewhere.handoff.json'), '{}')).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(services.readKeptResults(path.join(root, 'elsewhere.handoff.json'))).rejects.toMatchObject({ code: 'forbidden-path' });
    const secret = path.join(root, 'secret.json');
    await fs.writeFile(secret, '{"secret":1}');
    const scenario = (await services.writeScenario('team.handoff.json', '{}')).path;
    await fs.symlink(secret, resultsPathFor(scenario));
    await expect(services.readKeptResults(scenario)).rejects.toMatchObject({ code: 'forbidden-path' });
  });
});
