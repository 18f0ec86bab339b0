/// <reference lib="webworker" />
/**
 * A Web Worker of the app's simulation pool: runs chunks of replications
 * with the same handler as the command line's worker threads.
 */
import { createChunkHandler, transferList, warmUpSteps, type ToWorker, type WarmUpMessage } from '../../../simulation/run/workerProtocol';

const handle = createChunkHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
// A warm-up runs one replication per task, so that a chunk posted meanwhile is handled next; real work ends it.
let warming = 0;
scope.onmessage = (event: MessageEvent<ToWorker | WarmUpMessage>) => {
  const run = ++warming;
  if (event.data.type === 'warm') {
    const step = warmUpSteps(event.data);
    const next = () => {
      if (run === warming && step()) setTimeout(next, 0);
    };
    return next();
  }
  const reply = handle(event.data);
  scope.postMessage(reply, transferList(reply));
};
