import { useEffect, useState } from 'react';
import type { PrintJob } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import type { ReceiptDocument } from '../../../shared/printing/document';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { ReceiptPreview } from '../printing/ReceiptPreview';

/** Print jobs as the queue reports them, live. */
export function useLiveJobs(initial: PrintJob[]): PrintJob[] {
  const { api } = useApp();
  const [jobs, setJobs] = useState(initial);
  useEffect(() => {
    setJobs(initial);
    const ids = new Set(initial.map((j) => j.id));
    return api.on('printJobs.changed', (job) => {
      if (ids.has(job.id)) setJobs((list) => list.map((j) => (j.id === job.id ? job : j)));
    });
  }, [api, initial]);
  return jobs;
}

const STATE_CLASS: Record<PrintJob['state'], string> = {
  queued: 'pending',
  sending: 'pending',
  printed: 'ok',
  sent_unconfirmed: 'ok',
  failed: 'bad',
  held: 'warn',
  cancelled: 'bad',
};

export function JobList({ jobs }: { jobs: PrintJob[] }) {
  if (jobs.length === 0) return <p className="muted small">{t('recv.jobs.none')}</p>;
  return (
    <ul className="rx-jobs" data-testid="print-jobs">
      {jobs.map((j) => (
        <li key={j.id} data-state={j.state}>
          <span>{j.title}</span>
          <span className="muted small"> · {j.deviceName}</span>
          <span className={`rx-badge ${STATE_CLASS[j.state]}`}>{t(`job.state.${j.state}`)}</span>
          {j.lastError && <div className="error small">{j.lastError}</div>}
        </li>
      ))}
    </ul>
  );
}

/** A receipt document on screen as it prints, at the width of the printer the job went to (48 columns when unknown). */
export function ReceiptOnScreen({ load, jobId }: { load: () => Promise<ReceiptDocument | null>; jobId?: number }) {
  const { api } = useApp();
  const [state, setState] = useState<{ document: ReceiptDocument; columns: number; dotsPerLine?: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const [document, paper] = await Promise.all([
        load(),
        jobId ? api['printJobs.preview']({ id: jobId }).catch(() => null) : Promise.resolve(null),
      ]);
      if (!live) return;
      const doc = document ?? (paper?.document.kind === 'receipt' ? paper.document : null);
      if (doc) setState({ document: doc, columns: paper?.columns ?? 48, ...(paper ? { dotsPerLine: paper.dotsPerLine } : {}) });
    })().catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [api, load, jobId]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!state) return <p className="muted small">{t('app.loading')}</p>;
  return <ReceiptPreview document={state.document} columns={state.columns} dotsPerLine={state.dotsPerLine} />;
}
