import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { LEDGER_KINDS, PAYMENT_METHODS, type LedgerFilter, type LedgerKind, type LedgerLineView, type PaymentMethod } from '../../../shared/api/dayClose';
import { ledgerKindLabel } from '../../../shared/dayClose/report';
import { t } from '../../../shared/messages/vi';
import { displayDate, vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field } from '../../ui/Field';
import { Dialog, NoteLine, TextAreaField, note, type Note } from '../lifecycle/controls';
import { dateTime, day, money } from '../lifecycle/format';
import { SelectField } from '../reception/controls';
import { parseDayFirst } from '../reception/model';
import { ErrorLine } from '../../ui/ErrorLine';

const PAGE = 200;

interface FilterForm {
  from: string;
  to: string;
  kind: '' | LedgerKind;
  method: '' | PaymentMethod;
}

function checkFilter(f: FilterForm): { value?: LedgerFilter; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const from = parseDayFirst(f.from);
  const to = parseDayFirst(f.to);
  if (!f.from.trim()) errors.from = t('field.required');
  else if (!from) errors.from = t('recv.err.date');
  if (!f.to.trim()) errors.to = t('field.required');
  else if (!to) errors.to = t('recv.err.date');
  if (from && to && from > to) errors.to = t('ui.period.err.order');
  if (!from || !to || Object.keys(errors).length) return { errors };
  return { value: { from, to, ...(f.kind ? { kind: f.kind } : {}), ...(f.method ? { paymentMethod: f.method } : {}) }, errors };
}

/**
 * The ledger, newest first, and corrections: a line is never changed; "Đảo bút toán" posts a
 * reversal line today that cancels it, with a reason. A closed day stays closed.
 */
export function LedgerTab({ closedDays, active }: { closedDays: ReadonlySet<string>; active: boolean }) {
  const { api } = useApp();
  const today = vietnamDay();
  const [form, setForm] = useState<FilterForm>({ from: displayDate(today), to: displayDate(today), kind: '', method: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState<LedgerFilter>({ from: today, to: today });
  const [lines, setLines] = useState<LedgerLineView[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reversing, setReversing] = useState<LedgerLineView | null>(null);
  const [message, setMessage] = useState<Note | null>(null);

  const load = useCallback(
    (f: LedgerFilter, beforeId?: number) => {
      setLoadError(null);
      api['ledger.lines']({ ...f, limit: PAGE, ...(beforeId ? { beforeId } : {}) }).then(
        (page) => {
          setLines((old) => (beforeId && old ? [...old, ...page] : page));
          setHasMore(page.length === PAGE);
        },
        (err) => setLoadError(errorMessage(err)),
      );
    },
    [api],
  );
  useEffect(() => {
    if (active) load(filter);
  }, [active, filter, load]);

  function apply(e: FormEvent) {
    e.preventDefault();
    const found = checkFilter(form);
    setErrors(found.errors);
    if (!found.value) return;
    setMessage(null);
    setFilter(found.value);
  }

  const update = (patch: Partial<FilterForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section className="rx-panel" aria-labelledby="dc-ledger-title">
      <h2 id="dc-ledger-title">{t('ui.ledger.title')}</h2>
      <p className="small">{t('ui.ledger.help')}</p>
      <form className="lc-form-row dc-filters" onSubmit={apply} noValidate>
        <Field label={t('ui.period.from')} name="ledgerFrom" value={form.from} onChange={(from) => update({ from })} error={errors.from} hint="dd/mm/yyyy" />
        <Field label={t('ui.period.to')} name="ledgerTo" value={form.to} onChange={(to) => update({ to })} error={errors.to} hint="dd/mm/yyyy" />
        <SelectField label={t('ui.ledger.col.kind')} name="ledgerKind" value={form.kind} onChange={(v) => update({ kind: v as FilterForm['kind'] })}>
          <option value="">{t('ui.ledger.all')}</option>
          {LEDGER_KINDS.map((k) => (
            <option key={k} value={k}>
              {ledgerKindLabel(k)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('ui.ledger.col.method')} name="ledgerMethod" value={form.method} onChange={(v) => update({ method: v as FilterForm['method'] })}>
          <option value="">{t('ui.ledger.all')}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`ui.method.${m}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('ui.ledger.show')}</button>
      </form>
      <NoteLine value={message} />
      <ErrorLine error={loadError} />
      {lines === null && !loadError && <p className="muted">{t('app.loading')}</p>}
      {lines?.length === 0 && <p className="muted lc-empty">{t('ui.ledger.none')}</p>}
      {lines && lines.length > 0 && (
        <div className="dc-scroll">
          <table className="grid lc-table dc-ledger" data-testid="ledger-lines">
            <thead>
              <tr>
                <th scope="col">{t('ui.ledger.col.id')}</th>
                <th scope="col">{t('ui.ledger.col.at')}</th>
                <th scope="col">{t('ui.ledger.col.user')}</th>
                <th scope="col">{t('ui.ledger.col.label')}</th>
                <th scope="col">{t('ui.ledger.col.kind')}</th>
                <th scope="col">{t('ui.ledger.col.method')}</th>
                <th scope="col" className="num">
                  {t('ui.ledger.col.amount')}
                </th>
                <th scope="col">{t('ui.ledger.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} className={l.reversedBy !== null || l.kind === 'reversal' ? 'dc-reversed' : undefined}>
                  <td className="code">#{l.id}</td>
                  <td>
                    {dateTime(l.at)}
                    {closedDays.has(l.day) && <span className="rx-badge">{t('ui.ledger.dayClosed')}</span>}
                  </td>
                  <td>{l.user}</td>
                  <td>
                    {l.label}
                    {(l.dossierCode || l.agency) && <span className="muted small lc-block">{[l.dossierCode, l.agency].filter(Boolean).join(' · ')}</span>}
                    {l.note && <span className="muted small lc-block">{t('ui.ledger.note', { note: l.note })}</span>}
                  </td>
                  <td>{ledgerKindLabel(l.kind)}</td>
                  <td>{t(`ui.method.${l.paymentMethod}`)}</td>
                  <td className={`num ${l.amount < 0 ? 'error' : ''}`}>{money(l.amount)}</td>
                  <td className="lc-row-actions">
                    {l.kind === 'reversal' ? (
                      <span className="rx-badge">{t('ui.ledger.reversalOf', { id: l.reverses ?? '—' })}</span>
                    ) : l.reversedBy !== null ? (
                      <span className="rx-badge warn">{t('ui.ledger.reversedBy', { id: l.reversedBy })}</span>
                    ) : l.amount !== 0 ? (
                      <button type="button" aria-label={t('ui.ledger.reverseLine', { id: l.id })} onClick={() => setReversing(l)}>
                        {t('ui.ledger.reverse')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && lines && (
        <div className="rx-actions">
          <button type="button" onClick={() => load(filter, lines[lines.length - 1]?.id)}>
            {t('ui.ledger.more')}
          </button>
        </div>
      )}
      {reversing && (
        <ReverseDialog
          line={reversing}
          dayClosed={closedDays.has(reversing.day)}
          todayClosed={closedDays.has(today)}
          onClose={() => setReversing(null)}
          onDone={(r) => {
            setReversing(null);
            setMessage(note('ok', t('ui.ledger.reversed', { id: r.id, original: reversing.id, amount: money(r.amount), day: day(r.day) })));
            load(filter);
          }}
        />
      )}
    </section>
  );
}

function ReverseDialog({
  line,
  dayClosed,
  todayClosed,
  onClose,
  onDone,
}: {
  line: LedgerLineView;
  dayClosed: boolean;
  /** Today is sealed too: its ledger takes no line, not even a reversal, until the next day. */
  todayClosed: boolean;
  onClose: () => void;
  onDone: (reversal: LedgerLineView) => void;
}) {
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = reason.trim();
  const problem = !trimmed ? t('ui.ledger.err.reasonRequired') : trimmed.length < 5 ? t('field.tooShort', { min: 5 }) : undefined;
  const today = vietnamDay();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShowError(true);
    if (problem || busy || todayClosed) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api['ledger.reverse']({ ledgerId: line.id, reason: trimmed }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('ui.ledger.reverseTitle', { id: line.id })} onClose={onClose}>
      <form className="lc-form" onSubmit={submit} noValidate>
        <dl className="rx-facts">
          <dt>{t('ui.ledger.col.label')}</dt>
          <dd>{line.label}</dd>
          <dt>{t('ui.ledger.col.day')}</dt>
          <dd>{day(line.day)}</dd>
          <dt>{t('ui.ledger.col.user')}</dt>
          <dd>{line.user}</dd>
          {line.dossierCode && (
            <>
              <dt>{t('ui.lc.col.code')}</dt>
              <dd className="code">{line.dossierCode}</dd>
            </>
          )}
          {line.agency && (
            <>
              <dt>{t('ui.lc.col.agency')}</dt>
              <dd>{line.agency}</dd>
            </>
          )}
          <dt>{t('ui.ledger.col.amount')}</dt>
          <dd>
            {money(line.amount)} ({t(`ui.method.${line.paymentMethod}`)})
          </dd>
        </dl>
        <p className="lc-note lc-note-warn">
          {dayClosed ? t('ui.ledger.explainClosed', { day: day(line.day) }) : t('ui.ledger.explainOpen', { day: day(line.day) })}
          {!todayClosed && ` ${t('ui.ledger.explainToday', { amount: money(-line.amount), today: day(today) })}`}
        </p>
        {todayClosed && (
          <p className="lc-note lc-note-error" role="alert">
            {t('ui.ledger.todayClosed', { today: day(today) })}
          </p>
        )}
        <TextAreaField label={t('ui.ledger.reason')} name="reverseReason" value={reason} onChange={setReason} required maxLength={500} hint={t('ui.ledger.reasonHint')} error={showError ? problem : undefined} />
        <div className="rx-actions">
          <button type="submit" className="primary" disabled={busy || todayClosed}>
            {busy ? t('ui.lc.sending') : t('ui.ledger.reverseSubmit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
        <ErrorLine error={error} />
      </form>
    </Dialog>
  );
}
