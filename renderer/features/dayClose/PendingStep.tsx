import { useState, type FormEvent, type ReactNode } from 'react';
import type { Pending } from '../../../shared/api/dayClose';
import { PRINT_JOB_STATES } from '../../../shared/api/devices';
import { t, type MessageKey } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { useNavigate } from '../../app/navigation';
import { NoteLine, TextAreaField, note, type Note } from '../lifecycle/controls';
import { dateTime, day, money } from '../lifecycle/format';
import { checkOverrideReason } from '../shift/model';

const RETRYABLE = new Set(['failed', 'held', 'queued']);
const CANCELLABLE = new Set(['queued', 'failed', 'held']);

/** One kind of open work: how many, what to do about it, where, and the first items. */
function Group({ title, count, help, screen, children }: { title: string; count: number; help: string; screen?: { view: string; label: MessageKey }; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <section className={`dc-pending-group${count ? ' open' : ''}`} aria-label={title}>
      <div className="lc-head">
        <h3>{title}</h3>
        <span className={`rx-badge ${count ? 'warn' : 'ok'}`}>{count ? t('ui.dayClose.pendingCount', { n: count }) : t('ui.dayClose.pendingNone')}</span>
      </div>
      {count > 0 && (
        <>
          <p className="small">{help}</p>
          {children}
          {screen && navigate && (
            <button type="button" className="link dc-goto" onClick={() => navigate(screen.view)}>
              {t('ui.dayClose.openScreen', { screen: t(screen.label) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

const more = (count: number, shown: number) => (count > shown ? <p className="muted small">{t('ui.dayClose.more', { n: count - shown })}</p> : null);

/**
 * Step 1, "Việc còn dở": print jobs not printed (retry or cancel here), dossiers received but
 * not in a manifest, results not delivered, fees not handed over per agency, clerks whose lines
 * of the day no shift close covers yet. When the open items
 * block the close, it goes on only with a reason, recorded in the Z report.
 */
export function PendingStep({
  pending,
  error,
  onReload,
  overrideReason,
  onOverrideReason,
  onNext,
  refusal,
}: {
  pending: Pending | null;
  error: string | null;
  onReload: () => void;
  overrideReason: string;
  onOverrideReason: (text: string) => void;
  onNext: () => void;
  /** The host's refusal of the close, when it sent the manager back here. */
  refusal: string | null;
}) {
  const { api } = useApp();
  const [jobNote, setJobNote] = useState<Note | null>(null);
  const [overrideError, setOverrideError] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);

  async function job(action: 'printJobs.retry' | 'printJobs.cancel', id: number, title: string) {
    setJobNote(null);
    try {
      await api[action]({ id });
      setJobNote(note('ok', t(action === 'printJobs.retry' ? 'ui.dayClose.jobRetried' : 'ui.dayClose.jobCancelled', { title })));
      onReload();
    } catch (err) {
      setJobNote(note('error', errorMessage(err)));
    }
  }

  const reasonProblem = (text: string): string | undefined => checkOverrideReason(text).error;

  function next(e: FormEvent) {
    e.preventDefault();
    if (!pending) return;
    setTried(true);
    if (pending.blocking) {
      const problem = reasonProblem(overrideReason);
      setOverrideError(problem);
      if (problem) {
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-field="overrideReason"]')?.focus());
        return;
      }
    }
    onNext();
  }

  if (error)
    return (
      <div className="lc-stack">
        <p className="error" role="alert">
          {error}
        </p>
        <div className="rx-actions">
          <button type="button" onClick={onReload}>
            {t('ui.dayClose.recheck')}
          </button>
        </div>
      </div>
    );
  if (!pending) return <p className="muted">{t('app.loading')}</p>;
  const total = pending.printJobs.count + pending.notInManifest.count + pending.notDelivered.count + pending.feesOutstanding.length + pending.openShifts.count;

  return (
    <form className="lc-stack dc-pending" onSubmit={next} noValidate aria-labelledby="dc-pending-title">
      <h2 id="dc-pending-title">{t('ui.dayClose.step.pending')}</h2>
      {refusal && (
        <p className="lc-note lc-note-error" role="alert">
          {refusal}
        </p>
      )}
      <p className={total ? 'lc-note lc-note-warn' : 'lc-note lc-note-ok'} role="status">
        {total === 0 ? t('ui.dayClose.nothingPending') : pending.blocking ? t('ui.dayClose.blocking') : t('ui.dayClose.notBlocking')}
      </p>

      <Group title={t('ui.dayClose.printJobs')} count={pending.printJobs.count} help={t('ui.dayClose.printJobsHelp')}>
        <table className="grid lc-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.dayClose.col.job')}</th>
              <th scope="col">{t('ui.dayClose.col.state')}</th>
              <th scope="col">{t('ui.dayClose.col.createdAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ui.dayClose.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.printJobs.items.map((j) => (
              <tr key={j.id}>
                <td>{j.title}</td>
                <td>
                  {(PRINT_JOB_STATES as readonly string[]).includes(j.state) ? t(`job.state.${j.state}` as MessageKey) : j.state}
                  {j.state === 'sent_unconfirmed' && <span className="muted small lc-block">{t('ui.dayClose.unconfirmedHelp')}</span>}
                </td>
                <td>{dateTime(j.createdAt)}</td>
                <td className="lc-row-actions">
                  {RETRYABLE.has(j.state) && (
                    <button type="button" aria-label={t('ui.dayClose.retryJob', { title: j.title })} onClick={() => void job('printJobs.retry', j.id, j.title)}>
                      {t('ui.dayClose.retry')}
                    </button>
                  )}
                  {CANCELLABLE.has(j.state) && (
                    <button type="button" aria-label={t('ui.dayClose.cancelJob', { title: j.title })} onClick={() => void job('printJobs.cancel', j.id, j.title)}>
                      {t('ui.dayClose.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {more(pending.printJobs.count, pending.printJobs.items.length)}
        <NoteLine value={jobNote} />
      </Group>

      <Group title={t('ui.dayClose.notInManifest')} count={pending.notInManifest.count} help={t('ui.dayClose.notInManifestHelp')} screen={{ view: 'handover', label: 'ui.nav.handover' }}>
        <table className="grid lc-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.lc.col.code')}</th>
              <th scope="col">{t('ui.lc.col.agency')}</th>
              <th scope="col">{t('ui.lc.col.receivedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.notInManifest.items.map((d) => (
              <tr key={d.id}>
                <td className="code">{d.code}</td>
                <td>{d.agency}</td>
                <td>{dateTime(d.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more(pending.notInManifest.count, pending.notInManifest.items.length)}
      </Group>

      <Group title={t('ui.dayClose.notDelivered')} count={pending.notDelivered.count} help={t('ui.dayClose.notDeliveredHelp')} screen={{ view: 'delivery', label: 'ui.nav.delivery' }}>
        <table className="grid lc-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.lc.col.code')}</th>
              <th scope="col">{t('ui.lc.col.status')}</th>
              <th scope="col">{t('ui.lc.col.resultDate')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.notDelivered.items.map((d) => (
              <tr key={d.id}>
                <td className="code">{d.code}</td>
                <td>{d.statusLabel}</td>
                <td>{day(d.resultDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more(pending.notDelivered.count, pending.notDelivered.items.length)}
      </Group>

      <Group title={t('ui.dayClose.fees')} count={pending.feesOutstanding.length} help={t('ui.dayClose.feesHelp')} screen={{ view: 'handover', label: 'ui.nav.handover' }}>
        <table className="grid lc-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.lc.col.agency')}</th>
              <th scope="col" className="num">
                {t('ui.dayClose.col.owed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.feesOutstanding.map((f) => (
              <tr key={f.agency}>
                <td>{f.agency}</td>
                <td className="num">{money(f.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Group>

      <Group title={t('ui.dayClose.openShifts')} count={pending.openShifts.count} help={t('ui.dayClose.openShiftsHelp')}>
        <table className="grid lc-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.dayClose.col.clerk')}</th>
              <th scope="col" className="num">
                {t('ui.dayClose.col.lines')}
              </th>
              <th scope="col">{t('ui.dayClose.col.since')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.openShifts.items.map((o) => (
              <tr key={o.userId}>
                <td>{o.name}</td>
                <td className="num">{o.lines}</td>
                <td>{dateTime(o.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more(pending.openShifts.count, pending.openShifts.items.length)}
      </Group>

      {pending.blocking && (
        <TextAreaField
          label={t('ui.dayClose.overrideReason')}
          name="overrideReason"
          value={overrideReason}
          onChange={(v) => {
            onOverrideReason(v);
            if (tried) setOverrideError(reasonProblem(v));
          }}
          required
          maxLength={500}
          hint={t('ui.dayClose.overrideHint')}
          error={overrideError}
        />
      )}
      <div className="rx-actions">
        <button type="submit" className="primary">
          {pending.blocking ? t('ui.dayClose.nextOverride') : t('ui.dayClose.nextCount')}
        </button>
        <button type="button" onClick={onReload}>
          {t('ui.dayClose.recheck')}
        </button>
      </div>
    </form>
  );
}
