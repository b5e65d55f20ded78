import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcedureDetail } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import type { Dossier, Quote } from '../../../shared/api/reception';
import { t } from '../../../shared/messages/vi';
import { documentCounts, type ChecklistAnswers } from '../../../shared/reception/checklist';
import { formatVnd } from '../../../shared/reception/fees';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Kbd, TextField } from './controls';
import { checksDocuments, formatDate, formatDateTime, returnsByPost, type PartyCheck, type Payment, type ReceptionForm } from './model';
import { JobList, ReceiptOnScreen, useLiveJobs } from './PrintOutcome';
import { SERVICE_LABEL } from './ProcedureStep';
import { ReceiptBeforeConfirm } from './ReceiptBeforeConfirm';

function deliveryText(check: PartyCheck, form: ReceptionForm): string {
  if (!returnsByPost(form.service)) return t('recv.delivery.notByPostShort');
  const d = check.delivery;
  if (!d) return '';
  if (d.kind === 'address') return t('recv.summary.toAddress', { street: d.street, commune: d.commune, province: d.province });
  if (d.kind === 'pickup_here') return t('recv.delivery.pickup_here');
  if (d.kind === 'at_agency') return t('recv.delivery.notByPostShort');
  return t('recv.summary.atPoint', { name: d.pointName });
}

const payText = (p: Payment, total: number) => (total === 0 ? t('recv.pay.none') : p === 'cash' ? t('recv.pay.cash') : t('recv.pay.transfer'));

interface ConfirmStepProps {
  procedure: ProcedureDetail;
  form: ReceptionForm;
  answers: ChecklistAnswers;
  check: PartyCheck;
  quote: Quote;
  s10Remaining: number | null;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
}

/** Step 5: everything on one page before it becomes a dossier; Ctrl+Enter confirms. */
export function ConfirmStep({ procedure: p, form, answers, check, quote: q, s10Remaining, busy, error, onConfirm }: ConfirmStepProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const counts = checksDocuments(form.service) ? documentCounts(p, answers) : null;
  const a = check.applicant;
  const r = check.representative;

  return (
    <section className="rx-panel rx-summary" aria-labelledby="rx-summary-title">
      <h2 id="rx-summary-title">{t('recv.summary.title')}</h2>
      <div className="rx-summary-grid">
        <dl className="rx-facts">
          <dt>{t('recv.summary.procedure')}</dt>
          <dd>
            {p.name} <span className="muted">({p.code})</span>
          </dd>
          <dt>{t('procedure.agency')}</dt>
          <dd>{p.agency}</dd>
          <dt>{t('recv.summary.service')}</dt>
          <dd>{form.service && t(SERVICE_LABEL[form.service])}</dd>
          <dt>{t('recv.summary.applicant')}</dt>
          <dd>
            {a && (
              <>
                <strong>{a.fullName}</strong> · {t('recv.summary.cccd', { id: a.idNumber })} · {formatDate(a.dateOfBirth)} · {a.sex === 'male' ? t('recv.sex.male') : t('recv.sex.female')}
                <div>{a.address}</div>
                <div>
                  {t('recv.summary.phone', { phone: a.phone })}
                  {a.email && ` · ${a.email}`}
                </div>
              </>
            )}
          </dd>
          {r && (
            <>
              <dt>{t('recv.summary.representative')}</dt>
              <dd>
                <strong>{r.fullName}</strong> · {t('recv.summary.cccd', { id: r.idNumber })} · {t('recv.summary.phone', { phone: r.phone })} · {r.relation}
              </dd>
            </>
          )}
          <dt>{t('recv.summary.delivery')}</dt>
          <dd>{deliveryText(check, form)}</dd>
          <dt>{t('recv.quote.resultDate')}</dt>
          <dd>
            <strong>{q.resultDate ? formatDate(q.resultDate) : t('recv.quote.noResultDate')}</strong>
          </dd>
        </dl>

        <div>
          {counts && (
            <>
              <h3>{t('recv.summary.documents')}</h3>
              <table className="grid rx-summary-docs">
                <thead>
                  <tr>
                    <th>{t('procedure.docName')}</th>
                    <th>{t('procedure.docForm')}</th>
                    <th className="num">{t('recv.col.originals')}</th>
                    <th className="num">{t('recv.col.copies')}</th>
                  </tr>
                </thead>
                <tbody>
                  {counts.items.map((i) => (
                    <tr key={i.index}>
                      <td>
                        {i.name}
                        {i.note && <div className="muted small">{i.note}</div>}
                      </td>
                      <td>{t(`form.${i.form}`)}</td>
                      <td className="num">{i.originals}</td>
                      <td className="num">{i.copies}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th colSpan={2}>{t('recv.summary.totalDocs')}</th>
                    <td className="num">{counts.originals}</td>
                    <td className="num">{counts.copies}</td>
                  </tr>
                </tfoot>
              </table>
            </>
          )}
          <h3>{t('recv.quote.title')}</h3>
          <table className="grid rx-summary-fees">
            <tbody>
              {q.lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.label}</td>
                  <td className="num">{formatVnd(l.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>
                  {t('recv.quote.total')} · {payText(form.payment, q.total)}
                </th>
                <td className="num rx-total">{formatVnd(q.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>

      {s10Remaining !== null && s10Remaining < 20 && checksDocuments(form.service) && (
        <p className={`banner ${s10Remaining === 0 ? 'banner-error' : 'banner-warn'}`} role="status">
          {s10Remaining === 0 ? t('recv.s10.none') : t('recv.s10.low', { n: s10Remaining })}
        </p>
      )}
      {checksDocuments(form.service) && <p className="muted small">{t('recv.summary.seal')}</p>}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="rx-actions">
        <button ref={button} type="button" className="primary rx-confirm" disabled={busy} onClick={onConfirm} aria-keyshortcuts="Control+Enter">
          {busy ? t('recv.confirm.busy') : t('recv.confirm.button')}
        </button>
        <span className="muted small">
          <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>
        </span>
      </div>
      <ReceiptBeforeConfirm
        procedure={p}
        answers={answers}
        check={check}
        quote={q}
        payment={form.payment}
        returnVia={deliveryText(check, form)}
        sendsDocuments={checksDocuments(form.service)}
      />
    </section>
  );
}

/** A manager may cancel a dossier received by mistake, before it is dispatched (the host reverses the money lines). */
function CancelDossier({ dossier, onCancelled }: { dossier: Dossier; onCancelled: (d: Dossier) => void }) {
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" className="link rx-cancel-open" onClick={() => setOpen(true)}>
        {t('recv.cancel.open')}
      </button>
    );
  const ok = reason.trim().length >= 5;
  return (
    <form
      className="rx-cancel"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok || busy) return;
        setBusy(true);
        api['reception.cancel']({ dossierId: dossier.id, reason: reason.trim() })
          .then(onCancelled, (err) => setError(errorMessage(err)))
          .finally(() => setBusy(false));
      }}
    >
      <TextField label={t('recv.cancel.reason')} name="cancel.reason" value={reason} maxLength={500} required hint={t('recv.cancel.reasonHint')} error={error ?? undefined} onChange={setReason} autoFocus />
      <div className="rx-actions">
        <button type="submit" className="rx-danger" disabled={!ok || busy}>
          {t('recv.cancel.confirm')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** After the confirm: the dossier code big, the item number, the date, the prints, the receipt as printed. */
export function ConfirmedView({ dossier: received, printJobs, onNew }: { dossier: Dossier; printJobs: PrintJob[]; onNew: () => void }) {
  const { api, can } = useApp();
  const [dossier, setDossier] = useState(received);
  const cancelled = dossier.status === 'cancelled';
  const jobs = useLiveJobs(printJobs);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const load = useCallback(() => api['reception.receiptPreview']({ dossierId: dossier.id }), [api, dossier.id]);
  const receiptJob = printJobs.find((j) => j.kind === 'receipt');

  return (
    <div className="rx-done-layout">
      <section className="rx-panel rx-done" aria-labelledby="rx-done-title">
        <h1 id="rx-done-title" className={cancelled ? 'error' : 'ok'}>
          {cancelled ? t('recv.cancel.done') : t('recv.done.title')}
        </h1>
        <p className="rx-code-label">{t('recv.done.code')}</p>
        <p className="rx-code" data-testid="dossier-code">
          {dossier.code}
        </p>
        <dl className="rx-facts">
          <dt>{t('recv.done.itemNumber')}</dt>
          <dd data-testid="item-number" className="code">
            {dossier.itemNumber ?? t('recv.done.noItemNumber')}
          </dd>
          <dt>{t('recv.summary.applicant')}</dt>
          <dd>{dossier.applicantName}</dd>
          <dt>{t('recv.done.receivedAt')}</dt>
          <dd>{formatDateTime(dossier.receivedAt)}</dd>
          <dt>{t('recv.quote.resultDate')}</dt>
          <dd>
            <strong>{dossier.resultDate ? formatDate(dossier.resultDate) : t('recv.quote.noResultDate')}</strong>
          </dd>
          <dt>{t('recv.quote.total')}</dt>
          <dd>
            {formatVnd(dossier.totalAmount)} · {dossier.paymentMethod === 'none' ? t('recv.pay.none') : t(dossier.paymentMethod === 'cash' ? 'recv.pay.cash' : 'recv.pay.transfer')}
          </dd>
          {dossier.originals + dossier.copies > 0 && (
            <>
              <dt>{t('recv.summary.documents')}</dt>
              <dd>{t('recv.done.counts', { originals: dossier.originals, copies: dossier.copies })}</dd>
            </>
          )}
        </dl>
        <h2>{t('recv.jobs.title')}</h2>
        <JobList jobs={jobs} />
        <div className="rx-actions">
          <button ref={button} type="button" className="primary" onClick={onNew}>
            {t('recv.new')} (Enter)
          </button>
        </div>
        {can('reception.cancel') && !cancelled && <CancelDossier dossier={dossier} onCancelled={setDossier} />}
      </section>
      <section className="rx-panel rx-receipt" aria-label={t('recv.done.receipt')}>
        <h2>{t('recv.done.receipt')}</h2>
        <ReceiptOnScreen load={load} jobId={receiptJob?.id} />
      </section>
    </div>
  );
}

/** After the supplement slip: what was printed, and a fresh start (or back to the checklist). */
export function GuidedView({ job, onNew, onBack }: { job: PrintJob; onNew: () => void; onBack: () => void }) {
  const jobs = useLiveJobs(useStable(job));
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const none = useCallback(() => Promise.resolve(null), []);
  return (
    <div className="rx-done-layout">
      <section className="rx-panel rx-done" aria-labelledby="rx-guided-title">
        <h1 id="rx-guided-title">{t('recv.guidance.done')}</h1>
        <p>{t('recv.guidance.doneHint')}</p>
        <JobList jobs={jobs} />
        <div className="rx-actions">
          <button ref={button} type="button" className="primary" onClick={onNew}>
            {t('recv.new')} (Enter)
          </button>
          <button type="button" onClick={onBack}>
            {t('recv.guidance.back')}
          </button>
        </div>
      </section>
      <section className="rx-panel rx-receipt" aria-label={t('recv.guidance.slip')}>
        <h2>{t('recv.guidance.slip')}</h2>
        <ReceiptOnScreen load={none} jobId={job.id} />
      </section>
    </div>
  );
}

function useStable(job: PrintJob): PrintJob[] {
  const ref = useRef<{ id: number; list: PrintJob[] } | null>(null);
  if (!ref.current || ref.current.id !== job.id) ref.current = { id: job.id, list: [job] };
  return ref.current.list;
}
