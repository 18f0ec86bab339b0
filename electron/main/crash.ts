import { app, dialog, type BrowserWindow, type RenderProcessGoneDetails } from 'electron';
import { decideAfterCrash } from '../node/rendererCrash';

/**
 * After the window's page process has gone (`render-process-gone`): asks
 * whether to reload (the reloaded page offers this window's autosaved work),
 * or, when it keeps failing, whether to quit. The decision is
 * {@link decideAfterCrash}'s; this only shows it.
 */
export function handleRendererGone(win: BrowserWindow, details: RenderProcessGoneDetails, crashTimes: number[]): void {
  const action = decideAfterCrash(details.reason, details.exitCode, crashTimes, Date.now());
  if (action.kind === 'ignore' || win.isDestroyed()) return;
  const buttons = action.kind === 'offer-reload' ? ['Reload', 'Close window'] : ['Quit Handoff', 'Reload anyway'];
  void dialog.showMessageBox(win, { type: 'warning', title: 'Handoff', message: action.message, detail: action.detail, buttons, defaultId: 0, cancelId: action.kind === 'offer-reload' ? 1 : 0 }).then(({ response }) => {
    if (win.isDestroyed()) return;
    const reload = action.kind === 'offer-reload' ? response === 0 : response === 1;
    if (reload) win.webContents.reload();
    else if (action.kind === 'offer-reload') win.destroy();
    else app.quit();
  });
}
