/**
 * The preload: exposes one named function per host API method on
 * `window.handoff`, and nothing else (never ipcRenderer itself). Built as
 * CommonJS so the sandboxed renderer can load it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { hostMethods, ipcChannel, MENU_CHANNEL, MENU_READY_CHANNEL, menuMessageSchema, type MenuMessage } from '../api/contract';

const api: Record<string, unknown> = {};
for (const method of hostMethods) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(method), ...args);
}
api.onMenuCommand = (listener: (message: MenuMessage) => void) => {
  const handler = (_event: IpcRendererEvent, message: unknown) => {
    const parsed = menuMessageSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(MENU_CHANNEL, handler);
  ipcRenderer.send(MENU_READY_CHANNEL);
  return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('handoff', Object.freeze(api));
