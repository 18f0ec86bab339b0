/// <reference lib="webworker" />
/**
 * The Web Worker an incident log is read and converted in, so a file of
 * 100,000 rows never blocks the page. It reads the File itself (no copy of
 * the text crosses threads) and keeps its table for the mapping step.
 */
import { createImportSession, MAX_LOG_FILE_BYTES, type ToImport } from '../../../simulation/replay/importSession';

type Request = Exclude<ToImport, { type: 'parse' }> | { type: 'read'; id: number; file: File; timeZone: string };

const session = createImportSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<Request>) => {
  const m = event.data;
  if (m.type === 'read') {
    if (m.file.size > MAX_LOG_FILE_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      scope.postMessage({ type: 'error', id: m.id, message: `${m.file.name} is ${mb(m.file.size)}; an incident log file may be at most ${mb(MAX_LOG_FILE_BYTES)}. Import a shorter period (split the file by date).` });
      return;
    }
    let text: string;
    try {
      text = await m.file.text();
    } catch (err) {
      scope.postMessage({ type: 'error', id: m.id, message: `${m.file.name} could not be read: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    scope.postMessage(session({ type: 'parse', id: m.id, text, fileName: m.file.name, timeZone: m.timeZone }));
  } else scope.postMessage(session(m));
};
