/** A worker thread of the CLI's pool: runs chunks of replications. */
import { parentPort } from 'node:worker_threads';
import { createChunkHandler, transferList, type ToWorker } from '../run/workerProtocol';

const handle = createChunkHandler();
parentPort!.on('message', (message: ToWorker) => {
  const reply = handle(message);
  parentPort!.postMessage(reply, transferList(reply));
});
