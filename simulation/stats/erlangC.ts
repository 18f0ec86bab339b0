/**
 * Closed-form results for the M/M/c queue (Poisson arrivals at rate `lambda`,
 * exponential service at rate `mu` per server, `c` identical servers, one FIFO
 * queue, infinite room), used as correctness oracles for the engine.
 */

/**
 * Erlang's C formula: the steady-state probability that an arrival has to wait.
 * Computed with the numerically stable Erlang B recursion
 * B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), C = B / (1 - rho (1 - B)),
 * with offered load a = lambda / mu and rho = a / c.
 * @throws RangeError unless c is a positive integer, rates are positive and finite, and rho < 1.
 */
export function erlangC(c: number, lambda: number, mu: number): number {
  checkStable(c, lambda, mu);
  const a = lambda / mu;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** Steady-state mean wait in queue (before service starts): Wq = C / (c mu - lambda). Same preconditions as {@link erlangC}. */
export function mmcMeanWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda, mu) / (c * mu - lambda);
}

function checkStable(c: number, lambda: number, mu: number): void {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`servers must be a positive integer, got ${c}`);
  if (!(lambda > 0 && lambda < Infinity)) throw new RangeError(`arrival rate must be > 0 and finite, got ${lambda}`);
  if (!(mu > 0 && mu < Infinity)) throw new RangeError(`service rate must be > 0 and finite, got ${mu}`);
  if (!(lambda < c * mu)) throw new RangeError(`the queue is unstable: lambda (${lambda}) must be < c * mu (${c * mu})`);
}
