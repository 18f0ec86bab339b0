import { mergeCatalogs, parseCatalog, type Catalog } from './backstage';
import { parseCodeowners } from './codeowners';
import { parseGitLog } from './gitLog';
import { authorIdentities, type AuthorIdentity } from './identities';
import { buildOrganisation } from './buildOrganisation';
import { suggestedAuthorChoice, type ModelPerson } from './history';
import { guessPeopleMapping, readPeopleTable } from './peopleCsv';
import { suggestPathRules, type PathRule } from './pathMapping';
import type { ImportProblem } from './problems';
import { DEFAULT_HALF_LIFE_DAYS, type OrgChoices, type OrgSources } from './sources';

export type SourceKind = 'people' | 'catalog' | 'codeowners' | 'git';

export const SOURCE_LABELS: Record<SourceKind, string> = {
  people: 'People (CSV)',
  catalog: 'Backstage catalog (YAML)',
  codeowners: 'CODEOWNERS',
  git: 'Git history (git log --numstat)',
};

/** What a file is, from its name and first lines; null when it is none of the four. */
export function sourceKind(name: string, text: string): SourceKind | null {
  const base = name.split(/[\\/]/).pop()!.toLowerCase();
  if (base === 'codeowners' || base.endsWith('.codeowners')) return 'codeowners';
  if (/\.ya?ml$/.test(base)) return 'catalog';
  if (/^commit [0-9a-f]{7,64}\b/m.test(text.slice(0, 4000))) return 'git';
  if (/\.(csv|tsv)$/.test(base)) return 'people';
  if (/^\s*(apiVersion|kind):/m.test(text.slice(0, 2000))) return 'catalog';
  return null;
}

/**
 * The files of an import read into sources. Several catalog files are one
 * catalog; a second people CSV, CODEOWNERS or history replaces the first and
 * says so. A file of no known kind is a problem, not a guess.
 */
export function readSources(files: readonly { name: string; text: string; kind?: SourceKind }[]): { sources: OrgSources; problems: ImportProblem[]; kinds: { name: string; kind: SourceKind | null }[] } {
  const sources: OrgSources = { people: null, catalog: null, codeowners: null, git: null };
  const problems: ImportProblem[] = [];
  const catalogs: Catalog[] = [];
  const kinds: { name: string; kind: SourceKind | null }[] = [];
  for (const f of files) {
    const kind = f.kind ?? sourceKind(f.name, f.text);
    kinds.push({ name: f.name, kind });
    if (kind === null) {
      problems.push({ file: f.name, line: null, reason: 'not a people CSV, a Backstage catalog (.yaml), a CODEOWNERS file or the output of git log --numstat; left out' });
      continue;
    }
    const replaced = (what: string) => problems.push({ file: f.name, line: null, reason: `a second ${what}: it replaces the one read before` });
    if (kind === 'catalog') catalogs.push(parseCatalog(f.text, f.name));
    if (kind === 'people') {
      if (sources.people) replaced('people file');
      const table = readPeopleTable(f.text, f.name);
      sources.people = { table, mapping: guessPeopleMapping(table.columns), fixes: {} };
    }
    if (kind === 'codeowners') {
      if (sources.codeowners) replaced('CODEOWNERS file');
      sources.codeowners = { ...parseCodeowners(f.text, f.name), file: f.name };
    }
    if (kind === 'git') {
      if (sources.git) replaced('history');
      sources.git = { ...parseGitLog(f.text, f.name), file: f.name };
    }
  }
  if (catalogs.length) sources.catalog = mergeCatalogs(catalogs);
  return { sources, problems, kinds };
}

/** What the mapping step offers for the history: folders with their suggested services, and authors with their suggested people. */
export interface HistoryMapping {
  rules: PathRule[];
  filesPerFolder: Record<string, number>;
  identities: (AuthorIdentity & { suggestion: string })[];
}

/** The suggestions the mapping step starts from (the CLI takes them as they are, with its --map and --author changes). */
export function suggestChoices(sources: OrgSources, modelPeople: readonly ModelPerson[] = []): { choices: OrgChoices; history: HistoryMapping } {
  const catalogServices = sources.catalog?.services.map((s) => ({ name: s.title, sourcePath: s.sourcePath })) ?? [];
  const paths = [...new Set([
    ...(sources.git?.commits.flatMap((c) => c.files.map((f) => f.path)) ?? []),
  ])];
  // A CODEOWNERS rule for a folder ("/plugins/adr", "/services/billing/") names an ownership unit: a candidate service.
  const folders = (sources.codeowners?.rules ?? [])
    .map((r) => r.pattern.replace(/^\/+/, '').replace(/\/+$/, ''))
    .filter((p) => p.includes('/') || sources.codeowners!.rules.some((r) => r.pattern.replace(/^\/+/, '') === `${p}/`))
    .filter((p) => p !== '' && !/[*?]/.test(p) && !/\.[A-Za-z0-9]+$/.test(p.split('/').pop()!));
  const { rules, files } = suggestPathRules(paths, catalogServices, catalogServices.length === 0, [...new Set(folders)]);
  const base = buildOrganisation({ ...sources, git: null, codeowners: null }, { pathRules: [], authors: {}, halfLifeDays: DEFAULT_HALF_LIFE_DAYS });
  const identities = sources.git ? authorIdentities(sources.git.commits).map((i) => ({ ...i, suggestion: suggestedAuthorChoice(i, base, modelPeople) })) : [];
  const choices: OrgChoices = { pathRules: rules, authors: Object.fromEntries(identities.map((i) => [i.key, i.suggestion])), halfLifeDays: DEFAULT_HALF_LIFE_DAYS };
  return { choices, history: { rules, filesPerFolder: files, identities } };
}
