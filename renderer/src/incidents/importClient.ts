import type { ConvertedLog, FromImport, ParsedLog, ToImport } from '../../../simulation/replay/importSession';

/**
 * The page's side of the import worker: one worker per import dialog,
 * requests answered as promises. A newer conversion supersedes an older
 * one still running (its promise resolves to null), so typing in the
 * mapping step never shows a stale result.
 */
export class ImportClient {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'handoff-import' });
  private nextId = 1;
  private latestConvert = 0;
  private readonly waiting = new Map<number, (m: FromImport) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<FromImport>) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data);
    };
  }

  private ask(message: Record<string, unknown> & { type: string }): Promise<FromImport> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }

  async read(file: File, timeZone: string): Promise<ParsedLog> {
    const reply = await this.ask({ type: 'read', file, timeZone });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'parsed') throw new Error('The import worker answered out of turn.');
    return reply.parsed;
  }

  async convert(request: Omit<Extract<ToImport, { type: 'convert' }>, 'type' | 'id'>): Promise<ConvertedLog | null> {
    const mine = this.nextId;
    this.latestConvert = mine;
    const withIncidents = request.withIncidents;
    const reply = await this.ask({ type: 'convert', ...request });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'converted') throw new Error('The import worker answered out of turn.');
    return mine === this.latestConvert || withIncidents ? reply.converted : null;
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}
