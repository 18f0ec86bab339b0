import type { Catalog } from './backstage';
import type { Codeowners } from './codeowners';
import type { GitLog } from './gitLog';
import type { PathRule } from './pathMapping';
import type { PeopleFixes, PeopleMapping, PeopleTable } from './peopleCsv';

/** Everything read from the files, as the worker and the CLI hold it. */
export interface OrgSources {
  people: { table: PeopleTable; mapping: PeopleMapping; fixes: PeopleFixes } | null;
  catalog: Catalog | null;
  codeowners: (Codeowners & { file: string }) | null;
  git: (GitLog & { file: string }) | null;
}

/** Add an author of the history as a new person. */
export const ADD_PERSON = '+add';

/** What the user decided in the mapping step. */
export interface OrgChoices {
  /** Folders of the repository -> service names (longest prefix wins). */
  pathRules: PathRule[];
  /** Author identity key -> person key, '' to leave them out, or {@link ADD_PERSON}. Missing: the suggestion. */
  authors: Record<string, string>;
  /** Knowledge halves every this many days since a person's last change to a file; 0 turns recency off. */
  halfLifeDays: number;
}

export const DEFAULT_HALF_LIFE_DAYS = 365;
