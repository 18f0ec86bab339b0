import { describe, expect, it } from 'vitest';
import { convertPeople, guessPeopleMapping, parseSkills, peopleFixKey, readPeopleTable } from '../../../../simulation/orgImport/peopleCsv';

const CSV = `Employee,Squad,Title,Expertise,FTE
Ana Lima,Payments,Engineer,python:0.8; sql:60%,1
Ben,Payments,Engineer,python,0.5
,Payments,,,
Chloe,Search,Analyst,,120%
Dev,,Engineer,,3/5
`;

describe('people CSV', () => {
  const table = readPeopleTable(CSV, 'hr.csv');
  const mapping = guessPeopleMapping(table.columns);

  it('guesses columns from any header names', () => {
    expect(mapping).toEqual({ name: 'Employee', team: 'Squad', role: 'Title', skills: 'Expertise', availability: 'FTE', email: null });
  });

  it('imports good rows and lists bad ones by spreadsheet row and field', () => {
    const { people, problems } = convertPeople(table, mapping);
    expect(people.map((p) => [p.row, p.name, p.team, p.availability])).toEqual([
      [2, 'Ana Lima', 'Payments', 1],
      [6, 'Dev', null, 0.6],
    ]);
    expect(people[0]!.skills).toEqual({ python: 0.8, sql: 0.6 });
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'skills'],
      [4, 'name'],
      [5, 'availability'],
    ]);
    expect(problems[2]!.reason).toContain('must be above 0 and at most 1');
  });

  it('imports a row once it is fixed', () => {
    const { people, problems } = convertPeople(table, mapping, { [peopleFixKey(5, 'availability')]: '80%', [peopleFixKey(3, 'skills')]: 'python:0.5' });
    expect(people.find((p) => p.name === 'Chloe')!.availability).toBe(0.8);
    expect(people.find((p) => p.name === 'Ben')!.skills).toEqual({ python: 0.5 });
    expect(problems.map((p) => p.line)).toEqual([4]);
  });

  it('needs a name column', () => {
    expect(convertPeople(table, { ...mapping, name: null }).problems.at(-1)).toMatchObject({ field: 'name', line: null });
    expect(parseSkills('a:2').error).toContain('from 0 to 1');
    // Separators inside parentheses belong to the name.
    expect(parseSkills('Backend (Scala, Ruby):0.8, sql:60%')).toEqual({ skills: { 'Backend (Scala, Ruby)': 0.8, sql: 0.6 }, error: null });
    expect(parseSkills('python, sql:0.6').error).toContain('"python" is not skill:level');
  });
});
