import { useEffect } from 'react';
import type { HostApi } from '../../../electron/api/contract';
import { parseKeptRun, serializeKeptRun } from '../../../simulation/run/keptResults';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { useIncidentsStore } from '../incidents/incidentsStore';
import { useAnalysisStore } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';
import { useRunStore } from '../state/runStore';
import { useSessionStore } from '../state/sessionStore';
import { cancelRun } from './runActions';
import { sha256Hex } from '../../../simulation/report/embed';

/**
 * Results belong to the document they were made from: when another document
 * is opened (or a new one started) the run in progress stops and the results
 * shown (and the analyses' and replays') are cleared; when the new document is a file with results kept
 * beside it, those are read back, marked as changed if the scenario no
 * longer hashes to what they were made from.
 */
export function useResultsFollowDocument(host: HostApi): void {
  useEffect(
    () =>
      useDocumentStore.subscribe((state, previous) => {
        if (state.recoveryId === previous.recoveryId) return;
        cancelRun();
        useRunStore.getState().set({ status: { kind: 'idle' }, meta: null, result: null, keptIn: null });
        const analyses = useAnalysisStore.getState();
        for (const key of ['absence', 'training', 'sweep'] as const) analyses.set(key, { kind: 'idle' });
        useIncidentsStore.getState().reset();
        if (state.file && state.doc) void restoreKeptResults(host, state.file.path, state.recoveryId);
      }),
    [host],
  );
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
  useRunStore.getState().set({
    meta: parsed.run.meta,
    result: parsed.run.result,
    keptIn: kept.path,
    status: { kind: 'restored', keptAt: kept.modifiedAt, changed: hash !== parsed.run.meta.scenarioHash },
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
    const saved = await host.writeKeptResults(file.path, serializeKeptRun({ meta, result }));
    useRunStore.getState().set({ keptIn: saved.path });
    notify({ kind: 'success', title: `Results kept in ${saved.name}`, details: ['Opening the scenario again shows them.'] });
  } catch (err) {
    notify({ kind: 'error', title: 'Could not keep the results', details: [err instanceof Error ? err.message : String(err)] });
  }
}
