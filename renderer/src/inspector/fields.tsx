import { useState, type ReactNode } from 'react';

/** A labelled field with an optional hint or inline validation message. */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string | null; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </label>
  );
}

interface NumberInputProps {
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
  /** Shown as the field's unit, after it. */
  unit?: string;
  onBlur?(): void;
  ariaLabel?: string;
}

/**
 * A number that is only applied when it is a valid number in range; while
 * the text is not, it says why beside the field and the document keeps the
 * last good value.
 */
export function NumberInput({ value, onChange, min = -Infinity, max = Infinity, step = 0.1, testId, unit, onBlur, ariaLabel }: NumberInputProps) {
  const [text, setText] = useState(format(value));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  // The value changed from outside (undo, another field): show it, unless it is what is being typed.
  if (value !== shown) {
    setShown(value);
    if (Number(text.replace(',', '.')) !== value) setText(format(value));
  }
  return (
    <span className="number-input">
      <input
        className="input"
        inputMode="decimal"
        aria-label={ariaLabel}
        aria-invalid={error !== null}
        data-testid={testId}
        value={text}
        step={step}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.replace(',', '.'));
          if (e.target.value.trim() === '' || !Number.isFinite(n)) return setError('Enter a number');
          if (n < min) return setError(`At least ${min}`);
          if (n > max) return setError(`At most ${max}`);
          setError(null);
          onChange(n);
        }}
        onBlur={() => {
          setError(null);
          setText(format(value));
          onBlur?.();
        }}
      />
      {unit && <span className="unit">{unit}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

const format = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));

/** Choosing a team (or none) for a person or a service. */
export function TeamSelect({ teams, value, onChange, testId }: { teams: readonly { id: string; name: string }[]; value: string | null; onChange(team: string | null): void; testId?: string }) {
  return (
    <Field label="Team">
      <select className="input" data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
