import type { Scenario } from '../scenario/schema';
import { runTransition } from './runTransition';
import { summarizeTransition, type TransitionSummary } from './summary';

/** What the app asks its transition worker: run a variant's transition. */
export interface TransitionRequest {
  scenario: Scenario;
  variantId: string;
  replications: number;
}

/** What the worker answers: progress after each replication, then the summary (or why it failed). */
export type TransitionReply = { type: 'progress'; done: number; total: number } | { type: 'done'; summary: TransitionSummary } | { type: 'error'; message: string };

/** The worker's side (pure, so tests can call it): runs the request, posting progress every few replications and the summary. */
export function handleTransitionRequest(request: TransitionRequest, post: (reply: TransitionReply) => void): void {
  try {
    const every = Math.max(1, Math.floor(request.replications / 50));
    const run = runTransition(request.scenario, request.variantId, {
      replications: request.replications,
      onProgress: (done, total) => (done % every === 0 || done === total) && post({ type: 'progress', done, total }),
    });
    post({ type: 'done', summary: summarizeTransition(run, request.scenario.run.seed) });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
