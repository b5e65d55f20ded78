import type { KeyboardEvent, ReactNode } from 'react';
import { DENOMINATIONS } from '../../../shared/dayClose/cash';
import { formatMoney, t } from '../../../shared/messages/vi';
import { FieldFrame } from '../../ui/Field';
import { SubmitButton } from '../../ui/SubmitForm';
import { money } from '../lifecycle/format';
import { TRANSFER_FIELD, checkCount, countedCash, noteField, parseNotes, type CountForm, type CountValue } from './model';
import { FormProblems, useCheckedForm } from './checkedForm';
import './shift.css';

/**
 * The blind count, shared by the clerk's shift close and the manager's day close: one field per
 * Vietnamese banknote (Enter or ↓ goes down, ↑ up), the running total of what was counted, and
 * the transfer total read on the bank statement. What the ledger expects is not shown here: only
 * after the count is recorded. A half-filled sheet is not sent.
 */
export function CashCountForm({
  value,
  onChange,
  onSubmit,
  busy,
  submitLabel,
  intro,
  error,
  autoFocus = true,
}: {
  value: CountForm;
  onChange: (form: CountForm) => void;
  onSubmit: (count: CountValue) => void;
  busy: boolean;
  submitLabel: string;
  intro?: ReactNode;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const { formRef, errors, errorCount, submit } = useCheckedForm(() => checkCount(value), busy, onSubmit);
  const total = countedCash(value);
  const last = DENOMINATIONS.length; // the transfer field comes after the banknotes

  const focusIndex = (i: number) => {
    const el = formRef.current?.querySelector<HTMLInputElement>(`[data-count-index="${i}"]`);
    el?.focus();
    el?.select();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>, index: number) => {
    if ((e.key === 'Enter' || e.key === 'ArrowDown') && index < last) {
      e.preventDefault();
      focusIndex(index + 1);
    } else if (e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      focusIndex(index - 1);
    }
  };

  return (
    <form ref={formRef} className="sh-count" onSubmit={submit} noValidate aria-labelledby="sh-count-title">
      <h2 id="sh-count-title">{t('ui.count.title')}</h2>
      {intro}
      <p className="muted small">{t('ui.count.blindHint')}</p>
      <table className="grid sh-notes">
        <caption className="visually-hidden">{t('ui.count.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.count.col.note')}</th>
            <th scope="col">{t('ui.count.col.count')}</th>
            <th scope="col" className="num">
              {t('ui.count.col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {DENOMINATIONS.map((v, i) => {
            const text = value.notes[v] ?? '';
            const n = parseNotes(text);
            return (
              <tr key={v}>
                <th scope="row" className="num sh-note">
                  {money(v)}
                </th>
                <td>
                  <FieldFrame label={t('ui.count.noteLabel', { value: formatMoney(v) })} labelHidden error={errors[noteField(v)]} className="sh-cell">
                    {(control) => (
                      <input
                        {...control}
                        data-field={noteField(v)}
                        data-count-index={i}
                        className="sh-notes-input"
                        value={text}
                        inputMode="numeric"
                        maxLength={9}
                        autoComplete="off"
                        autoFocus={autoFocus && i === 0}
                        onKeyDown={(e) => onKey(e, i)}
                        onFocus={(e) => e.currentTarget.select()}
                        onChange={(e) => onChange({ ...value, notes: { ...value.notes, [v]: e.target.value } })}
                      />
                    )}
                  </FieldFrame>
                </td>
                <td className="num">{text.trim() && n !== null ? money(v * n) : ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('ui.count.cashTotal')}
            </th>
            <td className="num sh-total" data-testid="counted-cash">
              {money(total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <FieldFrame label={t('ui.count.transferLabel')} hint={t('ui.count.transferHint')} error={errors[TRANSFER_FIELD]} className="sh-transfer">
        {(control) => (
          <span className="sh-unit">
            <input
              {...control}
              data-field={TRANSFER_FIELD}
              data-count-index={last}
              value={value.transfer}
              inputMode="numeric"
              maxLength={20}
              autoComplete="off"
              onKeyDown={(e) => onKey(e, last)}
              onChange={(e) => onChange({ ...value, transfer: e.target.value })}
            />
            <span aria-hidden="true">đ</span>
          </span>
        )}
      </FieldFrame>
      <div className="rx-actions">
        <SubmitButton label={submitLabel} busy={busy} />
        <span className="muted small">{t('ui.count.keys')}</span>
      </div>
      <FormProblems errorCount={errorCount} error={error} />
    </form>
  );
}
