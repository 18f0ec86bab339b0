import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  HostError,
  MAX_TEXT_BYTES,
  SCENARIO_EXTENSION,
  type ExportFolderRequest,
  type ExportRequest,
  type FileEntry,
  type HostInfo,
  type HostMethod,
  type HostMethodParams,
  type HostMethodResults,
  type RecoveryRecord,
  type SavedFile,
  type ScenarioFile,
} from '../api/contract';
import { decodeText } from '../../simulation/scenario/decodeText';
import { AccessPolicy, openChecked, type CheckedPath } from './accessPolicy';
import { removeStaleTemps, removeStaleTempsIn, STARTUP_STALE_TEMP_MS, writeFileAtomic } from './atomicWrite';
import { fsError } from './errors';
import { RecentFiles } from './recentFiles';
import { RecoveryStore } from './recoveryStore';
import { readKeptResults, writeKeptResults } from './resultsFiles';

/** Native dialogs, which only the Electron host has. */
export interface Dialogs {
  pickOpenPath(defaultDir: string): Promise<string | null>;
  pickSavePath(defaultPath: string): Promise<string | null>;
  /** A folder to export several files into (the dialog may create one). */
  pickFolder(defaultDir: string): Promise<string | null>;
}

export interface HostServicesOptions {
  host: HostInfo['host'];
  appVersion: string;
  platform: string;
  /** Default folder for scenarios; the web host's only folder. */
  scenarioDir: string;
  /** Where the host keeps its own state (recent list, recovery records). */
  dataDir: string;
  dialogs?: Dialogs;
  /** Prints a report's HTML to PDF (the Electron host's own Chromium, or a headless one for the web host); without it printing is unavailable. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  now?: () => Date;
}

/** The work behind each API method, with plain arguments (already validated). */
export type HostServices = {
  [M in HostMethod]: (...args: HostMethodParams[M]) => Promise<HostMethodResults[M]>;
};

/**
 * Creates the host's services: the file work both hosts share. Every path the
 * renderer names goes through an {@link AccessPolicy}; every write is atomic.
 */
export function createHostServices(options: HostServicesOptions): HostServices & { policy: AccessPolicy; removeLeftoverTemps(): Promise<number> } {
  const { scenarioDir, dataDir, dialogs } = options;
  const now = options.now ?? (() => new Date());
  const policy = new AccessPolicy([scenarioDir], path.join(dataDir, 'grants.json'));
  const recent = new RecentFiles(dataDir, now);
  const recovery = new RecoveryStore(dataDir);

  const info = async (): Promise<HostInfo> => ({
    host: options.host,
    appVersion: options.appVersion,
    platform: options.platform,
    scenarioDir,
    nativeDialogs: dialogs !== undefined,
  });

  const readScenario = async (requested: string): Promise<ScenarioFile> => {
    const checked = await policy.resolve(requested, 'read');
    const file = checked.path;
    let handle;
    try {
      handle = await openChecked(checked);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new HostError({ code: 'forbidden-path', message: `Could not open ${file}: it was changed into a link while it was being opened.` });
      throw fsError(err, 'open', file);
    }
    let bytes: Buffer;
    let stat;
    try {
      stat = await handle.stat();
      if (stat.isDirectory()) throw fsError({ code: 'EISDIR' }, 'open', file);
      if (stat.size > MAX_TEXT_BYTES) {
        throw new HostError({
          code: 'too-large',
          message: `Could not open ${file}: it is ${(stat.size / 1024 / 1024).toFixed(0)} MB, and a scenario may be at most ${MAX_TEXT_BYTES / 1024 / 1024} MB.`,
        });
      }
      bytes = await handle.readFile();
    } catch (err) {
      throw err instanceof HostError ? err : fsError(err, 'open', file);
    } finally {
      await handle.close().catch(() => undefined);
    }
    await recent.touch(file);
    return { path: file, name: path.basename(file), text: decodeText(bytes), modifiedAt: stat.mtime.toISOString(), sha256: sha256Of(bytes) };
  };

  const writeScenario = async (requested: string, text: string, expectedSha256?: string): Promise<SavedFile> => {
    const checked = await policy.resolve(requested, 'write');
    const file = checked.path;
    if (expectedSha256 !== undefined) await refuseIfChanged(checked, expectedSha256);
    await writeFileAtomic(file, text);
    await removeStaleTemps(file);
    await recent.touch(file);
    return { path: file, name: path.basename(file), savedAt: now().toISOString(), sha256: sha256Of(text) };
  };

  /** Scenarios in the scenario folder, and the reports there and in its exports folder (opening a report restores its scenario). */
  const listScenarioFiles = async (): Promise<FileEntry[]> => {
    await fs.mkdir(scenarioDir, { recursive: true });
    const entries: FileEntry[] = [];
    for (const sub of ['', 'exports']) {
      const dir = path.join(scenarioDir, sub);
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const isScenario = sub === '' && name.endsWith(SCENARIO_EXTENSION);
        if (name.startsWith('.') || !(isScenario || /\.html?$/i.test(name))) continue;
        const full = path.join(dir, name);
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat?.isFile()) entries.push({ path: full, name: sub ? `${sub}/${name}` : name, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString() });
      }
    }
    return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  };

  const pickOpenPath = async (): Promise<string | null> => {
    if (!dialogs) return null;
    const chosen = await dialogs.pickOpenPath(scenarioDir);
    if (chosen) await policy.grant(chosen);
    return chosen;
  };

  const pickSavePath = async (suggestedName: string): Promise<string | null> => {
    if (!dialogs) return null;
    const chosen = await dialogs.pickSavePath(path.join(scenarioDir, suggestedName));
    if (chosen) await policy.grant(chosen);
    return chosen;
  };

  const exportFile = async (request: ExportRequest): Promise<SavedFile | null> => {
    let target: string | null;
    if (dialogs) {
      target = await dialogs.pickSavePath(path.join(scenarioDir, request.suggestedName));
      if (!target) return null;
    } else {
      const exportDir = path.join(scenarioDir, 'exports');
      await fs.mkdir(exportDir, { recursive: true }).catch((err: unknown) => {
        throw fsError(err, 'create', exportDir);
      });
      target = await uniquePath(exportDir, request.suggestedName);
    }
    const data = request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content;
    await writeFileAtomic(target, data);
    return { path: target, name: path.basename(target), savedAt: now().toISOString() };
  };

  const exportFolder = async (request: ExportFolderRequest): Promise<HostMethodResults['exportFolder']> => {
    let parent: string;
    if (dialogs) {
      const chosen = await dialogs.pickFolder(scenarioDir);
      if (!chosen) return null;
      parent = chosen;
    } else {
      parent = path.join(scenarioDir, 'exports');
      await fs.mkdir(parent, { recursive: true }).catch((err: unknown) => {
        throw fsError(err, 'create', parent);
      });
    }
    const folder = await makeUniqueFolder(parent, request.folderName);
    const savedAt = now().toISOString();
    const files: SavedFile[] = [];
    for (const file of request.files) {
      const target = path.join(folder, file.name);
      await writeFileAtomic(target, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
      files.push({ path: target, name: file.name, savedAt });
    }
    return { folder: { path: folder, name: path.basename(folder), savedAt }, files };
  };

  const printReportPdf = async (html: string): Promise<string> => {
    if (!options.printPdf) throw new HostError({ code: 'unavailable', message: 'This host cannot print PDFs. Export the report as HTML and print it from a browser.' });
    const pdf = await options.printPdf(html);
    return Buffer.from(pdf).toString('base64');
  };

  /**
   * Removes the temporaries saves killed by a crash left behind, in the
   * folders the host writes to (scenario and exports folders, its own data,
   * the folders of recent files); run when a host starts.
   */
  const removeLeftoverTemps = async (): Promise<number> => {
    const recentDirs = (await recent.list().catch(() => [])).map((r) => path.dirname(r.path));
    const dirs = new Set([scenarioDir, path.join(scenarioDir, 'exports'), dataDir, path.join(dataDir, 'recovery'), ...recentDirs]);
    let removed = 0;
    for (const dir of dirs) removed += await removeStaleTempsIn(dir, STARTUP_STALE_TEMP_MS, now().getTime());
    return removed;
  };

  return {
    policy,
    removeLeftoverTemps,
    info,
    pickOpenPath,
    pickSavePath,
    listScenarioFiles,
    readScenario,
    writeScenario,
    listRecent: () => recent.list(),
    forgetRecent: (p: string) => recent.forget(p),
    listRecovery: () => recovery.list(),
    writeRecovery: (record: RecoveryRecord) => recovery.write(record),
    clearRecovery: (id: string) => recovery.clear(id),
    exportFile,
    exportFolder,
    readKeptResults: (scenarioPath: string) => readKeptResults(policy, scenarioPath),
    writeKeptResults: (scenarioPath: string, text: string) => writeKeptResults(policy, scenarioPath, text, now),
    printReportPdf,
  };
}

const sha256Of = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/**
 * Refuses to save over a file that changed on disk since the document was
 * opened or last saved (another window, another program): its content no
 * longer hashes to what the document was read from. A file that has gone
 * is not a conflict (saving makes it again).
 */
async function refuseIfChanged(checked: CheckedPath, expectedSha256: string): Promise<void> {
  let current: Buffer;
  try {
    const handle = await openChecked(checked);
    try {
      current = await handle.readFile();
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fsError(err, 'save', checked.path);
  }
  if (sha256Of(current) !== expectedSha256) {
    throw new HostError({
      code: 'conflict',
      message: `${path.basename(checked.path)} was changed on disk (by another window or program) since you opened or last saved it.`,
    });
  }
}

/** `dir/name`, or `dir/name (2).ext` and so on if that exists. */
async function uniquePath(dir: string, name: string): Promise<string> {
  const dot = name.indexOf('.', 1);
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    const exists = await fs.stat(candidate).then(() => true, () => false);
    if (!exists) return candidate;
  }
}

/**
 * Creates `parent/name`, or `parent/name (2)` and so on if that exists, and
 * returns its path. Creating (not checking first) makes the choice safe
 * against another export running at the same time.
 */
async function makeUniqueFolder(parent: string, name: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = path.join(parent, i === 1 ? name : `${name} (${i})`);
    try {
      await fs.mkdir(candidate);
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fsError(err, 'create', candidate);
    }
  }
}
