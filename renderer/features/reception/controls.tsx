import { useId, type ReactNode, type Ref } from 'react';

/**
 * Labelled inputs for the reception forms (like ui/Field, plus selects, a ref for focusing the
 * first invalid field, blur for "touched", and `data-field` so the step can find a field by name).
 */

interface Common {
  label: string;
  /** The form's own name for the field ("applicant.phone"): focusing the first error uses it. */
  name: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
  onBlur?: () => void;
}

function Message({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (!error && !hint) return null;
  return (
    <small id={`${id}-msg`} className={error ? 'error' : 'muted'}>
      {error ?? hint}
    </small>
  );
}

export function TextField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  className,
  onBlur,
  type = 'text',
  inputMode,
  maxLength,
  max,
  autoFocus,
  inputRef,
  placeholder,
  acceptsScan,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  type?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  maxLength?: number;
  max?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  acceptsScan?: boolean;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span className="rx-label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </span>
      <input
        id={id}
        ref={inputRef}
        data-field={name}
        type={type}
        value={value}
        inputMode={inputMode}
        maxLength={maxLength}
        max={max}
        autoFocus={autoFocus}
        placeholder={placeholder}
        autoComplete="off"
        required={required}
        aria-invalid={!!error}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        data-accepts-scan={acceptsScan ? 'true' : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  className,
  onBlur,
  children,
  selectRef,
}: Common & { value: string; onChange: (v: string) => void; children: ReactNode; selectRef?: Ref<HTMLSelectElement> }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span className="rx-label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </span>
      <select
        id={id}
        ref={selectRef}
        data-field={name}
        value={value}
        required={required}
        aria-invalid={!!error}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        {children}
      </select>
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

/** A key cap in help text. */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

/** Whether a key event comes from a field where typing means text (the step's letter keys must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Focuses the first element of `root` carrying `data-field` for one of `names` (in document order). */
export function focusFirstField(root: HTMLElement | null, names: string[]): void {
  if (!root) return;
  const wanted = new Set(names);
  const el = [...root.querySelectorAll<HTMLElement>('[data-field]')].find((e) => wanted.has(e.dataset.field ?? ''));
  el?.focus();
}
