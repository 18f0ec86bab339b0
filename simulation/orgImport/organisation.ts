import type { Team } from '../scenario/schema';
import { keyOf, type ImportProblem } from './problems';

/**
 * An organisation read from files, before it meets a scenario: teams, people
 * and services keyed by {@link keyOf} of their names (so the same team in the
 * catalog and in the people CSV is one team), with who owns and knows what.
 */
export interface ImportedTeam {
  key: string;
  name: string;
  /** Null: no source said; stream-aligned is assumed when merged, and the review says so. */
  type: Team['type'] | null;
  source: string;
}

export interface ImportedPerson {
  key: string;
  name: string;
  team: string | null;
  role: string | null;
  /** Skill name -> level. */
  skills: Record<string, number>;
  availability: number | null;
  emails: string[];
  /** Other names they go by in the sources (a catalog user name, a GitHub login). */
  handles: string[];
  source: string;
}

export interface ImportedService {
  key: string;
  name: string;
  team: string | null;
  owners: string[];
  source: string;
  /** Files of the history mapped to it, and its truck factor from them (null without a history). */
  files: number;
  truckFactor: number | null;
}

export interface ImportedOrganisation {
  teams: ImportedTeam[];
  people: ImportedPerson[];
  services: ImportedService[];
  /** From the history: person key, service key, level 0..1. */
  knowledge: { person: string; service: string; level: number }[];
  problems: ImportProblem[];
  /** What the reader should know that is not a problem (kinds left out, types assumed). */
  notes: string[];
}

/** The person with one of these emails, else this name or handle. */
export function findPerson(people: readonly ImportedPerson[], name: string, emails: readonly string[], handle?: string): ImportedPerson | undefined {
  const k = keyOf(name);
  return (
    people.find((p) => emails.some((e) => p.emails.includes(e))) ??
    people.find((p) => p.key === k || keyOf(p.name) === k || p.handles.some((h) => keyOf(h) === k || (handle !== undefined && keyOf(h) === keyOf(handle))))
  );
}
