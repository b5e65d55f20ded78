import type { ReactNode } from 'react';
import type { CashCount } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { Field } from '../../ui/Field';
import { SubmitButton } from '../../ui/SubmitForm';
import { TextAreaField } from '../lifecycle/controls';
import { dateTime, money } from '../lifecycle/format';
import { FormProblems, useCheckedForm } from './checkedForm';
import { differenceWord, signedMoney } from './format';
import { checkDecision, type Decision, type DecisionForm } from './model';

/** Expected vs counted per payment method and the difference: shown only once the count is recorded. */
export function CountComparison({ count }: { count: CashCount }) {
  const rows = [
    { label: t('ui.close.cash'), expected: count.cashExpected, counted: count.cashCounted, difference: count.cashDifference },
    { label: t('ui.close.transfer'), expected: count.transferExpected, counted: count.transferConfirmed, difference: count.transferDifference },
  ];
  return (
    <div className="sh-compare">
      <table className="grid lc-table" data-testid="count-comparison">
        <caption className="sh-caption">{t('ui.close.compareTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.close.col.method')}</th>
            <th scope="col" className="num">
              {t('ui.close.col.expected')}
            </th>
            <th scope="col" className="num">
              {t('ui.close.col.counted')}
            </th>
            <th scope="col" className="num">
              {t('ui.close.col.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.difference === 0 ? undefined : 'sh-diff-row'}>
              <th scope="row">{r.label}</th>
              <td className="num">{money(r.expected)}</td>
              <td className="num">{money(r.counted)}</td>
              <td className={`num ${r.difference === 0 ? 'ok' : 'error'}`}>
                <strong>{signedMoney(r.difference)}</strong> <span className="small">({differenceWord(r.difference)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('ui.close.basis', { n: count.lines, at: dateTime(count.at), by: count.countedBy })}</p>
      <details className="sh-details">
        <summary>{t('ui.close.notesCounted')}</summary>
        <table className="grid lc-table sh-notes-done">
          <thead>
            <tr>
              <th scope="col">{t('ui.count.col.note')}</th>
              <th scope="col" className="num">
                {t('ui.count.col.count')}
              </th>
              <th scope="col" className="num">
                {t('ui.count.col.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {count.denominations
              .filter((n) => n.count > 0)
              .map((n) => (
                <tr key={n.value}>
                  <th scope="row">{money(n.value)}</th>
                  <td className="num">{n.count}</td>
                  <td className="num">{money(n.amount)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/**
 * After the count: the comparison, then exactly what the API asks for this count: a reason for
 * any difference, a manager's user name and password above the threshold. Nothing half-filled
 * is sent.
 */
export function CloseDecision({
  count,
  form,
  onChange,
  onSubmit,
  onRecount,
  busy,
  submitLabel,
  error,
  children,
}: {
  count: CashCount;
  form: DecisionForm;
  onChange: (form: DecisionForm) => void;
  onSubmit: (decision: Decision) => void;
  onRecount: () => void;
  busy: boolean;
  submitLabel: string;
  error?: string | null;
  /** Shown above the buttons (what closing will do). */
  children?: ReactNode;
}) {
  const { formRef, errors, errorCount, submit } = useCheckedForm(() => checkDecision(form, count), busy, onSubmit);

  return (
    <form ref={formRef} className="sh-decision" onSubmit={submit} noValidate aria-labelledby="sh-decision-title">
      <h2 id="sh-decision-title">{t('ui.close.title')}</h2>
      <CountComparison count={count} />
      {!count.needsReason && (
        <p className="lc-note lc-note-ok" role="status">
          {t('ui.close.match')}
        </p>
      )}
      {count.needsReason && (
        <TextAreaField
          label={t('ui.close.reason')}
          name="reason"
          value={form.reason}
          onChange={(reason) => onChange({ ...form, reason })}
          required
          maxLength={500}
          hint={t('ui.close.reasonHint')}
          error={errors.reason}
        />
      )}
      {count.needsApproval && (
        <fieldset className="sh-approval">
          <legend>{t('ui.close.approvalTitle')}</legend>
          <p className="small">{t('ui.close.approvalHelp', { threshold: money(count.threshold) })}</p>
          <div className="sh-approval-fields">
            <Field label={t('ui.close.approver')} name="approver" value={form.username} onChange={(username) => onChange({ ...form, username })} error={errors.username} autoComplete="off" />
            <Field
              label={t('ui.close.approverPassword')}
              name="approverPassword"
              type="password"
              value={form.password}
              onChange={(password) => onChange({ ...form, password })}
              error={errors.password}
              autoComplete="new-password"
            />
          </div>
        </fieldset>
      )}
      {children}
      <div className="rx-actions">
        <SubmitButton label={submitLabel} busy={busy} />
        <button type="button" onClick={onRecount} disabled={busy}>
          {t('ui.close.recount')}
        </button>
      </div>
      <FormProblems errorCount={errorCount} error={error} />
    </form>
  );
}
