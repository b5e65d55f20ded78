import type { ReactNode, Ref } from 'react';
import { t } from '../../shared/messages/vi';
import { ErrorLine } from './ErrorLine';

export interface SubmitFormProps {
  /** Called on submit (Enter or the button); the browser's own validation and page load are off. */
  onSubmit: () => void;
  submitLabel: string;
  /** While the request is out: the submit button is disabled and reads "Đang gửi…". */
  busy: boolean;
  /** The message above the buttons (what to fix, or the host's refusal), read out as an alert. */
  error?: string | null;
  /** With it, a "Hủy" button beside the submit button. */
  onCancel?: () => void;
  /** The submit button's class: `primary`, or `rx-danger` for what cannot be undone. */
  submitClassName?: string;
  /** The form's classes; `lc-form` (fields in a column) by default. */
  className?: string;
  formRef?: Ref<HTMLFormElement>;
  'aria-labelledby'?: string;
  children: ReactNode;
}

/** A form of fields ending with its error and its buttons: submit (and cancel, in a dialog). */
export function SubmitForm({ onSubmit, submitLabel, busy, error, onCancel, submitClassName = 'primary', className = 'lc-form', formRef, children, ...aria }: SubmitFormProps) {
  return (
    <form
      ref={formRef}
      className={className}
      noValidate
      aria-labelledby={aria['aria-labelledby']}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <ErrorLine error={error} />
      <div className="rx-actions">
        <SubmitButton label={submitLabel} busy={busy} className={submitClassName} />
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A form's submit button: disabled, and reading "Đang gửi…", while the request is out. */
export function SubmitButton({ label, busy, className = 'primary' }: { label: string; busy: boolean; className?: string }) {
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy ? t('ui.lc.sending') : label}
    </button>
  );
}
