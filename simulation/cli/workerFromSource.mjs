// Starts a pool worker from the TypeScript sources (npm run simulate, tests):
// worker threads do not inherit tsx's loader, so the worker registers it.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
