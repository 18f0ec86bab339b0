/// <reference lib="webworker" />
/**
 * The Web Worker that simulates a variant's transition (both arms of every
 * replication), posting progress and then the summary. Cancelling ends the
 * worker (see transitionClient.ts).
 */
import { handleTransitionRequest, type TransitionReply, type TransitionRequest } from '../../../simulation/transition/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<TransitionRequest>) => handleTransitionRequest(event.data, (reply: TransitionReply) => scope.postMessage(reply));
