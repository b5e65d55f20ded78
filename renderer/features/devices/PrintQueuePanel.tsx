import { useRef, useState } from 'react';
import type { Device, PrintJob } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { downloadFile } from '../../ui/download';
import { usePrintJobs } from './useLive';
import { JobPreview } from './JobPreview';

/** The clerk's choices for a job that did not print: nothing is lost whichever they pick. */
export function JobActions({ job, devices, onDone }: { job: PrintJob; devices: Device[]; onDone?: () => void }) {
  const { api } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [otherId, setOtherId] = useState('');
  const reprintKey = useRef(crypto.randomUUID());
  const run = (f: () => Promise<unknown>) => () => {
    setError(null);
    f().then(() => onDone?.(), (err) => setError(errorMessage(err)));
  };
  const others = devices.filter((d) => d.id !== job.deviceId && d.enabled && d.kind === (job.kind === 'label' ? 'label_printer' : 'receipt_printer'));
  const open = ['failed', 'queued', 'held'].includes(job.state);
  return (
    <div className="row">
      {open && <button onClick={run(() => api['printJobs.retry']({ id: job.id }))}>{t('jobs.retry')}</button>}
      {(job.state === 'failed' || job.state === 'queued') && <button onClick={run(() => api['printJobs.hold']({ id: job.id }))}>{t('jobs.later')}</button>}
      {open && others.length > 0 && (
        <>
          <select aria-label={t('jobs.other')} value={otherId} onChange={(e) => setOtherId(e.target.value)}>
            <option value="">{t('jobs.other')}…</option>
            {others.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {otherId && <button onClick={run(() => api['printJobs.moveTo']({ id: job.id, deviceId: Number(otherId) }))}>OK</button>}
        </>
      )}
      {job.kind === 'receipt' && <button onClick={run(async () => downloadFile(await api['printJobs.pdf']({ id: job.id })))}>{t('jobs.pdf')}</button>}
      {open && <button onClick={run(() => api['printJobs.cancel']({ id: job.id }))}>{t('jobs.cancel')}</button>}
      {(job.state === 'printed' || job.state === 'sent_unconfirmed') && job.kind !== 'self_test' && (
        <button
          onClick={run(async () => {
            // One key per intended reprint: a double click sends it twice and prints once.
            await api['printJobs.reprint']({ id: job.id, idempotencyKey: reprintKey.current });
            reprintKey.current = crypto.randomUUID();
          })}
        >
          {t('jobs.reprint')}
        </button>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function PrintQueuePanel({ devices }: { devices: Device[] }) {
  const jobs = usePrintJobs(30);
  const [previewing, setPreviewing] = useState<number | null>(null);
  return (
    <div className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p className="muted">{t('jobs.empty')}</p>
      ) : (
        <table className="grid" data-testid="print-jobs">
          <thead>
            <tr>
              <th>#</th>
              <th>Nội dung</th>
              <th>Máy in</th>
              <th>Trạng thái</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>{j.id}</td>
                <td>
                  {j.title}
                  {j.reprintOf && <span className="badge no"> {t('job.reprintMark')}</span>}
                </td>
                <td>{j.deviceName}</td>
                <td>
                  {t(`job.state.${j.state}`)}
                  {j.lastError && j.state !== 'printed' && <div className="small error">{j.lastError}</div>}
                </td>
                <td className="row">
                  <button onClick={() => setPreviewing(j.id)}>{t('jobs.preview')}</button>
                  <JobActions job={j} devices={devices} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {previewing !== null && <JobPreview jobId={previewing} onClose={() => setPreviewing(null)} />}
    </div>
  );
}
