import { useCallback, useEffect, useState } from 'react';
import type { PrintJob } from '../../../shared/api/devices';
import type { DossierSummary, Timeline } from '../../../shared/api/lifecycle';
import { allowedEvents, stateLabel } from '../../../shared/dossier/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Dialog, note, NoteLine, PdfButton, StatusBadge, type Note } from '../lifecycle/controls';
import { dateTime, day, money } from '../lifecycle/format';
import { newKey } from '../reception/model';
import { JobList, ReceiptOnScreen, useLiveJobs } from '../reception/PrintOutcome';
import { AgencyRequestDialog } from './AgencyRequestDialog';

type Open = { kind: 'slip' } | { kind: 'request'; request: 'supplement' | 'refusal' } | null;

/** One dossier: its facts, its history as a vertical timeline, and what may be done from here. */
export function TimelinePanel({
  dossierId,
  onClose,
  onChanged,
  onDialog,
}: {
  dossierId: number;
  onClose: () => void;
  onChanged: (d: DossierSummary) => void;
  onDialog: (open: boolean) => void;
}) {
  const { api } = useApp();
  const [data, setData] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialogState] = useState<Open>(null);
  const [actionNote, setActionNote] = useState<Note | null>(null);
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [busy, setBusy] = useState(false);

  const setDialog = (d: Open) => {
    setDialogState(d);
    onDialog(d !== null);
  };

  const load = useCallback(async () => {
    try {
      const tl = await api['tracking.timeline']({ dossierId });
      setData(tl);
      setError(null);
      return tl;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    }
  }, [api, dossierId]);
  useEffect(() => {
    void load();
  }, [load]);

  const refresh = async () => {
    const tl = await load();
    if (tl) onChanged(tl.dossier);
  };

  function printSlip() {
    setBusy(true);
    setActionNote(null);
    api['tracking.statusSlip']({ dossierId, idempotencyKey: newKey() })
      .then(
        (job) => setJobs([job]),
        (err) => setActionNote(note('error', errorMessage(err))),
      )
      .finally(() => setBusy(false));
  }

  function supplementSent() {
    setBusy(true);
    setActionNote(null);
    api['agency.supplementSent']({ dossierId })
      .then(
        (d) => {
          setActionNote(note('ok', t('ui.tracking.supplementSentDone', { code: d.code, status: d.statusLabel })));
          void refresh();
        },
        (err) => setActionNote(note('error', errorMessage(err))),
      )
      .finally(() => setBusy(false));
  }

  const slipPreview = useCallback(() => api['tracking.statusSlipPreview']({ dossierId }), [api, dossierId]);

  if (error && !data)
    return (
      <section className="rx-panel">
        <p className="error" role="alert">
          {error}
        </p>
        <button type="button" className="link" onClick={onClose}>
          {t('common.close')}
        </button>
      </section>
    );
  if (!data) return <p className="muted small">{t('app.loading')}</p>;

  const d = data.dossier;
  const allowed = allowedEvents(d.status);
  const canSupplement = allowed.includes('supplement_requested');
  const canRefuse = allowed.includes('agency_refused');
  const canSupplementSent = allowed.includes('supplement_sent');
  const hasLetter = d.status === 'supplement_requested' || data.events.some((e) => e.type === 'supplement_requested' || e.type === 'agency_refused');

  return (
    <section className="rx-panel lc-timeline-panel" aria-labelledby="tr-tl-title">
      <div className="lc-head">
        <h2 id="tr-tl-title">
          {t('ui.tracking.dossier')} <span className="code">{d.code}</span>
        </h2>
        <StatusBadge dossier={d} />
        <button type="button" className="link lc-push" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {data.derivedStatus !== d.status && (
        <p className="banner banner-warn" role="alert">
          {t('ui.tracking.mismatch', { stored: d.statusLabel, derived: stateLabel(data.derivedStatus) })}
        </p>
      )}
      <div className="lc-timeline-layout">
        <dl className="rx-facts">
          <dt>{t('ui.lc.col.itemNumber')}</dt>
          <dd className="code">{d.itemNumber ?? '—'}</dd>
          <dt>{t('ui.lc.col.applicant')}</dt>
          <dd>
            {d.applicantName}
            {d.applicantIdTail && <span className="muted"> · {t('ui.lc.idTail', { tail: d.applicantIdTail })}</span>}
            {d.applicantPhone && <span className="muted"> · {d.applicantPhone}</span>}
          </dd>
          <dt>{t('ui.lc.col.procedure')}</dt>
          <dd>
            {d.procedureName} <span className="muted">({d.procedureCode})</span>
          </dd>
          <dt>{t('ui.lc.col.agency')}</dt>
          <dd>{d.agency}</dd>
          <dt>{t('ui.lc.col.receivedAt')}</dt>
          <dd>{dateTime(d.receivedAt)}</dd>
          <dt>{t('ui.lc.col.resultDate')}</dt>
          <dd className={d.overdue ? 'error' : undefined}>{day(d.resultDate) || '—'}</dd>
          <dt>{t('ui.lc.deliveryTo')}</dt>
          <dd>{d.deliveryText}</dd>
          {d.amountDue > 0 && (
            <>
              <dt>{t('ui.delivery.col.due')}</dt>
              <dd>{money(d.amountDue)}</dd>
            </>
          )}
        </dl>
        <ol className="lc-timeline" aria-label={t('ui.tracking.history')}>
          {data.events.map((e) => (
            <li key={e.id} className="lc-event" data-type={e.type}>
              <time dateTime={e.at} className="lc-event-time">
                {dateTime(e.at)}
              </time>
              <strong className="lc-event-label">{e.label}</strong>
              {e.detail && <span className="lc-event-detail">{e.detail}</span>}
              {e.by && <span className="muted small lc-block">{t('ui.tracking.by', { name: e.by })}</span>}
            </li>
          ))}
        </ol>
      </div>

      <div className="rx-actions">
        <button type="button" onClick={printSlip} disabled={busy}>
          {t('ui.tracking.printSlip')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'slip' })}>
          {t('ui.tracking.previewSlip')}
        </button>
        {canSupplement && (
          <button type="button" onClick={() => setDialog({ kind: 'request', request: 'supplement' })}>
            {t('ui.tracking.requestSupplement')}
          </button>
        )}
        {canRefuse && (
          <button type="button" className="rx-danger" onClick={() => setDialog({ kind: 'request', request: 'refusal' })}>
            {t('ui.tracking.requestRefusal')}
          </button>
        )}
        {canSupplementSent && (
          <button type="button" onClick={supplementSent} disabled={busy}>
            {t('ui.tracking.supplementSent')}
          </button>
        )}
        {hasLetter && <PdfButton load={() => api['agency.letterPdf']({ dossierId })} label={t('ui.tracking.letterPdf')} />}
      </div>
      <NoteLine value={actionNote} />
      {jobs && <SlipJobs jobs={jobs} />}

      {dialog?.kind === 'slip' && (
        <Dialog title={t('ui.tracking.slipTitle', { code: d.code })} onClose={() => setDialog(null)}>
          <div className="rx-receipt">
            <ReceiptOnScreen load={slipPreview} />
          </div>
        </Dialog>
      )}
      {dialog?.kind === 'request' && (
        <AgencyRequestDialog
          dossier={d}
          kind={dialog.request}
          onClose={() => setDialog(null)}
          onRecorded={() => void refresh()}
        />
      )}
    </section>
  );
}

function SlipJobs({ jobs }: { jobs: PrintJob[] }) {
  const live = useLiveJobs(jobs);
  return <JobList jobs={live} />;
}
