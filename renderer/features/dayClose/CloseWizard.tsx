import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { pendingSchema, REMITTANCE_NOTE_MAX, type CashCount, type DayCloseSummary, type Pending } from '../../../shared/api/dayClose';
import type { PrintJob } from '../../../shared/api/devices';
import { ApiError } from '../../../shared/api/errors';
import { t } from '../../../shared/messages/vi';
import { displayDate, vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field, FieldFrame } from '../../ui/Field';
import { dateTime, day as dayText, money } from '../lifecycle/format';
import { parseDayFirst } from '../reception/model';
import { CashCountForm } from '../shift/CashCountForm';
import { CloseDecision } from '../shift/CloseDecision';
import { VsDifference } from '../shift/Difference';
import { checkOverrideReason, emptyCountForm, emptyDecision, newKey, parseAmount, shortHash, type CountValue, type Decision } from '../shift/model';
import { DayReportView, reportTitle } from './DayReportView';
import { PendingStep } from './PendingStep';
import { ErrorLine } from '../../ui/ErrorLine';

type Step = 'pending' | 'count' | 'decide' | 'confirm';
const STEPS: Step[] = ['pending', 'count', 'decide', 'confirm'];

/**
 * The cash remitted at the close as typed (bank, provincial post): a whole amount from 0 to the cash
 * counted, and its note; the float carried to the next day is what stays.
 */
function checkRemittance(amountText: string, noteText: string, cashCounted: number): { cash: number | null; note: string; amountError?: string; noteError?: string } {
  const parsed = parseAmount(amountText);
  const cash = parsed !== null && parsed >= 0 ? parsed : null;
  const note = noteText.trim();
  return {
    cash: cash !== null && cash <= cashCounted ? cash : null,
    note,
    amountError:
      cash === null ? t('ui.dayClose.err.remitted') : cash > cashCounted ? t('ui.dayClose.err.remittedOver', { counted: money(cashCounted) }) : undefined,
    noteError: note.length > REMITTANCE_NOTE_MAX ? t('ui.dayClose.err.remittanceNote', { max: REMITTANCE_NOTE_MAX }) : undefined,
  };
}

/** Approval refused (wrong password, not a manager, account disabled): back to the approval fields. */
const APPROVAL_CODES = new Set(['BAD_CREDENTIALS', 'FORBIDDEN', 'ACCOUNT_DISABLED']);

function Steps({ current, reachable, onGo }: { current: Step; reachable: Record<Step, boolean>; onGo: (s: Step) => void }) {
  return (
    <nav aria-label={t('ui.dayClose.steps')} className="rx-stepper dc-steps">
      <ol>
        {STEPS.map((s, i) => {
          const state = s === current ? 'current' : reachable[s] ? (STEPS.indexOf(s) < STEPS.indexOf(current) ? 'done' : 'todo') : 'blocked';
          return (
            <li key={s} className={`rx-step rx-step-${state}`}>
              <button type="button" aria-current={s === current ? 'step' : undefined} disabled={!reachable[s]} onClick={() => onGo(s)}>
                <span className="rx-step-no" aria-hidden="true">
                  {state === 'done' ? '✓' : i + 1}
                </span>
                <span className="rx-step-label">{`${i + 1}. ${t(`ui.dayClose.step.${s}`)}`}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * The manager's day close in four steps: 1. what is still open (with an override reason to
 * close anyway), 2. the blind count, 3. the difference with its reason and approval, 4. the close
 * itself — with the cash remitted (bank, provincial post) and the float it leaves for the next day —
 * which seals the day and makes the Z report (printed, on screen, PDF, XLSX).
 */
export function CloseWizard({ closes, onClosed, onOpenReport }: { closes: DayCloseSummary[]; onClosed: () => void; onOpenReport: (day: string, title: string) => void }) {
  const { api } = useApp();
  const today = vietnamDay();
  const [day, setDay] = useState(today);
  const [dayField, setDayField] = useState(displayDate(today));
  const [dayError, setDayError] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<Step>('pending');
  const [pending, setPending] = useState<Pending | null>(null);
  const [pendingError, setPendingError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [form, setForm] = useState(emptyCountForm);
  const [countBase, setCountBase] = useState(newKey);
  const [count, setCount] = useState<CashCount | null>(null);
  const [decisionForm, setDecisionForm] = useState(emptyDecision);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [closeKey, setCloseKey] = useState(newKey);
  const [remitField, setRemitField] = useState('0');
  const [remitNote, setRemitNote] = useState('');
  const [done, setDone] = useState<{ close: DayCloseSummary; printJob: PrintJob | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadPending = useCallback(() => {
    setPendingError(null);
    api['dayClose.pending']({ day }).then(setPending, (err) => setPendingError(errorMessage(err)));
  }, [api, day]);
  useEffect(loadPending, [loadPending]);

  const closed = closes.find((c) => c.day === day);
  const overrideOk = !!pending && (!pending.blocking || !!checkOverrideReason(overrideReason).value);
  const reachable: Record<Step, boolean> = { pending: true, count: overrideOk, decide: overrideOk && !!count, confirm: overrideOk && !!count && !!decision };

  const go = (s: Step) => {
    if (!reachable[s] || busy) return;
    setError(null);
    setStep(s);
  };

  function reset(newDay: string) {
    setDay(newDay);
    setStep('pending');
    setPending(null);
    setRefusal(null);
    setOverrideReason('');
    setForm(emptyCountForm());
    setCountBase(newKey());
    setCount(null);
    setDecisionForm(emptyDecision());
    setDecision(null);
    setCloseKey(newKey());
    setRemitField('0');
    setRemitNote('');
    setDone(null);
    setError(null);
  }

  function chooseDay(e: FormEvent) {
    e.preventDefault();
    const iso = parseDayFirst(dayField);
    if (!iso) return setDayError(t('recv.err.date'));
    if (iso > vietnamDay()) return setDayError(t('ui.dayClose.err.futureDay'));
    setDayError(undefined);
    setDayField(displayDate(iso));
    if (iso !== day) reset(iso);
  }

  async function submitCount(value: CountValue) {
    setBusy(true);
    setError(null);
    try {
      const c = await api['dayClose.count']({ day, ...value, idempotencyKey: `${countBase}-${shortHash(JSON.stringify(value))}` });
      setCount(c);
      setDecision(null);
      setDecisionForm(emptyDecision());
      setCloseKey(newKey());
      setStep('decide');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const recount = () => {
    setCountBase(newKey());
    setCount(null);
    setDecision(null);
    setError(null);
    setStep('count');
  };

  const remittance = count ? checkRemittance(remitField, remitNote, count.cashCounted) : null;

  async function close() {
    if (!count || !decision || !pending || !remittance || busy) return;
    if (remittance.cash === null || remittance.noteError) {
      setError(t('ui.lc.fix', { n: (remittance.amountError ? 1 : 0) + (remittance.noteError ? 1 : 0) }));
      return;
    }
    setBusy(true);
    setError(null);
    const override = pending.blocking ? checkOverrideReason(overrideReason).value : undefined;
    try {
      const r = await api['dayClose.close']({
        day,
        countId: count.id,
        ...decision,
        ...(override ? { overrideReason: override } : {}),
        cashRemitted: remittance.cash,
        ...(remittance.note ? { remittanceNote: remittance.note } : {}),
        idempotencyKey: closeKey,
      });
      setDone({ close: r.close, printJob: r.printJob });
      onClosed();
    } catch (err) {
      const blocking = err instanceof ApiError ? pendingSchema.safeParse(err.details) : null;
      if (blocking?.success) {
        setPending(blocking.data);
        setRefusal(errorMessage(err));
        setStep('pending');
      } else if (err instanceof ApiError && APPROVAL_CODES.has(err.code)) {
        setDecisionForm((f) => ({ ...f, password: '' }));
        setDecision(null);
        setError(err.message);
        setStep('decide');
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const dayPicker = (
    <form className="lc-form-row dc-day" onSubmit={chooseDay} noValidate>
      <Field label={t('ui.dayClose.day')} name="closeDay" value={dayField} onChange={setDayField} error={dayError} hint={day === today ? t('ui.dayClose.dayToday') : t('ui.dayClose.dayOther', { day: dayText(day) })} />
      <button type="submit">{t('ui.dayClose.chooseDay')}</button>
    </form>
  );

  if (done)
    return (
      <div className="lc-stack">
        <section className="rx-panel" aria-labelledby="dc-done-title">
          <h2 id="dc-done-title" className="ok">
            {t('ui.dayClose.done', { day: dayText(done.close.day), sequence: done.close.sequence })}
          </h2>
          <p className="small muted">{t('ui.dayClose.sealed', { at: dateTime(done.close.closedAt), hash: done.close.hash.slice(0, 16) })}</p>
          <DayReportView day={done.close.day} printed={done.printJob ? [done.printJob] : []} />
        </section>
      </div>
    );

  if (closed)
    return (
      <div className="lc-stack">
        <section className="rx-panel">{dayPicker}</section>
        <section className="rx-panel">
          <p className="lc-note lc-note-ok" role="status">
            {t('ui.dayClose.alreadyClosed', { day: dayText(closed.day), sequence: closed.sequence, at: dateTime(closed.closedAt), by: closed.closedBy })}
          </p>
          <div className="rx-actions">
            <button type="button" onClick={() => onOpenReport(closed.day, reportTitle('Z', closed.day, closed.sequence))}>
              {t('ui.dayClose.viewZ')}
            </button>
          </div>
        </section>
      </div>
    );

  return (
    <div className="lc-stack">
      <section className="rx-panel">{dayPicker}</section>
      <Steps current={step} reachable={reachable} onGo={go} />
      <section className="rx-panel">
        {step === 'pending' && (
          <PendingStep
            pending={pending}
            error={pendingError}
            onReload={loadPending}
            overrideReason={overrideReason}
            onOverrideReason={setOverrideReason}
            refusal={refusal}
            onNext={() => {
              setRefusal(null);
              setStep(count && decision ? 'confirm' : count ? 'decide' : 'count');
            }}
          />
        )}
        {step === 'count' && (
          <CashCountForm
            value={form}
            onChange={setForm}
            onSubmit={submitCount}
            busy={busy}
            submitLabel={t('ui.dayClose.submitCount')}
            error={error}
            intro={<p>{t('ui.dayClose.countIntro', { day: dayText(day) })}</p>}
          />
        )}
        {step === 'decide' && count && (
          <CloseDecision
            count={count}
            form={decisionForm}
            onChange={setDecisionForm}
            onSubmit={(d) => {
              setDecision(d);
              setError(null);
              setStep('confirm');
            }}
            onRecount={recount}
            busy={busy}
            submitLabel={t('ui.dayClose.toConfirm')}
            error={error}
          />
        )}
        {step === 'confirm' && count && decision && pending && (
          <div className="lc-stack" aria-labelledby="dc-confirm-title" role="group">
            <h2 id="dc-confirm-title">{t('ui.dayClose.step.confirm')}</h2>
            <dl className="rx-facts dc-recap">
              <dt>{t('ui.dayClose.day')}</dt>
              <dd>{dayText(day)}</dd>
              <dt>{t('ui.dayClose.step.pending')}</dt>
              <dd>
                {pending.blocking
                  ? t('ui.dayClose.recapOverride', { reason: checkOverrideReason(overrideReason).value ?? '' })
                  : t('ui.dayClose.recapPending', {
                      n: pending.printJobs.count + pending.notInManifest.count + pending.notDelivered.count + pending.feesOutstanding.length + pending.openShifts.count,
                    })}
              </dd>
              <dt>{t('ui.dayClose.openingCash')}</dt>
              <dd>{t('ui.dayClose.openingCashValue', { amount: money(count.openingCash) })}</dd>
              <dt>{t('ui.close.cash')}</dt>
              <dd>
                <VsDifference counted={count.cashCounted} expected={count.cashExpected} difference={count.cashDifference} />
              </dd>
              <dt>{t('ui.close.transfer')}</dt>
              <dd>
                <VsDifference counted={count.transferConfirmed} expected={count.transferExpected} difference={count.transferDifference} />
              </dd>
              {decision.reason && (
                <>
                  <dt>{t('ui.close.reason')}</dt>
                  <dd>{decision.reason}</dd>
                </>
              )}
              {decision.approval && (
                <>
                  {/* checked by the close itself: until then only the user name typed is known */}
                  <dt>{t('ui.close.approverLogin')}</dt>
                  <dd>{decision.approval.username}</dd>
                </>
              )}
            </dl>
            {remittance && (
              <div className="lc-stack" data-testid="remittance">
                <FieldFrame label={t('ui.dayClose.remitted')} hint={t('ui.dayClose.remittedHint', { counted: money(count.cashCounted) })} error={remittance.amountError}>
                  {(control) => (
                    <span className="sh-unit">
                      <input
                        {...control}
                        name="cashRemitted"
                        value={remitField}
                        inputMode="numeric"
                        maxLength={20}
                        autoComplete="off"
                        disabled={busy}
                        onFocus={(e) => e.target.select()}
                        onChange={(e) => setRemitField(e.target.value)}
                      />
                      <span aria-hidden="true">đ</span>
                    </span>
                  )}
                </FieldFrame>
                <FieldFrame label={t('ui.dayClose.remittanceNote')} hint={t('ui.dayClose.remittanceNoteHint', { max: REMITTANCE_NOTE_MAX })} error={remittance.noteError}>
                  {(control) => (
                    <input
                      {...control}
                      name="remittanceNote"
                      value={remitNote}
                      maxLength={REMITTANCE_NOTE_MAX + 50}
                      autoComplete="off"
                      disabled={busy}
                      onChange={(e) => setRemitNote(e.target.value)}
                    />
                  )}
                </FieldFrame>
                <dl className="rx-facts dc-recap" aria-live="polite">
                  <dt>{t('ui.dayClose.carried')}</dt>
                  <dd data-testid="cash-carried">
                    {remittance.cash === null ? (
                      '—'
                    ) : (
                      <>
                        <strong>{money(count.cashCounted - remittance.cash)}</strong>{' '}
                        <span className="muted small">
                          {t('ui.dayClose.carriedValue', { counted: money(count.cashCounted), remitted: money(remittance.cash) })}
                        </span>
                      </>
                    )}
                  </dd>
                </dl>
              </div>
            )}
            <p className="lc-note lc-note-warn">{t('ui.dayClose.finalWarning', { day: dayText(day) })}</p>
            <div className="rx-actions">
              <button type="button" className="primary" onClick={() => void close()} disabled={busy}>
                {busy ? t('ui.lc.sending') : t('ui.dayClose.close')}
              </button>
              <button type="button" onClick={() => go('decide')} disabled={busy}>
                {t('ui.dayClose.back')}
              </button>
              <button type="button" onClick={recount} disabled={busy}>
                {t('ui.close.recount')}
              </button>
            </div>
            <ErrorLine error={error} />
          </div>
        )}
      </section>
    </div>
  );
}
