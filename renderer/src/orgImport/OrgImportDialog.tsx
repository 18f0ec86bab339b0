import { useEffect, useMemo, useRef, useState } from 'react';
import type { OrgBuilt, OrgRead } from '../../../simulation/orgImport/importSession';
import type { PeopleFixes, PeopleMapping } from '../../../simulation/orgImport/peopleCsv';
import type { OrgChoices } from '../../../simulation/orgImport/sources';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { Dialog } from '../ui/Dialog';
import { mergeCommand } from './mergeCommand';
import { OrgFileStep } from './OrgFileStep';
import { OrgImportClient } from './orgImportClient';
import { OrgMapStep } from './OrgMapStep';
import { OrgReviewStep } from './OrgReviewStep';
import './orgImport.css';

type Step = 'file' | 'map' | 'review';
const STEP_LABELS: Record<Step, string> = { file: 'Files', map: 'Columns, folders, authors', review: 'Review' };

/**
 * Import an organisation in three steps, like an incident log: choose the
 * files (read and parsed in a Web Worker), map the people file's columns,
 * the repository's folders to services and the history's authors to people,
 * then review what will be added and changed, with every problem by file
 * and line, and fix or leave out bad rows. The import is one undoable step
 * on the base scenario.
 */
export function OrgImportDialog({ onClose }: { onClose(): void }) {
  const doc = useDocumentStore((s) => s.doc)!;
  const client = useRef<OrgImportClient | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [read, setRead] = useState<OrgRead | null>(null);
  const [mapping, setMapping] = useState<PeopleMapping | null>(null);
  const [fixes, setFixes] = useState<PeopleFixes>({});
  const [choices, setChoices] = useState<OrgChoices | null>(null);
  const [built, setBuilt] = useState<OrgBuilt | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const model = useMemo(() => ({ skills: doc.skills, teams: doc.teams, people: doc.people, services: doc.services }), [doc.skills, doc.teams, doc.people, doc.services]);

  useEffect(() => {
    const c = new OrgImportClient();
    client.current = c;
    return () => c.dispose();
  }, []);

  useEffect(() => {
    if (!read || !choices || !client.current) return;
    const c = client.current;
    const timer = window.setTimeout(() => {
      c.build({ people: mapping ? { mapping, fixes } : null, choices, model })
        .then((result) => result && setBuilt(result))
        .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    }, 120);
    return () => window.clearTimeout(timer);
  }, [read, mapping, fixes, choices, model]);

  const readFiles = async (files: File[]) => {
    setError(null);
    setBusy(`Reading ${files.length} file${files.length === 1 ? '' : 's'}...`);
    try {
      const r = await client.current!.read(files, doc.people.map(({ id, name }) => ({ id, name })));
      setRead(r);
      setMapping(r.people?.mapping ?? null);
      setChoices(r.choices);
      setFixes({});
      setBuilt(null);
      if (r.files.every((f) => f.kind === null)) setError('None of these files is a people CSV, a Backstage catalog, a CODEOWNERS file or a git history.');
      else setStep('map');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const commit = () => {
    if (!built) return;
    const { plan } = built;
    useDocumentStore.getState().apply(mergeCommand(plan));
    const added = (what: string, n: number) => (n ? [`${n} ${what}`] : []);
    const parts = [...added('teams', plan.addTeams.length), ...added('people', plan.addPeople.length), ...added('services', plan.addServices.length), ...added('skills', plan.addSkills.length)];
    const changed = plan.changes.filter((c) => c.kind === 'change').length + plan.owners.length;
    useSessionStore.getState().notify({
      kind: 'success',
      title: `Imported the organisation: ${parts.join(', ') || 'nothing new'}${changed ? `; ${changed} changes` : ''}`,
      details: built.problems.length ? [`${built.problems.length} problems left out (see the import's review step)`] : undefined,
    });
    onClose();
  };

  const changes = built?.plan.changes.length ?? 0;
  const footer = (
    <>
      {busy && <span className="import-busy">{busy}</span>}
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      {step !== 'file' && (
        <button type="button" className="btn" onClick={() => setStep(step === 'review' ? 'map' : 'file')}>
          Back
        </button>
      )}
      {step === 'map' && (
        <button type="button" className="btn btn-primary" data-testid="org-import-next" disabled={!built} onClick={() => setStep('review')}>
          Next: review
        </button>
      )}
      {step === 'review' && (
        <button type="button" className="btn btn-primary" data-testid="org-import-commit" disabled={!built || changes === 0} onClick={commit}>
          {changes === 0 ? 'Nothing to import' : `Import ${changes} change${changes === 1 ? '' : 's'}`}
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Import an organisation" testId="org-import-dialog" onClose={onClose} footer={footer} className="dialog-wide">
      <ol className="steps" aria-label="Steps">
        {(['file', 'map', 'review'] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {i + 1}. {STEP_LABELS[s]}
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert" data-testid="org-import-error">
          {error}
        </p>
      )}
      {step === 'file' && <OrgFileStep onFiles={(f) => void readFiles(f)} />}
      {step === 'map' && read && choices && (
        <OrgMapStep read={read} mapping={mapping} onMapping={setMapping} choices={choices} onChoices={setChoices} built={built} modelPeople={doc.people} modelServices={doc.services} />
      )}
      {step === 'review' && built && <OrgReviewStep built={built} fixes={fixes} onFixes={setFixes} peopleFile={read?.people?.file ?? null} />}
    </Dialog>
  );
}
