import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FilePayload } from '../../../shared/api/contract';
import type { CashCount, Shift } from '../../../shared/api/dayClose';
import type { PrintJob } from '../../../shared/api/devices';
import { shiftReceipt } from '../../../shared/dayClose/documents';
import { ledgerKindLabel } from '../../../shared/dayClose/report';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { downloadFile } from '../../ui/download';
import { NoteLine, note, type Note } from '../lifecycle/controls';
import { dateTime, day, money } from '../lifecycle/format';
import { JobList, ReceiptOnScreen, useLiveJobs } from '../reception/PrintOutcome';
import { CashCountForm } from './CashCountForm';
import { CloseDecision } from './CloseDecision';
import { VsDifference } from './Difference';
import { emptyCountForm, emptyDecision, newKey, shortHash, type CountValue, type Decision } from './model';
import { ErrorLine } from '../../ui/ErrorLine';

type Current = { since: string | null; lines: number; lastCount: { id: number; at: string } | null };
type Phase = { kind: 'count' } | { kind: 'decide'; count: CashCount; closeKey: string } | { kind: 'closed'; shift: Shift; printJob: PrintJob | null };

/**
 * Kết ca: the clerk counts their drawer blind (banknote by banknote) and confirms the transfer
 * total; only then the ledger's figures appear, with the difference. A difference needs a reason,
 * above the manager's threshold a manager's approval; then the shift closes and its summary prints.
 */
export function ShiftScreen() {
  const { api } = useApp();
  const [current, setCurrent] = useState<Current | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'count' });
  const [form, setForm] = useState(emptyCountForm);
  const [countBase, setCountBase] = useState(newKey);
  const [decision, setDecision] = useState(emptyDecision);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    api['shift.current']({}).then(setCurrent, (err) => setLoadError(errorMessage(err)));
  }, [api]);
  useEffect(load, [load]);

  async function count(value: CountValue) {
    setBusy(true);
    setError(null);
    try {
      const c = await api['shift.count']({ ...value, idempotencyKey: `${countBase}-${shortHash(JSON.stringify(value))}` });
      setDecision(emptyDecision());
      setPhase({ kind: 'decide', count: c, closeKey: newKey() });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function close(d: Decision) {
    if (phase.kind !== 'decide') return;
    setBusy(true);
    setError(null);
    try {
      const r = await api['shift.close']({ countId: phase.count.id, ...d, idempotencyKey: phase.closeKey });
      setPhase({ kind: 'closed', shift: r.shift, printJob: r.printJob });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const recount = () => {
    setCountBase(newKey());
    setError(null);
    setPhase({ kind: 'count' });
  };

  const startOver = () => {
    setForm(emptyCountForm());
    setDecision(emptyDecision());
    setCountBase(newKey());
    setError(null);
    setPhase({ kind: 'count' });
    load();
  };

  return (
    <div className="lc-screen sh-screen">
      <h1>{t('ui.shift.title')}</h1>
      <ErrorLine error={loadError} />
      {phase.kind !== 'closed' && current && (
        <section className="rx-panel sh-current" aria-label={t('ui.shift.current')}>
          <p className="rx-context">
            {current.lines === 0
              ? t('ui.shift.noLines')
              : t('ui.shift.open', { since: current.since ? dateTime(current.since) : '—', n: current.lines })}
          </p>
          {current.lastCount && phase.kind === 'count' && <p className="lc-note lc-note-warn">{t('ui.shift.lastCount', { at: dateTime(current.lastCount.at) })}</p>}
        </section>
      )}
      {phase.kind === 'count' && (
        <section className="rx-panel">
          <CashCountForm value={form} onChange={setForm} onSubmit={count} busy={busy} submitLabel={t('ui.shift.submitCount')} error={error} intro={<p>{t('ui.shift.countIntro')}</p>} />
        </section>
      )}
      {phase.kind === 'decide' && (
        <section className="rx-panel">
          <CloseDecision count={phase.count} form={decision} onChange={setDecision} onSubmit={close} onRecount={recount} busy={busy} submitLabel={t('ui.shift.close')} error={error}>
            <p className="muted small">{t('ui.shift.closeHelp')}</p>
          </CloseDecision>
        </section>
      )}
      {phase.kind === 'closed' && <ShiftClosed shift={phase.shift} printJob={phase.printJob} onNew={startOver} />}
    </div>
  );
}

function ShiftClosed({ shift, printJob, onNew }: { shift: Shift; printJob: PrintJob | null; onNew: () => void }) {
  const { api, info } = useApp();
  const [jobs, setJobs] = useState<PrintJob[]>(() => (printJob ? [printJob] : []));
  const live = useLiveJobs(jobs);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [message, setMessage] = useState<Note | null>(null);
  const point = info.point;
  const load = useCallback(() => Promise.resolve(point ? shiftReceipt(shift, point) : null), [shift, point]);
  const cashDifference = shift.cashCounted - shift.cashExpected;
  const transferDifference = shift.transferConfirmed - shift.transferExpected;
  const shownMoney = useMemo(() => shift.money.filter((m) => m.amount !== 0 || m.lines > 0), [shift.money]);

  async function reprint() {
    if (!printJob) return;
    setBusy('print');
    setMessage(null);
    try {
      const job = await api['printJobs.reprint']({ id: printJob.id, idempotencyKey: newKey() });
      setJobs((list) => [...list, job]);
      setMessage(note('ok', t('ui.report.printQueued')));
    } catch (err) {
      setMessage(note('error', errorMessage(err)));
    } finally {
      setBusy(null);
    }
  }
  async function pdf() {
    if (!printJob) return;
    setBusy('pdf');
    setMessage(null);
    try {
      const file: FilePayload = await api['printJobs.pdf']({ id: printJob.id });
      downloadFile(file);
    } catch (err) {
      setMessage(note('error', errorMessage(err)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="rx-done-layout">
      <section className="rx-panel" aria-labelledby="sh-closed-title">
        <h2 id="sh-closed-title" className="ok">
          {t('ui.shift.closed')}
        </h2>
        <dl className="rx-facts">
          <dt>{t('ui.shift.clerk')}</dt>
          <dd>{shift.clerk}</dd>
          <dt>{t('ui.shift.span')}</dt>
          <dd>
            {shift.openedAt ? dateTime(shift.openedAt) : '—'} → {dateTime(shift.closedAt)} ({day(shift.day)})
          </dd>
          <dt>{t('ui.shift.lines')}</dt>
          <dd>{shift.lines}</dd>
          <dt>{t('ui.close.cash')}</dt>
          <dd>
            <VsDifference counted={shift.cashCounted} expected={shift.cashExpected} difference={cashDifference} />
          </dd>
          <dt>{t('ui.close.transfer')}</dt>
          <dd>
            <VsDifference counted={shift.transferConfirmed} expected={shift.transferExpected} difference={transferDifference} />
          </dd>
          {shift.reason && (
            <>
              <dt>{t('ui.close.reason')}</dt>
              <dd>{shift.reason}</dd>
            </>
          )}
          {shift.approvedBy && (
            <>
              <dt>{t('ui.close.approvedBy')}</dt>
              <dd>{shift.approvedBy}</dd>
            </>
          )}
        </dl>
        {shownMoney.length > 0 && (
          <table className="grid lc-table">
            <caption className="sh-caption">{t('ui.shift.moneyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.ledger.col.kind')}</th>
                <th scope="col">{t('ui.ledger.col.method')}</th>
                <th scope="col" className="num">
                  {t('ui.ledger.col.lines')}
                </th>
                <th scope="col" className="num">
                  {t('ui.ledger.col.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shownMoney.map((m) => (
                <tr key={`${m.kind}-${m.paymentMethod}`}>
                  <td>{ledgerKindLabel(m.kind)}</td>
                  <td>{t(`ui.method.${m.paymentMethod}`)}</td>
                  <td className="num">{m.lines}</td>
                  <td className="num">{money(m.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('ui.shift.paper')}</h3>
        <JobList jobs={live} />
        <div className="rx-actions">
          {printJob && (
            <button type="button" onClick={reprint} disabled={busy !== null}>
              {busy === 'print' ? t('ui.lc.sending') : t('ui.shift.reprint')}
            </button>
          )}
          {printJob && (
            <button type="button" onClick={pdf} disabled={busy !== null}>
              {busy === 'pdf' ? t('ui.lc.pdfBusy') : t('ui.lc.pdf')}
            </button>
          )}
          <button type="button" className="primary" onClick={onNew}>
            {t('ui.shift.newShift')}
          </button>
        </div>
        <NoteLine value={message} />
      </section>
      <section className="rx-panel rx-receipt" aria-label={t('ui.shift.preview')}>
        <h3>{t('ui.shift.preview')}</h3>
        <ReceiptOnScreen load={load} jobId={printJob?.id} />
      </section>
    </div>
  );
}
