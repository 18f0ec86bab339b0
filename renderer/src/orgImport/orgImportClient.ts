import type { FromOrgImport, OrgBuilt, OrgRead, ToOrgImport } from '../../../simulation/orgImport/importSession';

/**
 * The page's side of the organisation import worker: one worker per dialog,
 * requests answered as promises; a newer build supersedes an older one still
 * running (it resolves to null), so the preview never shows a stale result.
 */
export class OrgImportClient {
  private readonly worker = new Worker(new URL('./orgImport.worker.ts', import.meta.url), { type: 'module', name: 'handoff-org-import' });
  private nextId = 1;
  private latestBuild = 0;
  private readonly waiting = new Map<number, (m: FromOrgImport) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<FromOrgImport>) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data);
    };
  }

  private ask(message: Record<string, unknown> & { type: string }): Promise<FromOrgImport> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }

  async read(files: File[], modelPeople: { id: string; name: string }[]): Promise<OrgRead> {
    const reply = await this.ask({ type: 'read', files, modelPeople });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'read') throw new Error('The import worker answered out of turn.');
    return reply.read;
  }

  async build(request: Omit<Extract<ToOrgImport, { type: 'build' }>, 'type' | 'id'>): Promise<OrgBuilt | null> {
    const mine = this.nextId;
    this.latestBuild = mine;
    const reply = await this.ask({ type: 'build', ...request });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'built') throw new Error('The import worker answered out of turn.');
    return mine === this.latestBuild ? reply.built : null;
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}
