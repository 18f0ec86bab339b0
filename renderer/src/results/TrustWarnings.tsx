import '../styles/trustWarnings.css';

/**
 * What a manager must know before trusting a result: a run that does not
 * settle, work or incidents still running at the end, a short warm-up (see
 * simulation/run/diagnostics.ts). Shown on the card, next to the figures.
 */
export function TrustWarnings({ warnings, testId }: { warnings: readonly string[]; testId?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="trust-warnings" data-testid={testId} aria-label="Before trusting these figures">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/** A small mark for a figure or difference that is not a steady-state result. */
export function NotSteadyMark({ caveat }: { caveat: string | null }) {
  if (!caveat) return null;
  return (
    <span className="not-steady" title={caveat}>
      not steady state
    </span>
  );
}
