import { useEffect, useRef, useState } from 'react';
import type { PrintJob } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { JobActions } from './PrintQueuePanel';
import { useFocusTrap } from '../../ui/useFocusTrap';
import { useDevices } from './useLive';

/**
 * When a job fails, the clerk is told at once, in words, and chooses: retry,
 * print later, another printer, save as PDF. The job stays queued meanwhile.
 */
export function FailedJobDialog() {
  const { api } = useApp();
  const [devices] = useDevices();
  const [job, setJob] = useState<PrintJob | null>(null);
  const dismissed = useRef(new Set<number>());
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      api.on('printJobs.changed', (j) => {
        if (j.state === 'failed' && !dismissed.current.has(j.id)) setJob(j);
        else setJob((current) => (current?.id === j.id ? null : current));
      }),
    [api],
  );
  useEffect(() => {
    if (job) dialog.current?.querySelector('button')?.focus();
  }, [job]);
  useFocusTrap(dialog, job !== null);

  if (!job) return null;
  const close = () => {
    dismissed.current.add(job.id);
    setJob(null);
  };
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="failed-job-title" ref={dialog} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <h2 id="failed-job-title">{t('jobs.failedTitle', { title: job.title })}</h2>
        <p>{t('jobs.failedIntro', { device: job.deviceName, reason: job.lastError ?? '' })}</p>
        <JobActions job={job} devices={devices} onDone={close} />
        <button className="link" onClick={close}>
          {t('common.close')} (Esc)
        </button>
      </div>
    </div>
  );
}
