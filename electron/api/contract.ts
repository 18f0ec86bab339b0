/**
 * The one typed API between the renderer and its host.
 *
 * Two hosts implement it: the Electron main process (through the preload's
 * `contextBridge`) and the local web host (JSON over HTTP on 127.0.0.1). Both
 * validate every call's arguments with the schemas below before doing anything,
 * and both answer with the same {@link HostResult} envelope, so the renderer
 * sees one behaviour whichever host it runs in.
 *
 * This file is pure TypeScript (no Node, no DOM, no Electron) so that the
 * renderer may import it.
 */
import { z } from 'zod';

/**
 * Largest scenario or export text a host accepts (bytes of UTF-8): what a
 * host opens again. The same as simulation/scenario/textSize.ts's
 * MAX_SCENARIO_FILE_BYTES, which an import checks against (a test holds them equal).
 */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

/** Bytes of `text` in UTF-8, counted without encoding it (a lone surrogate as its 3-byte replacement). */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Largest report a host prints to PDF (bytes of UTF-8 HTML). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** File name ending of a scenario document. */
export const SCENARIO_EXTENSION = '.handoff.json';

const pathArg = z
  .string()
  .min(1, 'a path is required')
  .max(4096, 'the path is longer than 4096 characters')
  .refine((p) => !p.includes('\0'), 'the path contains a NUL character');

// Bytes, not characters: a text of 40 million accented characters is 80 MB on disk and could not be opened again.
const textArg = z
  .string()
  .max(MAX_TEXT_BYTES, `the text is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB`)
  .refine((t) => utf8Bytes(t) <= MAX_TEXT_BYTES, { error: (i) => `the text is ${(utf8Bytes(String(i.input)) / 1024 / 1024).toFixed(1)} MB as a file, larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB` });

const fileNameArg = z
  .string()
  .min(1, 'a file name is required')
  .max(255, 'the file name is longer than 255 characters')
  .refine((n) => !/[\\/\0]/.test(n), 'a file name may not contain / or \\')
  .refine((n) => n !== '.' && n !== '..', 'a file name may not be . or ..');

const recoveryIdArg = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'a recovery id is 1 to 64 characters of a-z, 0-9 and -');

export const recoveryRecordSchema = z.object({
  id: recoveryIdArg,
  /** The file the unsaved work belongs to, or null for a document never saved. */
  documentPath: pathArg.nullable(),
  /** What the user calls this document (shown when recovery is offered). */
  title: z.string().max(500),
  text: textArg,
  /** ISO 8601 time of the last autosave. */
  updatedAt: z.string().max(64),
  /** The window (tab) whose work this is, so another open window does not take it for crashed work. */
  windowId: recoveryIdArg.optional(),
});
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;

const reportHtmlArg = z
  .string()
  .max(MAX_REPORT_BYTES, `the report is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB`)
  .refine((html) => /^\s*<!doctype html>/i.test(html), 'a report is an HTML document starting with <!doctype html>');

export const exportRequestSchema = z.object({
  suggestedName: fileNameArg,
  /** Text content, or base64 when `encoding` is 'base64' (PNG, PDF). */
  content: textArg,
  encoding: z.enum(['utf8', 'base64']),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Most files one folder export may write. */
export const MAX_EXPORT_FILES = 50;

/** Several files written together into a new folder (the CSV tables of a report). */
export const exportFolderRequestSchema = z
  .object({
    /** The new folder's name (made unique with " (2)" and so on where taken). */
    folderName: fileNameArg,
    files: z
      .array(z.object({ name: fileNameArg, content: textArg, encoding: z.enum(['utf8', 'base64']) }))
      .min(1, 'there are no files to export')
      .max(MAX_EXPORT_FILES, `at most ${MAX_EXPORT_FILES} files can be exported at once`),
  })
  .refine((r) => new Set(r.files.map((f) => f.name.toLowerCase())).size === r.files.length, 'two files have the same name')
  .refine((r) => r.files.reduce((sum, f) => sum + f.content.length, 0) <= MAX_TEXT_BYTES, `the files are larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB together`);
export type ExportFolderRequest = z.infer<typeof exportFolderRequestSchema>;

/**
 * Argument schemas, one per API method. The tuple is the method's parameter
 * list; hosts reject calls whose arguments do not match, before any work.
 */
export const hostMethodArgs = {
  info: z.tuple([]),
  pickOpenPath: z.tuple([]),
  pickSavePath: z.tuple([fileNameArg]),
  listScenarioFiles: z.tuple([]),
  readScenario: z.tuple([pathArg]),
  /** The third argument, where given, is the SHA-256 the file had when read or last saved: a file changed since is refused with `conflict`. */
  writeScenario: z.tuple([pathArg, textArg, z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hex digits').optional()]),
  listRecent: z.tuple([]),
  forgetRecent: z.tuple([pathArg]),
  listRecovery: z.tuple([]),
  writeRecovery: z.tuple([recoveryRecordSchema]),
  clearRecovery: z.tuple([recoveryIdArg]),
  exportFile: z.tuple([exportRequestSchema]),
  /** Writes files into a new folder: in a folder the user picks (desktop) or in the exports folder (web). */
  exportFolder: z.tuple([exportFolderRequestSchema]),
  /** Results kept beside the scenario at this path (null: none kept). */
  readKeptResults: z.tuple([pathArg]),
  /** Keeps results beside the scenario at this path (the host names the file). */
  writeKeptResults: z.tuple([pathArg, textArg]),
  printReportPdf: z.tuple([reportHtmlArg]),
} as const;

export type HostMethod = keyof typeof hostMethodArgs;
export const hostMethods = Object.keys(hostMethodArgs) as HostMethod[];

export interface HostInfo {
  host: 'electron' | 'web';
  appVersion: string;
  platform: string;
  /** The folder scenarios are saved in by default (the web host's only folder). */
  scenarioDir: string;
  /** True when the host shows the operating system's open/save dialogs. */
  nativeDialogs: boolean;
}

export interface ScenarioFile {
  path: string;
  /** File name without folders. */
  name: string;
  text: string;
  /** ISO 8601 modification time. */
  modifiedAt: string;
  /** SHA-256 (hex) of the file's bytes, to pass back when saving (see `writeScenario`). */
  sha256: string;
}

export interface SavedFile {
  path: string;
  name: string;
  savedAt: string;
  /** SHA-256 (hex) of what was written (scenario saves only). */
  sha256?: string;
}

export interface FileEntry {
  path: string;
  name: string;
  sizeBytes: number;
  modifiedAt: string;
}

export interface RecentEntry {
  path: string;
  name: string;
  openedAt: string;
  /** False when the file has gone since it was last opened. */
  exists: boolean;
}

/** What each method returns (the value inside an ok {@link HostResult}). */
export interface HostMethodResults {
  info: HostInfo;
  /** Null when the user cancelled, or the host has no native dialog. */
  pickOpenPath: string | null;
  pickSavePath: string | null;
  listScenarioFiles: FileEntry[];
  readScenario: ScenarioFile;
  writeScenario: SavedFile;
  listRecent: RecentEntry[];
  forgetRecent: RecentEntry[];
  listRecovery: RecoveryRecord[];
  writeRecovery: { updatedAt: string };
  clearRecovery: { removed: boolean };
  /** Null when the user cancelled a save dialog. */
  exportFile: SavedFile | null;
  /** The folder made and the files in it; null when the user cancelled the folder dialog. */
  exportFolder: { folder: SavedFile; files: SavedFile[] } | null;
  readKeptResults: KeptResults | null;
  writeKeptResults: SavedFile;
  /** The PDF of the report, base64-encoded (fails with `unavailable` where the host cannot print). */
  printReportPdf: string;
}

/** Results of a run kept beside a scenario file. */
export interface KeptResults {
  path: string;
  text: string;
  modifiedAt: string;
}

export type HostMethodParams = {
  [M in HostMethod]: z.infer<(typeof hostMethodArgs)[M]>;
};

/** Why a call failed, in a form the UI can act on. */
export type HostErrorCode =
  | 'bad-arguments'
  | 'unauthorized'
  | 'forbidden-path'
  | 'not-found'
  | 'too-large'
  | 'permission-denied'
  | 'disk-full'
  | 'read-only'
  | 'is-directory'
  | 'unknown-method'
  | 'unavailable'
  | 'conflict'
  | 'io-error'
  | 'internal';

export interface HostErrorInfo {
  code: HostErrorCode;
  /** A plain sentence that says what went wrong and where. */
  message: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostErrorInfo };

/**
 * The API as the renderer sees it: every method returns a promise of its
 * value, or rejects with a {@link HostError}.
 */
export type HostApi = {
  [M in HostMethod]: (...args: HostMethodParams[M]) => Promise<HostMethodResults[M]>;
} & {
  /** Subscribe to commands from a native menu; returns an unsubscribe function. */
  onMenuCommand(listener: (message: MenuMessage) => void): () => void;
};

/**
 * What the Electron preload exposes on `window.handoff`: the same methods,
 * answering with the raw {@link HostResult} envelope.
 */
export type HostBridge = {
  [M in HostMethod]: (...args: HostMethodParams[M]) => Promise<HostResult<HostMethodResults[M]>>;
} & Pick<HostApi, 'onMenuCommand'>;

/** Commands a native application menu can send to the renderer. */
export const menuCommands = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.export',
  'file.importOrg',
  'edit.undo',
  'edit.redo',
  'view.toggleTheme',
  'help.about',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** What a native menu sends: a command, or open-recent with the chosen path. */
export type MenuMessage = { command: MenuCommand } | { command: 'file.openRecent'; path: string };

/** Checks a menu message that crossed a process boundary. */
export const menuMessageSchema = z.union([
  z.object({ command: z.enum(menuCommands) }),
  z.object({ command: z.literal('file.openRecent'), path: pathArg }),
]);

/** The error the renderer's host client throws for a failed call. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  constructor(info: HostErrorInfo) {
    super(info.message);
    this.name = 'HostError';
    this.code = info.code;
  }
}

/** Name of the IPC channel for a method (Electron host). */
export const ipcChannel = (method: HostMethod): string => `handoff:${method}`;
/** IPC channel on which the main process sends menu commands. */
export const MENU_CHANNEL = 'handoff:menu';
/**
 * IPC channel on which the page tells the main process it listens for menu
 * commands: files the system asked the app to open (double-click, "Open
 * with") are sent from then on, not before, so none is lost while the page loads.
 */
export const MENU_READY_CHANNEL = 'handoff:menu-ready';
/** HTTP header that carries the web host's per-launch token. */
export const TOKEN_HEADER = 'x-handoff-token';
