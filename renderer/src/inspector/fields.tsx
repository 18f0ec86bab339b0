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
          if (n < min) return setError(`At least ${bound(min, 'up')}`);
          if (n > max) return setError(`At most ${bound(max, 'down')}`);
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

/** A field's bound as said to the user: rounded towards the allowed side, so the figure shown can be typed ("At most 166,666", not 166,700). */
function bound(v: number, towards: 'up' | 'down'): string {
  const digits = Math.abs(v) >= 1000 ? 0 : 4 - Math.max(0, Math.floor(Math.log10(Math.abs(v) || 1)) + 1);
  const scale = 10 ** digits;
  const rounded = (towards === 'down' ? Math.floor(v * scale) : Math.ceil(v * scale)) / scale;
  return rounded.toLocaleString('en', { maximumFractionDigits: 4 });
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

/** A level 0..1 as the percent people read: 0.9 is "90". */
export const toPercent = (level: number) => Number((level * 100).toFixed(1));

/**
 * Reads a typed percent: a level 0..1, null for an empty field, or why it
 * is refused (never clamped: 150 is an error, not 100).
 */
export function parsePercent(text: string): { level: number | null } | { error: string } {
  const t = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (t === '') return { level: null };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: 'Enter a percent from 0 to 100' };
  if (n < 0) return { error: `${n}% is below 0%` };
  if (n > 100) return { error: `${n}% is above 100%` };
  return { level: n / 100 };
}

/** A level edited in percent (0 to 100), said inline when out of range; the document keeps the last good value. */
export function PercentInput({ value, onChange, testId, onBlur, ariaLabel }: { value: number; onChange(level: number): void; testId?: string; onBlur?(): void; ariaLabel?: string }) {
  const [text, setText] = useState(String(toPercent(value)));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const typed = parsePercent(text);
    if (!('level' in typed) || typed.level !== value) setText(String(toPercent(value)));
  }
  return (
    <span className="number-input percent-input">
      <input
        className="input"
        inputMode="decimal"
        aria-label={ariaLabel}
        aria-invalid={error !== null}
        data-testid={testId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const r = parsePercent(e.target.value);
          if ('error' in r) return setError(r.error);
          if (r.level === null) return setError('Enter a percent from 0 to 100');
          setError(null);
          onChange(r.level);
        }}
        onBlur={() => {
          setError(null);
          setText(String(toPercent(value)));
          onBlur?.();
        }}
      />
      <span className="unit">%</span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
