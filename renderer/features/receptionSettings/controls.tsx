import { useId, type ReactNode } from 'react';

/**
 * Inputs of this screen. `name` goes to `data-field` (focusing a new row or the first error finds
 * it); the error, or else the hint, is read out with the field. Grid cells have no visible label:
 * they take `label` as their accessible name instead.
 */
interface InputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: ReactNode;
  /** In a grid or list row: no visible label, `label` is the accessible name. */
  cell?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  placeholder?: string;
  className?: string;
  /** Text shown after the input (a unit: "đ", "g"). */
  suffix?: string;
}

export function Input({ label, name, value, onChange, onBlur, error, hint, cell, type = 'text', inputMode, maxLength, placeholder, className, suffix }: InputProps) {
  const id = useId();
  const describedBy = error || hint ? `${id}-msg` : undefined;
  const input = (
    <input
      id={id}
      data-field={name}
      type={type}
      value={value}
      inputMode={inputMode}
      maxLength={maxLength}
      placeholder={placeholder}
      autoComplete="off"
      aria-label={cell ? label : undefined}
      aria-invalid={!!error}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
    />
  );
  return (
    <div className={`field${cell ? ' rs-cell' : ''}${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      {!cell && <label htmlFor={id}>{label}</label>}
      {suffix ? (
        <span className="rs-unit">
          {input}
          <span aria-hidden="true">{suffix}</span>
        </span>
      ) : (
        input
      )}
      {(error || hint) && (
        <small id={`${id}-msg`} className={error ? 'error' : 'muted'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}

export function Select({
  label,
  name,
  value,
  onChange,
  error,
  cell,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  cell?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${cell ? ' rs-cell' : ''}${error ? ' invalid' : ''}`}>
      {!cell && <label htmlFor={id}>{label}</label>}
      <select
        id={id}
        data-field={name}
        value={value}
        aria-label={cell ? label : undefined}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {error && (
        <small id={`${id}-msg`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A small button that removes a row: visible "Xóa", accessible name saying what it removes. */
export function RemoveButton({ label, text, onClick, name, disabled }: { label: string; text: string; onClick: () => void; name?: string; disabled?: boolean }) {
  return (
    <button type="button" className="rs-remove" aria-label={label} title={label} data-field={name} onClick={onClick} disabled={disabled}>
      {text}
    </button>
  );
}

/** Focuses the element carrying data-field=`name` inside `root`, or the first invalid field for '*invalid*'. */
export function focusIn(root: HTMLElement | null, name: string): void {
  if (!root) return;
  const el =
    name === '*invalid*'
      ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
      : [...root.querySelectorAll<HTMLElement>('[data-field]')].find((e) => e.dataset.field === name);
  el?.focus();
  if (el instanceof HTMLInputElement && el.type === 'text') el.select();
}
