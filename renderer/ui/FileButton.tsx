import { useState } from 'react';
import type { FilePayload } from '../../shared/api/contract';
import { t } from '../../shared/messages/vi';
import { errorMessage } from '../app/errors';
import { downloadFile } from './download';

export interface FileButtonProps {
  label: string;
  /** Has the host make the file (PDF, XLSX); it is then saved through the browser's download. */
  load: () => Promise<FilePayload>;
  className?: string;
  /**
   * While the file is made, the button reads this instead of its label. Without it the button keeps
   * its label, is aria-busy, and "Đang tạo tệp…" stands beside it.
   */
  busyLabel?: string;
}

/** A button that has the host make a file and saves it; the error, if any, beside it. */
export function FileButton({ label, load, className, busyLabel }: FileButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyNote = busy && busyLabel === undefined;
  return (
    <span className="lc-inline">
      <button
        type="button"
        className={className}
        disabled={busy}
        aria-busy={busyNote || undefined}
        onClick={() => {
          setBusy(true);
          setError(null);
          load()
            .then(downloadFile, (err) => setError(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        {busy && busyLabel !== undefined ? busyLabel : label}
      </button>
      {busyNote && <span className="muted small">{t('ui.report.fileBusy')}</span>}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
