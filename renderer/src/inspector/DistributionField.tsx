import { useState } from 'react';
import { distributionMean, distributionProblems, type Distribution } from '../../../simulation/random/distribution';
import { NumberInput } from './fields';

const KINDS: { kind: Distribution['kind']; label: string }[] = [
  { kind: 'lognormal', label: 'About (lognormal)' },
  { kind: 'exponential', label: 'Memoryless (exponential)' },
  { kind: 'uniform', label: 'Between (uniform)' },
  { kind: 'triangular', label: 'Min, likely, max (triangular)' },
  { kind: 'constant', label: 'Exactly (constant)' },
];

/** Turns a distribution into another kind with about the same mean. */
function convert(d: Distribution, kind: Distribution['kind']): Distribution {
  const mean = Math.max(0.01, distributionMean(d));
  switch (kind) {
    case 'lognormal':
      return { kind, mean, sigma: 0.5 };
    case 'exponential':
      return { kind, mean };
    case 'uniform':
      return { kind, min: mean / 2, max: mean * 1.5 };
    case 'triangular':
      return { kind, min: mean / 2, mode: mean, max: mean * 1.5 };
    case 'constant':
      return { kind, value: mean };
    case 'empirical':
      return { kind, values: [mean] };
  }
}

/** Edits a duration distribution (hours): its kind and parameters. */
export function DistributionField({ value, onChange, testId, onBlur }: { value: Distribution; onChange(d: Distribution): void; testId: string; onBlur?(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  // Only a valid distribution reaches the document; otherwise say what is wrong here.
  const propose = (d: Distribution) => {
    const problems = distributionProblems(d);
    setProblem(problems[0] ?? null);
    if (problems.length === 0) onChange(d);
  };
  const num = (key: string, v: number, label: string, min = 0) => (
    <NumberInput key={key} ariaLabel={label} value={v} min={min} unit={label} testId={`${testId}-${key}`} onBlur={onBlur} onChange={(n) => propose({ ...value, [key]: n } as Distribution)} />
  );
  return (
    <div className="distribution-field" data-testid={testId}>
      <select className="input" value={value.kind} aria-label="Kind of distribution" onChange={(e) => propose(convert(value, e.target.value as Distribution['kind']))}>
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
        {value.kind === 'empirical' && <option value="empirical">From data ({value.values.length} values)</option>}
      </select>
      <div className="distribution-params">
        {value.kind === 'lognormal' && [num('mean', value.mean, 'h mean', 0.001), num('sigma', value.sigma, 'σ')]}
        {value.kind === 'exponential' && num('mean', value.mean, 'h mean', 0.001)}
        {value.kind === 'uniform' && [num('min', value.min, 'h min'), num('max', value.max, 'h max')]}
        {value.kind === 'triangular' && [num('min', value.min, 'h min'), num('mode', value.mode, 'h likely'), num('max', value.max, 'h max')]}
        {value.kind === 'constant' && num('value', value.value, 'h')}
      </div>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
