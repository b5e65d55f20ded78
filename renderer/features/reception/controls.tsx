import type { ReactNode, Ref } from 'react';
import { FieldFrame, type FieldFrameProps } from '../../ui/Field';

/**
 * Labelled inputs for the reception forms (ui/Field's frame with a required mark, plus selects, a ref
 * for focusing the first invalid field, blur for "touched", and `data-field` so the step can find a
 * field by name).
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

/** The frame of a reception field: its label in a row with the required mark. */
export function ReceptionFieldFrame({ required, ...frame }: Omit<FieldFrameProps, 'labelHidden' | 'wrapLabel'> & { required?: boolean }) {
  return (
    <FieldFrame
      {...frame}
      wrapLabel={(label) => (
        <span className="rx-label-row">
          {label}
          {required && (
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          )}
        </span>
      )}
    />
  );
}

export function TextField({
  name,
  value,
  onChange,
  required,
  onBlur,
  type = 'text',
  inputMode,
  maxLength,
  max,
  autoFocus,
  inputRef,
  placeholder,
  acceptsScan,
  ...frame
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
  return (
    <ReceptionFieldFrame {...frame} required={required}>
      {(control) => (
        <input
          {...control}
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
          data-accepts-scan={acceptsScan ? 'true' : undefined}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
    </ReceptionFieldFrame>
  );
}

export function SelectField({
  name,
  value,
  onChange,
  required,
  onBlur,
  children,
  selectRef,
  ...frame
}: Common & { value: string; onChange: (v: string) => void; children: ReactNode; selectRef?: Ref<HTMLSelectElement> }) {
  return (
    <ReceptionFieldFrame {...frame} required={required}>
      {(control) => (
        <select {...control} ref={selectRef} data-field={name} value={value} required={required} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}>
          {children}
        </select>
      )}
    </ReceptionFieldFrame>
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
