import { fileAuthorship, knowledgeOfFiles, truckFactor, type FileAuthorship, type FileTouch } from './authorship';
import type { GitLog } from './gitLog';
import { authorIdentities, identityIndex, suggestPerson, type AuthorIdentity } from './identities';
import { findPerson, type ImportedOrganisation } from './organisation';
import { serviceOfPath } from './pathMapping';
import { keyOf } from './problems';
import { ADD_PERSON, type OrgChoices } from './sources';

/**
 * What the mapping step suggests for an author: the person they match; else,
 * when the other sources gave a roster of people, to leave them out (someone
 * who has left, a contractor), and without a roster to add them. Bots are
 * always left out.
 */
export function suggestedAuthorChoice(identity: AuthorIdentity, org: Pick<ImportedOrganisation, 'people'>, modelPeople: readonly ModelPerson[] = []): string {
  const inModel = suggestPerson(identity, modelPeople.map((p) => ({ key: `${MODEL_PERSON}${p.id}`, name: p.name, emails: [], handles: [p.id] })));
  return suggestPerson(identity, org.people) ?? inModel ?? (identity.bot || org.people.length > 0 ? '' : ADD_PERSON);
}

/** A person already in the scenario, whom an author may be: choice `model:<id>`. */
export interface ModelPerson {
  id: string;
  name: string;
}
export const MODEL_PERSON = 'model:';

/**
 * Knowledge from the history: identities merged (several emails, one
 * person), each mapped to a person as the user chose, the degree of
 * authorship of every file, files grouped into services by the path rules,
 * and per service each person's knowledge (see authorship.ts) and the
 * service's truck factor among the people imported. A service nobody owns
 * yet is given the person who knows it best as its owner, and a note says so.
 */
export function applyHistory(org: ImportedOrganisation, git: GitLog & { file: string }, choices: OrgChoices, modelPeople: readonly ModelPerson[] = []): void {
  org.problems.push(...git.problems);
  if (git.merges) org.notes.push(`${git.merges} merge commits in ${git.file} skipped (their changes are counted in the commits they merge).`);
  const identities = authorIdentities(git.commits);
  const personOf = new Map<string, string | null>();
  for (const id of identities) {
    const choice = choices.authors[id.key] ?? suggestedAuthorChoice(id, org, modelPeople);
    const model = choice.startsWith(MODEL_PERSON) ? modelPeople.find((p) => p.id === choice.slice(MODEL_PERSON.length)) : undefined;
    if (model) {
      // Someone already in the scenario: carried as an imported person of the same name, which the merge matches to them.
      const existing = findPerson(org.people, model.name, []);
      if (!existing) org.people.push({ key: keyOf(model.name), name: model.name, team: null, role: null, skills: {}, availability: null, emails: [...id.emails], handles: [model.id], source: 'scenario' });
      personOf.set(id.key, existing?.key ?? keyOf(model.name));
    } else if (choice === ADD_PERSON) {
      const existing = findPerson(org.people, id.names[0]!, id.emails);
      if (existing) personOf.set(id.key, existing.key);
      else {
        const key = keyOf(id.names[0]!) || keyOf(id.emails[0] ?? 'author');
        org.people.push({ key, name: id.names[0]!, team: null, role: null, skills: {}, availability: null, emails: [...id.emails], handles: id.names.slice(1), source: `${git.file} (author)` });
        personOf.set(id.key, key);
      }
    } else personOf.set(id.key, choice && org.people.some((p) => p.key === choice) ? choice : null);
  }
  const identityOf = identityIndex(identities);
  const touches: FileTouch[] = [];
  for (const c of git.commits) {
    const who = personOf.get(identityOf(c) ?? '') ?? null;
    if (who) for (const f of c.files) touches.push({ who, time: c.time, path: f.path, from: f.from });
  }
  const left = identities.filter((i) => !personOf.get(i.key));
  if (left.length) org.notes.push(`Left out of the history (not mapped to a person): ${left.map((i) => `${i.names[0]} (${i.commits} commits)`).join(', ')}.`);
  const asOf = Math.max(0, ...git.commits.map((c) => c.time));
  const byService = new Map<string, FileAuthorship[]>();
  for (const f of fileAuthorship(touches)) {
    const svc = serviceOfPath(f.path, choices.pathRules);
    if (!svc) continue;
    const k = keyOf(svc);
    byService.set(k, [...(byService.get(k) ?? []), f]);
  }
  const people = new Set(org.people.map((p) => p.key));
  for (const s of org.services) {
    const files = byService.get(s.key) ?? byService.get(keyOf(s.name));
    if (!files) continue;
    s.files = files.length;
    s.truckFactor = truckFactor(files, people);
    const levels = [...knowledgeOfFiles(files, asOf, choices.halfLifeDays).entries()].map(([person, level]) => ({ person, level: Math.round(level * 100) / 100 })).filter((k) => k.level >= 0.01);
    for (const k of levels) org.knowledge.push({ person: k.person, service: s.key, level: k.level });
    if (s.owners.length === 0 && levels.length) {
      const best = [...levels].sort((a, b) => b.level - a.level || (a.person < b.person ? -1 : 1))[0]!;
      s.owners.push(best.person);
      org.notes.push(`${s.name}: no owner in the catalog or CODEOWNERS; ${org.people.find((p) => p.key === best.person)?.name ?? best.person}, who knows it best from the history, made its owner.`);
    }
  }
}
