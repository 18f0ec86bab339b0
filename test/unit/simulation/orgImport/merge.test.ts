import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../../../simulation/orgImport/buildOrganisation';
import { applyMergePlan, planMerge } from '../../../../simulation/orgImport/mergePlan';
import { readSources, suggestChoices } from '../../../../simulation/orgImport/readSources';
import { ADD_PERSON } from '../../../../simulation/orgImport/sources';
import { emptyScenario } from '../../../../simulation/scenario/defaults';
import { scenarioSchema } from '../../../../simulation/scenario/schema';
import { validateScenario } from '../../../../simulation/scenario/validate';
import { mergeCommand } from '../../../../renderer/src/orgImport/mergeCommand';
import { createDocumentStore } from '../../../../renderer/src/state/documentStore';

const dir = path.resolve(__dirname, '../../../../simulation/examples/org');
const sample = (names: string[]) => names.map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
const ALL = ['catalog-info.yaml', 'people.csv', 'CODEOWNERS', 'git-history.txt'];

function importAll(names = ALL, doc = emptyScenario()) {
  const { sources, problems } = readSources(sample(names));
  const { choices, history } = suggestChoices(sources);
  const org = buildOrganisation(sources, choices);
  return { sources, problems, choices, history, org, plan: planMerge(doc, org), doc };
}

describe('the sample organisation', () => {
  it('reads cleanly and merges into an empty scenario as a valid, runnable model', () => {
    const { problems, org, plan, doc } = importAll();
    expect([...problems, ...org.problems]).toEqual([]);
    const merged = scenarioSchema.parse(applyMergePlan(doc, plan));
    expect(validateScenario(merged).errors).toEqual([]);
    expect(merged.teams.map((t) => [t.name, t.type])).toEqual([
      ['Checkout', 'stream-aligned'],
      ['Data Platform', 'platform'],
      ['Recommendations ML', 'complicated-subsystem'],
    ]);
    expect(merged.people).toHaveLength(9); // Olga (left, not in the roster) and dependabot are left out
    const reco = merged.services.find((s) => s.name === 'Recommender')!;
    // CODEOWNERS: /services/recommender/ @gus-keller, then model/train.py @hana-sato (last match wins for that one file).
    expect(reco.owners).toEqual(['gus-keller']);
    // Gus committed under two emails: one person, one knowledge level.
    expect(Object.keys(reco.knowledge).sort()).toEqual(['gus-keller', 'hana-sato']);
  });

  it('merges into a scenario that has some of it already without duplicating, and says what changes', () => {
    const first = importAll();
    const merged = scenarioSchema.parse(applyMergePlan(first.doc, first.plan));
    merged.people.find((p) => p.name === 'Ivan Petrov')!.team = 'data-platform';
    const again = importAll(ALL, merged);
    expect(again.plan.addPeople).toEqual([]);
    expect(again.plan.addServices).toEqual([]);
    expect(again.plan.changes).toEqual([{ kind: 'change', entity: 'person', text: 'Ivan Petrov: Data Platform -> Checkout' }]);
  });

  it('adds the authors of a history alone as people, and leaves out the ones the user says', () => {
    const { sources, choices, history } = importAll(['git-history.txt']);
    expect(history.identities.find((i) => i.names[0] === 'Olga Former')!.suggestion).toBe(ADD_PERSON);
    const olga = history.identities.find((i) => i.names[0] === 'Olga Former')!.key;
    const org = buildOrganisation(sources, { ...choices, authors: { ...choices.authors, [olga]: '' } });
    expect(org.people.map((p) => p.name)).not.toContain('Olga Former');
    expect(org.people.map((p) => p.name)).toContain('Gus Keller');
    // Without a catalog, each folder under services/ is a new service; docs/ is not.
    expect(org.services.map((s) => s.name).sort()).toEqual(['checkout-api', 'ingest-pipeline', 'payments', 'recommender', 'warehouse']);
  });

  it('is one undoable step in the app, equal to the plan the command line applies', () => {
    const { plan, doc } = importAll();
    const store = createDocumentStore();
    store.getState().loadDocument(doc, null);
    store.getState().apply(mergeCommand(plan));
    const viaCommands = store.getState().doc!;
    const viaPlan = applyMergePlan(doc, plan);
    expect({ skills: viaCommands.skills, teams: viaCommands.teams, people: viaCommands.people, services: viaCommands.services }).toEqual({
      skills: viaPlan.skills,
      teams: viaPlan.teams,
      people: viaPlan.people,
      services: viaPlan.services,
    });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
  });
});
