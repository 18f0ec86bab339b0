/// <reference lib="webworker" />
/**
 * A Web Worker of the app's simulation pool: runs chunks of replications
 * with the same handler as the command line's worker threads.
 */
import { createChunkHandler, transferList, warmUp, type ToWorker, type WarmUpMessage } from '../../../simulation/run/workerProtocol';

const handle = createChunkHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ToWorker | WarmUpMessage>) => {
  if (event.data.type === 'warm') return warmUp(event.data);
  const reply = handle(event.data);
  scope.postMessage(reply, transferList(reply));
};
