import { useEffect } from 'react';
import type { HostApi } from '../../../electron/api/contract';
import { parseKeptRun, serializeKeptRun } from '../../../simulation/run/keptResults';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { replayFor, useIncidentsStore } from '../incidents/incidentsStore';
import { analysesFor, useAnalysisStore, type AnalysisKey, type AnalysisValues } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';
import { initialChoice, useRunStore } from '../state/runStore';
import { useSessionStore } from '../state/sessionStore';
import { cancelRun } from './runActions';
import { sha256Hex } from '../../../simulation/report/embed';

/**
 * Results belong to the document they were made from: when another document
 * is opened (or a new one started) the run in progress stops and the results
 * shown (and the analyses' and replays') are cleared; when the new document is a file with results kept
 * beside it, those are read back (with the analyses and the replay kept with
 * them), marked as changed if the scenario no longer hashes to what they
 * were made from.
 */
export function useResultsFollowDocument(host: HostApi): void {
  useEffect(() => {
    const offDocument = useDocumentStore.subscribe((state, previous) => {
      if (state.recoveryId === previous.recoveryId) return;
      cancelRun();
      useRunStore.getState().set({ status: { kind: 'idle' }, meta: null, result: null, keptIn: null, choice: initialChoice(state.doc) });
      const analyses = useAnalysisStore.getState();
      for (const key of ['absence', 'training', 'sweep', 'transition'] as const) analyses.set(key, { kind: 'idle' });
      useIncidentsStore.getState().reset();
      if (state.file && state.doc) void restoreKeptResults(host, state.file.path, state.recoveryId);
    });
    // An analysis or a replay finished on the kept run's scenario: the file no longer holds everything, so offer to keep again.
    const offAnalyses = useAnalysisStore.subscribe((state, previous) => {
      const hash = keptRunHash();
      if (hash && (Object.keys(state.states) as AnalysisKey[]).some((k) => state.states[k] !== previous.states[k] && analysesFor(hash, state.states)[k] !== undefined)) keptIsStale();
    });
    const offReplays = useIncidentsStore.subscribe((state, previous) => {
      const hash = keptRunHash();
      if (hash && state.replays !== previous.replays && replayFor(hash, state) !== undefined && replayFor(hash, state) !== replayFor(hash, previous)) keptIsStale();
    });
    return () => {
      offDocument();
      offAnalyses();
      offReplays();
    };
  }, [host]);
}

/** The scenario hash of the results shown, when they are kept in a file. */
function keptRunHash(): string | null {
  const { keptIn, meta } = useRunStore.getState();
  return keptIn && meta ? meta.scenarioHash : null;
}

function keptIsStale(): void {
  useRunStore.getState().set({ keptIn: null });
}

async function restoreKeptResults(host: HostApi, scenarioPath: string, documentId: string): Promise<void> {
  const notify = useSessionStore.getState().notify;
  let kept;
  try {
    kept = await host.readKeptResults(scenarioPath);
  } catch (err) {
    notify({ kind: 'error', title: 'The results kept with this scenario could not be read', details: [err instanceof Error ? err.message : String(err)] });
    return;
  }
  if (!kept) return;
  const name = kept.path.split(/[\\/]/).pop() ?? kept.path;
  const parsed = parseKeptRun(kept.text, name);
  if (!parsed.ok) {
    notify({ kind: 'error', title: `${name} was not read`, details: parsed.errors });
    return;
  }
  const documents = useDocumentStore.getState();
  // Another document may have been opened while the file was read.
  if (documents.recoveryId !== documentId || !documents.doc || useRunStore.getState().status.kind === 'running') return;
  const hash = await sha256Hex(serializeScenario(documents.doc));
  const { meta, result, analyses, replay } = parsed.run;
  // The analyses and the replay ran on the scenario the run ran on: they carry its hash, as when they were made.
  // They are restored first, so that restoring them does not mark the kept file as missing them.
  const analysisStore = useAnalysisStore.getState();
  for (const key of Object.keys(analyses ?? {}) as AnalysisKey[]) {
    const value = analyses![key];
    if (value) analysisStore.set(key, { kind: 'done', value: value as AnalysisValues[typeof key], scenarioHash: meta.scenarioHash });
  }
  if (replay && documents.doc.incidentLogs.some((l) => l.id === replay.logId)) useIncidentsStore.getState().setReplay(replay.logId, replay.comparison, meta.scenarioHash);
  useRunStore.getState().set({
    meta,
    result,
    keptIn: kept.path,
    status: { kind: 'restored', keptAt: kept.modifiedAt, changed: hash !== meta.scenarioHash },
  });
}

/** Writes the results shown beside the document's file; says where, or why not. */
export async function keepResultsWithScenario(host: HostApi): Promise<void> {
  const { file } = useDocumentStore.getState();
  const { meta, result } = useRunStore.getState();
  const notify = useSessionStore.getState().notify;
  if (!meta || !result) return;
  if (!file) {
    notify({ kind: 'info', title: 'Save the scenario first', details: ['Results are kept in a file beside the scenario file.'] });
    return;
  }
  try {
    const replay = replayFor(meta.scenarioHash);
    const replayLog = useIncidentsStore.getState().lastReplayed;
    const text = serializeKeptRun({ meta, result, analyses: analysesFor(meta.scenarioHash), ...(replay && replayLog ? { replay: { logId: replayLog, comparison: replay } } : {}) });
    const saved = await host.writeKeptResults(file.path, text);
    useRunStore.getState().set({ keptIn: saved.path });
    notify({ kind: 'success', title: `Results kept in ${saved.name}`, details: ['Opening the scenario again shows them.'] });
  } catch (err) {
    notify({ kind: 'error', title: 'Could not keep the results', details: [err instanceof Error ? err.message : String(err)] });
  }
}
