import { useId, type ReactElement, type ReactNode } from 'react';

/** What the frame hands its control: the id its label points at, its accessible name when unlabelled, and its state. */
export interface FieldControlProps {
  id: string;
  'aria-label': string | undefined;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** Classes added after `field` (and `invalid`). */
  className?: string;
  /** No visible label (a grid cell): the control takes `label` as its accessible name instead. */
  labelHidden?: boolean;
  /** Puts the visible <label> into a wrapper (a row with a required mark); by default it stands alone. */
  wrapLabel?: (label: ReactElement) => ReactNode;
  /** The control itself, wired to the label and to the error or hint it is read out with. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The frame of every labelled field: the label, the control, and its error (or else its hint) read out by
 * screen readers through aria-describedby, with aria-invalid and the `invalid` class while there is an error.
 */
export function FieldFrame({ label, error, hint, className, labelHidden, wrapLabel, children }: FieldFrameProps) {
  const id = useId();
  const msgId = error || hint ? `${id}-msg` : undefined;
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      {!labelHidden && (wrapLabel ? wrapLabel(labelElement) : labelElement)}
      {children({ id, 'aria-label': labelHidden ? label : undefined, 'aria-invalid': !!error, 'aria-describedby': msgId })}
      {msgId && (
        <small id={msgId} className={error ? 'error' : 'muted'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}

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
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          value={value}
          autoFocus={autoFocus}
          autoComplete={autoComplete ?? 'off'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
