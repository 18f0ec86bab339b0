import type { TransitionReply, TransitionRequest } from '../../../simulation/transition/protocol';
import type { TransitionSummary } from '../../../simulation/transition/summary';

/** Thrown (rejected) when a transition run is cancelled. */
export class TransitionCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let current: { worker: Worker; reject(err: Error): void } | null = null;

/**
 * Runs a transition in a Web Worker of its own (one at a time: a new run
 * cancels the one before), reporting progress; resolves with the summary.
 */
export function runTransitionInWorker(request: TransitionRequest, onProgress: (done: number, total: number) => void): Promise<TransitionSummary> {
  cancelTransition();
  const worker = new Worker(new URL('./transition.worker.ts', import.meta.url), { type: 'module', name: 'handoff-transition' });
  return new Promise<TransitionSummary>((resolve, reject) => {
    const mine = { worker, reject };
    current = mine;
    const finish = () => {
      worker.terminate();
      if (current === mine) current = null;
    };
    worker.onmessage = (e: MessageEvent<TransitionReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') onProgress(reply.done, reply.total);
      else {
        finish();
        if (reply.type === 'done') resolve(reply.summary);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || 'the transition worker failed'));
    };
    worker.postMessage(request);
  });
}

/** Stops the running transition, if any (its promise rejects with {@link TransitionCancelled}). */
export function cancelTransition(): void {
  if (!current) return;
  current.worker.terminate();
  current.reject(new TransitionCancelled());
  current = null;
}
