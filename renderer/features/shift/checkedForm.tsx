import { useRef, useState, type FormEvent } from 'react';
import { t } from '../../../shared/messages/vi';
import { ErrorLine } from '../../ui/ErrorLine';

type Checked<V> = { value?: V; errors: Record<string, string> };

/**
 * A form checked as a whole on submit: no error shows before the first try; then each field's
 * error shows, the first invalid field takes the focus, and nothing half-filled is sent.
 */
export function useCheckedForm<V>(check: () => Checked<V>, busy: boolean, onSubmit: (value: V) => void) {
  const [showErrors, setShowErrors] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = showErrors ? check().errors : {};

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = check();
    setShowErrors(true);
    if (!found.value) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(found.value);
  }

  return { formRef, errors, errorCount: Object.keys(errors).length, submit };
}

/** Below the buttons: how many fields to fix, and the host's refusal; each read out as an alert. */
export function FormProblems({ errorCount, error }: { errorCount: number; error?: string | null }) {
  return (
    <>
      {errorCount > 0 && (
        <p className="error" role="alert">
          {t('ui.lc.fix', { n: errorCount })}
        </p>
      )}
      <ErrorLine error={error} />
    </>
  );
}
