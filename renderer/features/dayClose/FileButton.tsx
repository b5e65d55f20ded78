import { useState } from 'react';
import type { FilePayload } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { errorMessage } from '../../app/errors';
import { downloadFile } from '../../ui/download';

/** A button that has the host make a file (PDF, XLSX) and saves it; the error, if any, beside it. */
export function FileButton({ label, load, className }: { label: string; load: () => Promise<FilePayload>; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="lc-inline">
      <button
        type="button"
        className={className}
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => {
          setBusy(true);
          setError(null);
          load()
            .then(downloadFile, (err) => setError(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </button>
      {busy && <span className="muted small">{t('ui.report.fileBusy')}</span>}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
