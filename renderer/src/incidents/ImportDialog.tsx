import { useEffect, useRef, useState } from 'react';
import type { ColumnMapping } from '../../../simulation/replay/columnMapping';
import { LOG_FORMAT_LABELS } from '../../../simulation/replay/columnMapping';
import type { RowFixes } from '../../../simulation/replay/importLog';
import { incidentsOf, type ConvertedLog, type ParsedLog } from '../../../simulation/replay/importSession';
import { logSpanProblem } from '../../../simulation/scenario/schema';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { Dialog } from '../ui/Dialog';
import { sha256Hex } from '../../../simulation/report/embed';
import { ImportClient } from './importClient';
import { ADD, importCommand, nameMapping, tooLargeToSave, type NameChoices } from './importCommand';
import { useIncidentsStore } from './incidentsStore';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { recallMapping, rememberMapping, resolveChoices } from './rememberedMappings';

type Step = 'file' | 'map' | 'review';

/** The column roles as the log keeps them (see IncidentLog.origin). */
const mappingRecord = (m: ColumnMapping): Record<string, string | string[] | null> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === undefined ? null : v]));

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Import an incident log in three steps: choose the file (read and parsed
 * in a Web Worker), map its columns, time zone, services and people to the
 * model, then review what will be imported and fix or skip the bad rows.
 * The import is one undoable step.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const doc = useDocumentStore((s) => s.doc)!;
  const client = useRef<ImportClient | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [parsed, setParsed] = useState<ParsedLog | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [services, setServices] = useState<NameChoices>({});
  const [people, setPeople] = useState<NameChoices>({});
  const [fixes, setFixes] = useState<RowFixes>({});
  const [dropBadAcks, setDropBadAcks] = useState(false);
  const [converted, setConverted] = useState<ConvertedLog | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logName, setLogName] = useState('');
  const [remembered, setRemembered] = useState(false);
  const [sourceHash, setSourceHash] = useState<string | null>(null);

  useEffect(() => {
    const c = new ImportClient();
    client.current = c;
    return () => c.dispose();
  }, []);

  const request = (withIncidents: boolean) => ({
    mapping: mapping!,
    names: nameMapping(doc, services, people),
    entities: { services: doc.services.map(({ id, name }) => ({ id, name })), people: doc.people.map(({ id, name }) => ({ id, name })) },
    fixes,
    dropBadAcknowledgements: dropBadAcks,
    withIncidents,
  });

  useEffect(() => {
    if (!mapping || !client.current) return;
    const c = client.current;
    const timer = window.setTimeout(() => {
      c.convert(request(false))
        .then((result) => result && setConverted(result))
        .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    }, 120);
    return () => window.clearTimeout(timer);
    // request() reads exactly these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapping, services, people, fixes, dropBadAcks, doc.services, doc.people]);

  const readFile = async (file: File) => {
    setError(null);
    setBusy(`Reading ${file.name}...`);
    try {
      // The file's hash goes into the log (and every report of its replays), so the replay can be reproduced from the same file.
      const [p, hash] = await Promise.all([client.current!.read(file, browserZone()), file.text().then(sha256Hex)]);
      setParsed(p);
      setSourceHash(hash);
      // An export of a source imported before (the same columns): its mapping, zone and names as chosen then.
      const recalled = recallMapping(p.columns, window.localStorage);
      setMapping(recalled ? { ...p.mapping, ...recalled.mapping } : p.mapping);
      setRemembered(recalled !== null);
      if (recalled) {
        setServices(resolveChoices(recalled.services, doc.services, ADD));
        setPeople(resolveChoices(recalled.people, doc.people, ADD));
      }
      setLogName(file.name.replace(/\.(csv|json|txt)$/i, ''));
      setStep('map');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!parsed) return;
    setBusy('Importing...');
    try {
      const result = await client.current!.convert(request(true));
      if (!result?.incidentsJson) return;
      const provenance = { rowsRead: result.rowsRead, skipped: result.skipped, fixed: result.fixed, acknowledgementsDropped: result.acknowledgementsDropped, unmappedPeople: result.unmappedPeople };
      const { command, log } = importCommand(doc, incidentsOf(result), services, people, logName, parsed.fileName, {
        timeZone: mapping!.timeZone,
        provenance,
        ...(sourceHash ? { origin: { fileName: parsed.fileName.slice(0, 200), sha256: sourceHash, mapping: mappingRecord(mapping!) } } : {}),
      });
      const span = logSpanProblem(log.incidents);
      if (span) return setError(`${parsed.fileName}: ${span}.`);
      const tooLarge = tooLargeToSave(doc, command);
      if (tooLarge) return setError(tooLarge);
      useDocumentStore.getState().apply(command);
      rememberMapping(parsed.columns, { mapping: mapping!, services, people }, Date.now(), window.localStorage);
      useIncidentsStore.getState().selectLog(log.id);
      const why = Object.entries(result.skippedBy).map(([reason, n]) => `${n} ${reason}`);
      useSessionStore.getState().notify({ kind: 'success', title: `Imported ${result.imported} incidents from ${parsed.fileName}`, details: result.skipped ? [`${result.skipped} rows skipped: ${why.join(', ')}`] : undefined });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const importable = converted !== null && converted.error === null && converted.imported > 0;
  const footer = (
    <>
      {busy && <span className="import-busy" data-testid="import-busy">{busy}</span>}
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      {step !== 'file' && (
        <button type="button" className="btn" data-testid="import-back" onClick={() => setStep(step === 'review' ? 'map' : 'file')}>
          Back
        </button>
      )}
      {step === 'map' && (
        <button type="button" className="btn btn-primary" data-testid="import-next" disabled={!converted || converted.error !== null} onClick={() => setStep('review')}>
          Next: review
        </button>
      )}
      {step === 'review' && (
        <button type="button" className="btn btn-primary" data-testid="import-commit" disabled={!importable || busy !== null} onClick={() => void commit()}>
          Import {converted?.imported ?? 0} incidents
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Import an incident log" testId="import-dialog" onClose={onClose} footer={footer} className="dialog-wide">
      <ol className="steps" aria-label="Steps">
        {(['file', 'map', 'review'] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {i + 1}. {s === 'file' ? 'File' : s === 'map' ? 'Columns, time zone, names' : 'Review'}
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {step === 'file' && (
        <div className="import-file">
          <p>
            A PagerDuty incident export (CSV from the Incidents report, or JSON) is recognised as it is; any other CSV or JSON log works too, by saying
            which column holds what. The file is read on your machine and never leaves it.
          </p>
          <label className="field">
            <span className="field-label">Incident log (.csv or .json)</span>
            <input className="input" type="file" accept=".csv,.json,.txt,text/csv,application/json" data-testid="import-file" onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])} />
          </label>
        </div>
      )}
      {parsed && mapping && step === 'map' && (
        <>
          <p data-testid="import-format">
            <strong>{parsed.fileName}</strong>: {LOG_FORMAT_LABELS[parsed.format]}, {parsed.rowCount.toLocaleString('en')} rows.
            {remembered && <span data-testid="import-remembered"> Columns, time zone and names as you chose them last time for this source.</span>}
          </p>
          <MappingStep parsed={parsed} mapping={mapping} onMapping={setMapping} converted={converted} services={services} people={people} onServices={setServices} onPeople={setPeople} />
        </>
      )}
      {step === 'review' && converted && <ReviewStep converted={converted} fixes={fixes} onFixes={setFixes} logName={logName} onLogName={setLogName} dropBadAcks={dropBadAcks} onDropBadAcks={setDropBadAcks} />}
    </Dialog>
  );
}
