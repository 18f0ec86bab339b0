/**
 * `npm run import-org -- [--people FILE.csv] [--catalog FILE.yaml|DIR]...
 *   [--codeowners FILE] [--git-log FILE] [--into scenario.handoff.json]
 *   --out new.handoff.json [--half-life DAYS] [--map FOLDER=SERVICE]...
 *   [--author EMAIL=PERSON]... [--column ROLE=HEADER]...`
 *
 * The app's organisation import, headless: reads the files, prints what it
 * read, what it refused (file, line and reason) and the organisation that
 * results (teams, people, services, bus factors), and writes the scenario.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildOrganisation } from '../orgImport/buildOrganisation';
import { GIT_LOG_COMMAND } from '../orgImport/gitLog';
import { applyMergePlan, planMerge } from '../orgImport/mergePlan';
import { PEOPLE_ROLES, type PeopleRole } from '../orgImport/peopleCsv';
import { keyOf } from '../orgImport/problems';
import { readSources, suggestChoices, type SourceKind } from '../orgImport/readSources';
import { ADD_PERSON } from '../orgImport/sources';
import { describeOrganisation, problemLines } from '../orgImport/summary';
import { emptyScenario } from '../scenario/defaults';
import { parseScenarioFile } from '../scenario/parseScenario';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import { serializeScenario } from '../scenario/serialize';
import { validateScenario } from '../scenario/validate';

const USAGE = `usage: npm run import-org -- [--people FILE.csv] [--catalog FILE.yaml|DIR]... [--codeowners FILE] [--git-log FILE]
       [--into scenario.handoff.json] --out new.handoff.json [--half-life DAYS] [--map FOLDER=SERVICE]... [--author EMAIL=PERSON|-|+]...
       [--column ROLE=HEADER]...
  --catalog    a Backstage catalog file, or a folder searched for *.yaml/*.yml; repeat for more
  --git-log    the output of: ${GIT_LOG_COMMAND}
  --into       merge into this scenario (default: a new, empty one)
  --half-life  knowledge from the history halves every DAYS since a person's last change to a file (default 365; 0: off)
  --map        put a folder of the repository in a service (a new one if no source has it); SERVICE empty: not a service
  --author     say who an author of the history is (by any of their emails): a person's name, - to leave them out, + to add them
  --column     say which column of the people CSV holds ${PEOPLE_ROLES.join(', ')}`;

export class UsageError extends Error {}

/** Paths as the user typed them: npm runs scripts in the package folder, and says where it was started in INIT_CWD. */
const here = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function catalogFiles(arg: string): Promise<string[]> {
  const stat = await fs.stat(here(arg)).catch(() => {
    throw new UsageError(`cannot read ${arg}`);
  });
  if (!stat.isDirectory()) return [arg];
  const entries = await fs.readdir(here(arg), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function read(file: string, kind: SourceKind): Promise<{ name: string; text: string; kind: SourceKind }> {
  const text = await fs.readFile(here(file), 'utf8').catch(() => {
    throw new UsageError(`cannot read ${file}`);
  });
  return { name: path.basename(file), text, kind };
}

function pairs(list: readonly string[] | undefined, flag: string): [string, string][] {
  return (list ?? []).map((a) => {
    const i = a.indexOf('=');
    if (i <= 0) throw new UsageError(`${flag} ${a}: write it as LEFT=RIGHT`);
    return [a.slice(0, i).trim(), a.slice(i + 1).trim()];
  });
}

/** Runs the import with these arguments; what it prints goes to `log`. Returns the merged scenario (null for --help). */
export async function importOrg(args: string[], log: (line: string) => void = (l) => console.log(l)): Promise<Scenario | null> {
  const { values } = parseArgs({
    args,
    options: {
      people: { type: 'string' },
      catalog: { type: 'string', multiple: true },
      codeowners: { type: 'string' },
      'git-log': { type: 'string' },
      into: { type: 'string' },
      out: { type: 'string' },
      'half-life': { type: 'string' },
      map: { type: 'string', multiple: true },
      author: { type: 'string', multiple: true },
      column: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    log(USAGE);
    return null;
  }
  if (!values.out) throw new UsageError(`--out is required\n${USAGE}`);
  const files = [
    ...(values.people ? [await read(values.people, 'people')] : []),
    ...(await Promise.all((await Promise.all((values.catalog ?? []).map(catalogFiles))).flat().map((f) => read(f, 'catalog')))),
    ...(values.codeowners ? [await read(values.codeowners, 'codeowners')] : []),
    ...(values['git-log'] ? [await read(values['git-log'], 'git')] : []),
  ];
  if (files.length === 0) throw new UsageError(`give at least one of --people, --catalog, --codeowners, --git-log\n${USAGE}`);

  const { sources, problems: fileProblems } = readSources(files);
  for (const [role, header] of pairs(values.column, '--column')) {
    if (!sources.people) throw new UsageError('--column needs --people');
    if (!(PEOPLE_ROLES as readonly string[]).includes(role)) throw new UsageError(`--column ${role}: the roles are ${PEOPLE_ROLES.join(', ')}`);
    if (!sources.people.table.columns.includes(header)) throw new UsageError(`--column ${role}=${header}: ${sources.people.table.file} has no column "${header}" (it has ${sources.people.table.columns.join(', ')})`);
    sources.people.mapping[role as PeopleRole] = header;
  }
  const { choices, history } = suggestChoices(sources);
  if (values['half-life'] !== undefined) {
    const d = Number(values['half-life']);
    if (!Number.isFinite(d) || d < 0) throw new UsageError(`--half-life ${values['half-life']}: a number of days, 0 or more`);
    choices.halfLifeDays = d;
  }
  for (const [prefix, service] of pairs(values.map, '--map')) {
    const p = prefix.replace(/^\/+|\/+$/g, '');
    choices.pathRules = [...choices.pathRules.filter((r) => r.prefix !== p), { prefix: p, service }];
  }
  for (const [email, who] of pairs(values.author, '--author')) {
    const id = history.identities.find((i) => i.emails.includes(email.toLowerCase()) || i.key === email.toLowerCase());
    if (!id) throw new UsageError(`--author ${email}: no author of the history has that email`);
    choices.authors[id.key] = who === '-' ? '' : who === '+' ? ADD_PERSON : keyOf(who);
  }

  const base = values.into ? parseInto(values.into, await fs.readFile(here(values.into), 'utf8').catch(() => { throw new UsageError(`cannot read ${values.into}`); })) : emptyScenario(path.basename(values.out).replace(/\.handoff\.json$|\.json$/i, '') || 'Imported organisation');
  const org = buildOrganisation(sources, choices);
  const plan = planMerge(base, org);
  const merged = scenarioSchema.parse(applyMergePlan(base, plan));

  log('Read:');
  if (sources.people) log(`  ${sources.people.table.file}: ${sources.people.table.rows.length} rows; columns ${Object.entries(sources.people.mapping).filter(([, c]) => c).map(([r, c]) => `${r}=${c}`).join(', ')}`);
  if (sources.catalog) log(`  catalog: ${sources.catalog.groups.length} groups, ${sources.catalog.users.length} users, ${sources.catalog.services.length} components and systems${Object.keys(sources.catalog.otherKinds).length ? `; left out: ${Object.entries(sources.catalog.otherKinds).map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}`);
  if (sources.codeowners) log(`  ${sources.codeowners.file}: ${sources.codeowners.rules.length} rules`);
  if (sources.git) {
    log(`  ${sources.git.file}: ${sources.git.commits.length} commits by ${history.identities.length} authors; knowledge half-life ${choices.halfLifeDays} days`);
  }
  if (sources.git || sources.codeowners) for (const r of choices.pathRules) log(`    folder ${r.prefix || '(root)'} (${history.filesPerFolder[r.prefix] ?? 0} files) -> ${r.service || 'not a service'}`);
  if (sources.git) {
    for (const i of history.identities) log(`    author ${i.names.join(' / ')} <${i.emails.join(', ')}> -> ${describeChoice(choices.authors[i.key] ?? '', org.people)}`);
  }
  const problems = [...fileProblems, ...org.problems];
  log(problems.length ? `Refused or incomplete (${problems.length}):` : 'Refused: nothing.');
  if (problems.length) log(problemLines(problems).join('\n'));
  if (org.notes.length) log(`Notes:\n${org.notes.map((n) => `  ${n}`).join('\n')}`);
  log(`Changes to ${values.into ? path.basename(values.into) : 'a new scenario'}: ${plan.changes.filter((c) => c.kind === 'add').length} added, ${plan.changes.filter((c) => c.kind === 'change').length} changed`);
  log(describeOrganisation(merged, org).join('\n'));
  const { errors } = validateScenario(merged);
  if (errors.length) throw new UsageError(`the merged scenario is not valid:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  await fs.writeFile(here(values.out), serializeScenario(merged));
  log(`Wrote ${values.out}`);
  return merged;
}

function describeChoice(c: string, people: readonly { key: string; name: string }[]): string {
  return c === '' ? 'left out' : c === ADD_PERSON ? 'added as a new person' : (people.find((p) => p.key === c)?.name ?? c);
}

function parseInto(file: string, text: string) {
  const parsed = parseScenarioFile(text, file);
  if (!parsed.ok) throw new UsageError(`${file}:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return parsed.scenario;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isEntry) {
  importOrg(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof UsageError ? `import-org: ${err.message}` : err);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
