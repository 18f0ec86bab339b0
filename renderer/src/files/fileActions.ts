import { HostError, MAX_TEXT_BYTES, SCENARIO_EXTENSION, type HostApi, type HostInfo } from '../../../electron/api/contract';
import { parseScenarioFile, parseScenarioValue as parseScenarioValueOf } from '../../../simulation/scenario/parseScenario';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { EXAMPLES } from '../../../simulation/examples/catalog';
import { extractScenarioFromReport } from '../../../simulation/report/embed';
import type { RecoveryRecord } from '../../../electron/api/contract';
import { selectDirty, type DocumentStore } from '../state/documentStore';
import type { SessionState } from '../state/sessionStore';

export interface FileActionDeps {
  host: HostApi;
  info: HostInfo;
  documents: DocumentStore;
  session: () => SessionState;
}

/** Adds the scenario ending to a name the user typed, unless it is there. */
export function withScenarioExtension(name: string): string {
  const trimmed = name.trim();
  if (trimmed.toLowerCase().endsWith(SCENARIO_EXTENSION)) return trimmed;
  return `${trimmed.replace(/\.json$/i, '')}${SCENARIO_EXTENSION}`;
}

/** A file name made from a scenario's name (what Save As suggests). */
export function suggestedFileName(scenarioName: string): string {
  const base = scenarioName.trim().replace(/[\\/:*?"<>|\0]+/g, '-').replace(/\s+/g, ' ').slice(0, 120) || 'scenario';
  return withScenarioExtension(base);
}

/**
 * File > New, Open, Save and Save As, the same in both hosts: the Electron
 * host shows native dialogs, the web host the page's own. Work with unsaved
 * changes is never dropped without asking; a file that cannot be read leaves
 * the open document untouched and says why.
 */
export function createFileActions({ host, info, documents, session }: FileActionDeps) {
  const reportError = (title: string, err: unknown) => {
    session().notify({ kind: 'error', title, details: [userMessage(err)] });
  };

  /** SHA-256 of each file as last read or saved here: a save over a file changed since asks first. */
  const diskHashes = new Map<string, string>();

  /** Runs `action` now, or after the user agrees to drop unsaved changes. */
  const guardUnsaved = (actionLabel: string, action: () => void) => {
    if (!selectDirty(documents.getState())) return action();
    session().openDialog({ kind: 'confirmDiscard', action: actionLabel, onConfirm: action });
  };

  const discardRecovery = () => {
    void host.clearRecovery(documents.getState().recoveryId).catch(() => undefined);
  };

  const openPath = async (filePath: string): Promise<boolean> => {
    let file;
    try {
      file = await host.readScenario(filePath);
    } catch (err) {
      reportError('Could not open the file', err);
      return false;
    }
    if (/\.html?$/i.test(file.name)) return openReport(file.name, file.text);
    diskHashes.set(file.path, file.sha256);
    const parsed = parseScenarioFile(file.text, file.name);
    if (!parsed.ok) {
      session().notify({ kind: 'error', title: `${file.name} was not opened`, details: parsed.errors });
      return false;
    }
    discardRecovery();
    // A file migrated from an older format is saved in the new format only when the user saves.
    documents.getState().loadDocument(parsed.scenario, { path: file.path, name: file.name }, { dirty: parsed.migratedFrom !== null });
    if (parsed.migratedFrom !== null) {
      session().notify({ kind: 'info', title: `${file.name} was converted`, details: [`It was written in format ${parsed.migratedFrom}; saving will store it in the current format.`] });
    }
    if (parsed.warnings.length) session().notify({ kind: 'info', title: `Risks in ${parsed.scenario.name}`, details: parsed.warnings });
    return true;
  };

  /** A report restores the scenario embedded in it, as a new document that is not saved yet. */
  const openReport = (name: string, html: string): boolean => {
    const extracted = extractScenarioFromReport(html, name);
    if (!extracted.ok) {
      session().notify({ kind: 'error', title: `${name} was not opened`, details: [extracted.error] });
      return false;
    }
    const parsed = parseScenarioFile(extracted.text, `the scenario in ${name}`);
    if (!parsed.ok) {
      session().notify({ kind: 'error', title: `The scenario in ${name} could not be read`, details: parsed.errors });
      return false;
    }
    discardRecovery();
    documents.getState().loadDocument(parsed.scenario, null, { dirty: true });
    session().notify({ kind: 'info', title: `Restored ${parsed.scenario.name} from ${name}`, details: ['This is the scenario exactly as it was run for the report. Save it to keep it as a scenario file.'] });
    return true;
  };

  /** Saves to `filePath`; unless `overwrite`, a file changed on disk since it was read or saved here is not replaced without asking. */
  const saveToPath = async (filePath: string, overwrite = false): Promise<boolean> => {
    const { doc, revision } = documents.getState();
    if (!doc) return false;
    try {
      const expected = overwrite ? undefined : diskHashes.get(filePath);
      const saved = await host.writeScenario(filePath, serializeScenario(doc), ...(expected ? [expected] : []));
      if (saved.sha256) diskHashes.set(saved.path, saved.sha256);
      documents.getState().markSaved({ path: saved.path, name: saved.name }, revision);
      discardRecovery();
      session().notify({ kind: 'success', title: `Saved ${saved.name}` });
      return true;
    } catch (err) {
      if (err instanceof HostError && err.code === 'conflict') {
        session().openDialog({
          kind: 'saveConflict',
          name: filePath.split(/[\\/]/).pop() ?? filePath,
          onOverwrite: () => void saveToPath(filePath, true),
          onSaveAs: () => void saveAs(),
        });
        return false;
      }
      reportError('Could not save', err);
      return false;
    }
  };

  const saveAs = async (): Promise<boolean> => {
    const { doc } = documents.getState();
    if (!doc) return false;
    if (!info.nativeDialogs) {
      session().openDialog({ kind: 'saveAs' });
      return false;
    }
    const chosen = await host.pickSavePath(suggestedFileName(doc.name)).catch((err: unknown) => {
      reportError('Could not show the save dialog', err);
      return null;
    });
    return chosen ? saveToPath(chosen.endsWith('.json') ? chosen : withScenarioExtension(chosen)) : false;
  };

  return {
    openPath,
    saveToPath,
    saveAs,
    newScenario: () =>
      guardUnsaved('start a new scenario', () => {
        discardRecovery();
        documents.getState().newDocument();
      }),
    open: () =>
      guardUnsaved('open another scenario', () => {
        if (!info.nativeDialogs) return session().openDialog({ kind: 'open' });
        void host.pickOpenPath().then(
          (chosen) => (chosen ? openPath(chosen) : false),
          (err: unknown) => reportError('Could not show the open dialog', err),
        );
      }),
    openRecent: (filePath: string) => guardUnsaved('open another scenario', () => void openPath(filePath)),
    /** Opens a shipped example as a new, unsaved scenario. */
    openExample: (id: string) =>
      guardUnsaved('open an example', () => {
        const example = EXAMPLES.find((e) => e.id === id);
        if (!example) return;
        const parsed = parseScenarioValueOf(example.scenario(), example.fileName);
        if (!parsed.ok) return session().notify({ kind: 'error', title: `The example ${example.title} is damaged`, details: parsed.errors });
        discardRecovery();
        documents.getState().loadDocument(parsed.scenario, null);
      }),
    /** Brings back work autosaved before a crash, as unsaved changes. */
    restore: (record: RecoveryRecord): boolean => {
      const parsed = parseScenarioFile(record.text, record.title);
      if (!parsed.ok) {
        session().notify({ kind: 'error', title: `The unsaved work on ${record.title} could not be restored`, details: parsed.errors });
        return false;
      }
      const file = record.documentPath ? { path: record.documentPath, name: record.documentPath.split(/[\\/]/).pop() ?? record.documentPath } : null;
      documents.getState().loadDocument(parsed.scenario, file, { dirty: true, recoveryId: record.id });
      return true;
    },
    save: async (): Promise<boolean> => {
      const { file, doc } = documents.getState();
      if (!doc) return false;
      return file ? saveToPath(file.path) : saveAs();
    },
  };
}

export type FileActions = ReturnType<typeof createFileActions>;

/**
 * A host error as the user should read it: without the API's method and
 * argument names ("writeScenario: argument 1: ..."), and the size limit said
 * in terms of the scenario.
 */
export function userMessage(err: unknown): string {
  const raw = err instanceof HostError || err instanceof Error ? err.message : String(err);
  return raw
    .replace(/^[a-zA-Z]+: (?:argument [\d.]+|arguments): /, '')
    .replace(
      /^the text is (?:([\d.]+ MB) as a file, )?larger than (\d+) MB$/,
      (_, size: string | undefined, max: string) => `the scenario is ${size ? `${size}, ` : ''}larger than ${max} MB, the most Handoff can save. Remove incident logs or variants you no longer need, then save again.`,
    )
    // The web host's request limit is set so that only a text over the save limit reaches it: the same advice.
    .replace(
      /^The request body is \d+ MB; the limit is \d+ MB\.$/,
      `the scenario is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB, the most Handoff can save. Remove incident logs or variants you no longer need, then save again.`,
    );
}
