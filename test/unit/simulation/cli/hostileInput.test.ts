import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliErrorLine, UsageError } from '../../../../simulation/cli/cliErrors';
import { main } from '../../../../simulation/cli/main';
import { printable } from '../../../../simulation/cli/printable';
import { csvText } from '../../../../simulation/report/csvText';

const example = path.resolve(import.meta.dirname, '../../../../simulation/examples/walled-data-team.handoff.json');
const ESC = '\u001b';
/** Names a hostile scenario could carry: formulas for a spreadsheet, escape codes for a terminal. */
const PEOPLE = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|/C calc!A0', `-2${ESC}]0;owned${'\u0007'}`];
const SERVICES = ['@SUM(1+1)*cmd|"/C calc"!A0', '\tTabbed =1+1', `${ESC}[2J${ESC}[31mCleared screen`];

let dir: string;
let hostile: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-hostile-'));
  const doc = JSON.parse(await fs.readFile(example, 'utf8'));
  doc.name = `Hostile ${ESC}[5mblink`;
  doc.people.forEach((p: { name: string }, i: number) => (p.name = PEOPLE[i]!));
  doc.services.forEach((s: { name: string }, i: number) => (s.name = SERVICES[i]!));
  hostile = path.join(dir, 'hostile.handoff.json');
  await fs.writeFile(hostile, JSON.stringify(doc, null, 2));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scenario file edited as plain JSON
async function writeScenario(name: string, edit: (doc: any) => void): Promise<string> {
  const doc = JSON.parse(await fs.readFile(example, 'utf8'));
  edit(doc);
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(doc));
  return file;
}

describe('CSV formula injection', () => {
  it('neutralises text cells that a spreadsheet would run, and leaves numbers as numbers', () => {
    for (const bad of ['=1+1', '+1', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1', '＝1']) expect(csvText(bad)).toBe(`'${bad}`);
    for (const fine of ['Dana', '1-2', 'a=b', '']) expect(csvText(fine)).toBe(fine);
  });

  it('writes no cell of the command line CSV that starts a formula, with numbers (negative ones too) unchanged', { timeout: 120_000 }, async () => {
    const csvDir = path.join(dir, 'csv');
    await main([hostile, '--reps', '3', '--seed', '5', '--workers', '1', '--quiet', '--csv', csvDir]);
    let textCells = 0;
    let negativeNumbers = 0;
    for (const name of await fs.readdir(csvDir)) {
      const rows = Papa.parse<string[]>(await fs.readFile(path.join(csvDir, name), 'utf8'), { skipEmptyLines: true }).data;
      for (const cell of rows.flat()) {
        if (/^-\d/.test(cell) && Number.isFinite(Number(cell))) negativeNumbers++;
        else expect(cell, `${name}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
        if (cell.startsWith("'")) textCells++;
      }
    }
    const people = await fs.readFile(path.join(csvDir, 'people.csv'), 'utf8');
    expect(people).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    // Three people and one service (names are trimmed, so the tab goes) in two variants.
    expect(textCells).toBe(8);
    expect(negativeNumbers).toBeGreaterThan(0);
  });
});

describe('terminal escape codes', () => {
  it('strips control characters, keeping line breaks', () => {
    expect(printable(`a${ESC}[31mred${ESC}]0;title\u0007\u009b1m\u202eb\nc\td`)).toBe('a[31mred]0;title1mb\nc d');
  });

  it('prints no escape code from names in the scenario', { timeout: 120_000 }, async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      await main([hostile, '--reps', '2', '--seed', '5', '--workers', '1', '--variant', 'walled']);
    } finally {
      spy.mockRestore();
    }
    const text = written.join('');
    expect(text).toContain('Walled');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('one clear line per error', () => {
  it('says an unknown option in one line', async () => {
    const e = await main([hostile, '--horizon', '5']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(cliErrorLine(e)).toMatch(/^Unknown option '--horizon'.*usage\)$/);
    expect(cliErrorLine(e)).not.toContain('\n');
  });

  it.each(['--out', '--report', '--pdf', '--csv'])('refuses %s into a missing folder before running, in one line', async (option) => {
    const target = path.join(dir, 'no-such-folder', 'deeper', option === '--csv' ? 'tables' : 'file.out');
    const e = await main([hostile, '--reps', '1', '--workers', '1', '--quiet', option, target]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(cliErrorLine(e)).toMatch(new RegExp(`^${option}: cannot write .*: the folder .* does not exist$`));
  });

  it('prints an unexpected failure without its stack', () => {
    const line = cliErrorLine(new TypeError('boom'));
    expect(line).toBe('simulate failed: boom (set HANDOFF_DEBUG=1 for details)');
  });
});

describe('absurd horizons and rates', () => {
  it('refuses a horizon of 1e308 hours at once, saying the bound', async () => {
    const file = await writeScenario('horizon.handoff.json', (d) => (d.run.horizonHours = 1e308));
    const started = Date.now();
    const e = await main([file, '--workers', '1', '--quiet']).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((e as Error).message).toMatch(/run\.horizonHours: horizonHours 1e\+308 h is above 1,000,000 h/);
  });

  it('refuses an incident rate of 1e9 per hour, saying the bound', async () => {
    const file = await writeScenario('rate.handoff.json', (d) => (d.services[0].incidents.ratePerHour = 1e9));
    const e = await main([file, '--workers', '1', '--quiet']).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/services\[0\]\.incidents\.ratePerHour: ratePerHour 1000000000 is above 1,000/);
  });

  it('refuses a run whose rates are allowed but whose size is not, with the reason, before starting', async () => {
    const file = await writeScenario('big.handoff.json', (d) => {
      d.run.horizonHours = 1_000_000;
      d.services[0].incidents.ratePerHour = 100;
    });
    const started = Date.now();
    const e = await main([file, '--workers', '1', '--quiet']).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/One replication would simulate about 4\d\d million events \(mostly service .*: 100 million incidents per replication\); the limit is 50 million\./);
  });

  it('asks for --large above the budget of a few minutes', async () => {
    const file = await writeScenario('large.handoff.json', (d) => (d.run.horizonHours = 200_000));
    const e = await main([file, '--workers', '1', '--quiet', '--reps', '2000']).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/takes minutes\. Add --large to run it anyway\.$/);
  });
});
