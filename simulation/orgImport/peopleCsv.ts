import Papa from 'papaparse';
import type { ImportProblem } from './problems';

/** What a column of a people CSV may hold; only the name is required. */
export const PEOPLE_ROLES = ['name', 'team', 'role', 'skills', 'availability', 'email'] as const;
export type PeopleRole = (typeof PEOPLE_ROLES)[number];
export type PeopleMapping = Record<PeopleRole, string | null>;

export interface PeopleTable {
  file: string;
  columns: string[];
  /** Each row's cells and its spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  problems: ImportProblem[];
}

export interface CsvPerson {
  row: number;
  name: string;
  team: string | null;
  role: string | null;
  skills: Record<string, number>;
  availability: number | null;
  emails: string[];
}

/** A corrected value for a row's field, keyed `row:role`. */
export type PeopleFixes = Record<string, string>;
export const peopleFixKey = (row: number, role: PeopleRole) => `${row}:${role}`;

const GUESSES: Record<PeopleRole, RegExp> = {
  name: /^(full ?name|name|person|employee|display ?name)$/i,
  team: /^(team|squad|group|department|unit)( ?name)?$/i,
  role: /^(role|title|job ?title|position)$/i,
  skills: /^(skills?|competenc(e|ies)|expertise)$/i,
  availability: /^(availability|fte|capacity|allocation)$/i,
  email: /^(e-?mail|mail|email ?address|login)$/i,
};

/** Reads the table; rows are kept as text for the mapping step. */
export function readPeopleTable(text: string, file = 'people.csv'): PeopleTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const problems: ImportProblem[] = parsed.errors.map((e) => ({ file, line: (e.row ?? 0) + 1, reason: e.message }));
  const all = parsed.data;
  const headerAt = all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { file, columns: [], rows: [], problems: [...problems, { file, line: null, reason: 'the file is empty: it has no header row' }] };
  const columns = all[headerAt]!.map((c, i) => c.trim() || `column ${i + 1}`);
  const rows = all
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { file, columns, rows, problems };
}

/** The columns whose headers say what they hold; the user corrects the rest. */
export function guessPeopleMapping(columns: readonly string[]): PeopleMapping {
  const m = Object.fromEntries(PEOPLE_ROLES.map((r) => [r, null])) as PeopleMapping;
  for (const role of PEOPLE_ROLES) m[role] = columns.find((c) => GUESSES[role].test(c.trim())) ?? null;
  return m;
}

/** Splits at ; , and | outside parentheses, so "Backend (Scala, Ruby):0.8" is one skill. */
function skillParts(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ';' || ch === ',' || ch === '|')) {
      parts.push(cell.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(cell.slice(start));
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** "python:0.8; sql:0.6" (or "python=80%, sql:60%") -> levels; a skill without a level is refused. */
export function parseSkills(cell: string): { skills: Record<string, number>; error: string | null } {
  const skills: Record<string, number> = {};
  for (const part of skillParts(cell)) {
    const m = /^(.+?)\s*[:=]\s*([\d.]+)\s*(%?)$/.exec(part);
    if (!m) return { skills, error: `"${part}" is not skill:level (like python:0.8)` };
    const level = +m[2]! / (m[3] ? 100 : 1);
    if (!Number.isFinite(level) || level < 0 || level > 1) return { skills, error: `level of ${m[1]} must be from 0 to 1 (or 0% to 100%), not ${m[2]}${m[3]}` };
    skills[m[1]!.trim()] = level;
  }
  return { skills, error: null };
}

/** "0.6", "60%", "3/5" -> 0.6. */
export function parseAvailability(cell: string): number | string {
  const t = cell.trim();
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  const v = frac ? +frac[1]! / +frac[2]! : t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (!Number.isFinite(v) || v <= 0 || v > 1) return `"${t}" must be above 0 and at most 1 (or a percentage, or days like 3/5)`;
  return v;
}

/**
 * The people of the table under a mapping, with fixes applied; a row with a
 * field that cannot be read is listed (row, field, reason) and skipped whole,
 * so nobody is imported half-right.
 */
export function convertPeople(table: PeopleTable, mapping: PeopleMapping, fixes: PeopleFixes = {}): { people: CsvPerson[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...table.problems];
  const people: CsvPerson[] = [];
  if (!mapping.name) return { people, problems: [...problems, { file: table.file, line: null, field: 'name', reason: 'say which column holds the name' }] };
  const col = (role: PeopleRole) => (mapping[role] === null ? -1 : table.columns.indexOf(mapping[role]!));
  for (const { row, cells } of table.rows) {
    const cell = (role: PeopleRole) => {
      const fix = fixes[peopleFixKey(row, role)];
      if (fix !== undefined) return fix.trim();
      const i = col(role);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const bad: ImportProblem[] = [];
    const name = cell('name');
    if (!name) bad.push({ file: table.file, line: row, field: 'name', reason: 'the name is empty', value: '' });
    else if (name.length > 200) bad.push({ file: table.file, line: row, field: 'name', reason: 'the name is longer than 200 characters', value: name.slice(0, 40) });
    const sk = parseSkills(cell('skills'));
    if (sk.error) bad.push({ file: table.file, line: row, field: 'skills', reason: sk.error, value: cell('skills') });
    const av = cell('availability');
    const availability = av === '' ? null : parseAvailability(av);
    if (typeof availability === 'string') bad.push({ file: table.file, line: row, field: 'availability', reason: availability, value: av });
    if (bad.length) {
      problems.push(...bad.map((b) => ({ ...b, reason: `${b.reason}; row skipped` })));
      continue;
    }
    const emails = cell('email')
      .split(/[;,\s]+/)
      .map((e) => e.toLowerCase())
      .filter((e) => e.includes('@'));
    people.push({ row, name, team: cell('team') || null, role: cell('role') || null, skills: sk.skills, availability: availability as number | null, emails });
  }
  return { people, problems };
}
