/// <reference lib="webworker" />
/**
 * The Web Worker an organisation import is read and built in: it reads the
 * Files itself and keeps what it parsed for the mapping step, so a large git
 * history never blocks the page.
 */
import type { ModelPerson } from '../../../simulation/orgImport/history';
import { createOrgImportSession, type ToOrgImport } from '../../../simulation/orgImport/importSession';

type Request = Exclude<ToOrgImport, { type: 'read' }> | { type: 'read'; id: number; files: File[]; modelPeople: ModelPerson[] };

const session = createOrgImportSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<Request>) => {
  const m = event.data;
  if (m.type === 'read') {
    try {
      const files = await Promise.all(m.files.map(async (f) => ({ name: f.name, text: await f.text() })));
      scope.postMessage(session({ type: 'read', id: m.id, files, modelPeople: m.modelPeople }));
    } catch (err) {
      scope.postMessage({ type: 'error', id: m.id, message: `A file could not be read: ${err instanceof Error ? err.message : String(err)}` });
    }
  } else scope.postMessage(session(m));
};
