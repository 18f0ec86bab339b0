/**
 * The Electron main process: one secure window showing the renderer from
 * app://handoff/, the application menu, native dialogs, and the host API over
 * IPC. The real work is in ../node (plain Node modules shared with the web host).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import path from 'node:path';
import { MENU_CHANNEL, MENU_READY_CHANNEL, type MenuMessage } from '../api/contract';
import { createHostServices, type Dialogs, type HostServices } from '../node/hostServices';
import { filesFromArgv, LaunchFiles } from '../node/launchFiles';
import { APP_ENTRY_URL, isAppUrl } from '../node/trustedSender';
import { handleRendererGone } from './crash';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { printReportWithElectron } from './printToPdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { mainWindowOptions } from './windowOptions';

const here = import.meta.dirname;
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

registerAppScheme();
app.enableSandbox();

/** False in a second instance, which hands its command line to the first (`second-instance`) and quits. */
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

const scenarioFilters = [
  { name: 'Handoff scenario or report', extensions: ['json', 'html', 'htm'] },
  { name: 'Handoff scenario', extensions: ['json'] },
  { name: 'Handoff report (restores its scenario)', extensions: ['html', 'htm'] },
];

const dialogs: Dialogs = {
  async pickOpenPath(defaultDir) {
    const win = BrowserWindow.getFocusedWindow();
    const options = { defaultPath: defaultDir, properties: ['openFile' as const], filters: scenarioFilters };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickSavePath(defaultPath) {
    const win = BrowserWindow.getFocusedWindow();
    const options = { defaultPath };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
  },
  async pickFolder(defaultDir) {
    const win = BrowserWindow.getFocusedWindow();
    const options = { defaultPath: defaultDir, title: 'Export into folder', buttonLabel: 'Export here', properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};

const baseServices = createHostServices({
  host: 'electron',
  appVersion: app.getVersion(),
  platform: process.platform,
  scenarioDir: path.join(app.getPath('documents'), 'Handoff'),
  dataDir: app.getPath('userData'),
  dialogs,
  printPdf: printReportWithElectron,
});

/** The same services, rebuilding the Open Recent menu when the recent list changes. */
const services: HostServices = {
  ...baseServices,
  readScenario: async (p) => after(await baseServices.readScenario(p)),
  writeScenario: async (p, text) => after(await baseServices.writeScenario(p, text)),
  forgetRecent: async (p) => after(await baseServices.forgetRecent(p)),
};

function after<T>(value: T): T {
  void refreshMenu();
  return value;
}

function sendToFocused(message: MenuMessage): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_CHANNEL, message);
}

/**
 * Files the system hands the app (double-click on a `.handoff.json`, "Open
 * with", the command line): the user chose them, so they are granted like a
 * file picked in Open..., then opened in the window once its page listens.
 */
const launchFiles = new LaunchFiles();
let granting = Promise.resolve();
/** Set once the first window has been made at start-up; until then that window is still to come. */
let started = false;
function openFromSystem(files: readonly string[]): void {
  for (const file of files) {
    granting = granting
      .then(() => baseServices.policy.grant(file))
      .then(() => {
        launchFiles.add(file);
        // macOS keeps running with no window: a double-clicked file opens one.
        if (started && BrowserWindow.getAllWindows().length === 0) createWindow();
      })
      .catch(() => undefined);
  }
}

// macOS sends the file a document was double-clicked with, even before the app is ready.
app.on('open-file', (event, file) => {
  event.preventDefault();
  openFromSystem([file]);
});
if (primary) openFromSystem(filesFromArgv(process.argv, process.cwd(), process.defaultApp === true));

async function refreshMenu(): Promise<void> {
  const recent = await services.listRecent();
  const template = buildMenuTemplate({
    appName: app.name,
    isMac: process.platform === 'darwin',
    recent,
    send: sendToFocused,
    reload: () => (BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0])?.webContents.reload(),
    showAbout: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'About Handoff',
        message: `Handoff ${app.getVersion()}`,
        detail: 'See what team structure does to delivery.',
      }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  // The page refuses to unload while it has unsaved changes; ask the user.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Discard changes and close', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This scenario has unsaved changes.',
      detail: 'If you close now, the changes are lost (a recovery copy is kept until you discard it).',
    });
    if (choice === 0) event.preventDefault();
  });
  const crashTimes: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    launchFiles.pause();
    handleRendererGone(win, details, crashTimes);
  });
  win.on('closed', () => launchFiles.pause());
  void win.loadURL(APP_ENTRY_URL);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);
  registerIpcHandlers(ipcMain, services);
  ipcMain.on(MENU_READY_CHANNEL, (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return;
    const contents = event.sender;
    launchFiles.ready((file) => {
      if (!contents.isDestroyed()) contents.send(MENU_CHANNEL, { command: 'file.openRecent', path: file } satisfies MenuMessage);
    });
  });
  void baseServices.removeLeftoverTemps();
  setTimeout(() => void baseServices.removeLeftoverTemps(), 60_000).unref();
  await refreshMenu();
  createWindow();
  started = true;
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', (_event, argv, workingDirectory) => {
  openFromSystem(filesFromArgv(argv, workingDirectory, process.defaultApp === true));
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
