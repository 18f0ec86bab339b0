import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { hostMethods, ipcChannel, type HostResult } from '../api/contract';
import { dispatch } from '../node/dispatch';
import type { HostServices } from '../node/hostServices';
import { isAppUrl } from '../node/trustedSender';

/**
 * One `ipcMain.handle` per API method. Each checks that the message comes from
 * the app's own top-level page before validating the arguments and doing the
 * work; anything else gets an error result, never an exception.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: HostServices): void {
  for (const method of hostMethods) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<HostResult<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'unauthorized', message: `Refused ${method}: the request did not come from the Handoff window.` } };
      }
      return dispatch(services, method, args);
    });
  }
}
