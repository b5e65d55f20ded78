import { useId } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  type?: string;
  hint?: string;
  error?: string;
  autoFocus?: boolean;
  autoComplete?: string;
}

/** A labelled input with its hint and its error read out by screen readers. */
export function Field({ label, value, onChange, name, type = 'text', hint, error, autoFocus, autoComplete }: FieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        autoFocus={autoFocus}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={!!error}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {(error || hint) && (
        <small id={`${id}-msg`} className={error ? 'error' : 'muted'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}
