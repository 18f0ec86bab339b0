import {
  HostError,
  hostMethodArgs,
  type HostMethod,
  type HostResult,
} from '../api/contract';
import type { HostServices } from './hostServices';

const isMethod = (name: string): name is HostMethod => Object.hasOwn(hostMethodArgs, name);

/**
 * Runs one API call from either host: checks the method name and validates
 * the arguments against the contract, then calls the service. Never throws;
 * every failure becomes an error result with a plain sentence.
 */
export async function dispatch(services: HostServices, method: string, args: unknown): Promise<HostResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `There is no host method called "${method}".` } };
  }
  const parsed = hostMethodArgs[method].safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.length ? `argument ${i.path.join('.')}` : 'arguments'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: { code: 'bad-arguments', message: `${method}: ${problems}` } };
  }
  try {
    const fn = services[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...(parsed.data as unknown[])) };
  } catch (err) {
    if (err instanceof HostError) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
  }
}
