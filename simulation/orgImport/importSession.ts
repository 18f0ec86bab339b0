import { buildOrganisation } from './buildOrganisation';
import type { ModelPerson } from './history';
import { planMerge, type MergePlan, type OrgModel } from './mergePlan';
import type { ImportedOrganisation } from './organisation';
import type { PeopleFixes, PeopleMapping } from './peopleCsv';
import type { ImportProblem } from './problems';
import { readSources, suggestChoices, type HistoryMapping, type SourceKind } from './readSources';
import type { OrgChoices, OrgSources } from './sources';

/** What the files held, for the mapping step. */
export interface OrgRead {
  files: { name: string; kind: SourceKind | null }[];
  people: { file: string; columns: string[]; rows: number; mapping: PeopleMapping; sample: string[][] } | null;
  catalog: { groups: number; users: number; services: number; otherKinds: Record<string, number> } | null;
  codeowners: { file: string; rules: number } | null;
  git: { file: string; commits: number; merges: number } | null;
  choices: OrgChoices;
  history: HistoryMapping;
}

/** The organisation under the user's choices, and what merging it would change. */
export interface OrgBuilt {
  org: ImportedOrganisation;
  plan: MergePlan;
  /** Every problem: the files' own, then the sources'. */
  problems: ImportProblem[];
}

export type ToOrgImport =
  | { type: 'read'; id: number; files: { name: string; text: string }[]; modelPeople: ModelPerson[] }
  | { type: 'build'; id: number; people: { mapping: PeopleMapping; fixes: PeopleFixes } | null; choices: OrgChoices; model: OrgModel };

export type FromOrgImport = { type: 'read'; id: number; read: OrgRead } | { type: 'built'; id: number; built: OrgBuilt } | { type: 'error'; id: number; message: string };

/**
 * The organisation import's worker side, as a pure function of messages, so
 * the files are parsed once and kept, and each change in the mapping step
 * only rebuilds. The Web Worker and tests call it the same way.
 */
export function createOrgImportSession(): (m: ToOrgImport) => FromOrgImport {
  let sources: OrgSources | null = null;
  let fileProblems: ImportProblem[] = [];
  return (m) => {
    try {
      if (m.type === 'read') {
        const r = readSources(m.files);
        sources = r.sources;
        fileProblems = r.problems;
        const { choices, history } = suggestChoices(r.sources, m.modelPeople);
        const s = r.sources;
        return {
          type: 'read',
          id: m.id,
          read: {
            files: r.kinds,
            people: s.people ? { file: s.people.table.file, columns: s.people.table.columns, rows: s.people.table.rows.length, mapping: s.people.mapping, sample: s.people.table.rows.slice(0, 3).map((x) => x.cells) } : null,
            catalog: s.catalog ? { groups: s.catalog.groups.length, users: s.catalog.users.length, services: s.catalog.services.length, otherKinds: s.catalog.otherKinds } : null,
            codeowners: s.codeowners ? { file: s.codeowners.file, rules: s.codeowners.rules.length } : null,
            git: s.git ? { file: s.git.file, commits: s.git.commits.length, merges: s.git.merges } : null,
            choices,
            history,
          },
        };
      }
      if (!sources) return { type: 'error', id: m.id, message: 'Choose the files first.' };
      const withPeople: OrgSources = { ...sources, people: sources.people && m.people ? { ...sources.people, mapping: m.people.mapping, fixes: m.people.fixes } : sources.people };
      const org = buildOrganisation(withPeople, m.choices, m.model.people);
      return { type: 'built', id: m.id, built: { org, plan: planMerge(m.model, org), problems: [...fileProblems, ...org.problems] } };
    } catch (err) {
      return { type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) };
    }
  };
}
