/** A worker thread of the CLI's pool: runs chunks of replications. */
import { parentPort } from 'node:worker_threads';
import { createChunkHandler, transferList, warmUpSteps, type ToWorker, type WarmUpMessage } from '../run/workerProtocol';

const handle = createChunkHandler();
parentPort!.on('message', (message: ToWorker | WarmUpMessage) => {
  if (message.type === 'warm') {
    // Warmed in one go (see WorkerPool.warmUp), then said so.
    const step = warmUpSteps(message);
    while (step());
    parentPort!.postMessage({ type: 'warmed' });
    return;
  }
  const reply = handle(message);
  parentPort!.postMessage(reply, transferList(reply));
});
