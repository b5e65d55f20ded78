import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import type { ProcedureDetail, ReceptionConfig } from '../../../shared/api/contract';
import type { Quote, ReceptionService } from '../../../shared/api/reception';
import type { Fee } from '../../../shared/catalogue/schema';
import { t } from '../../../shared/messages/vi';
import { formatVnd, weightClassFor } from '../../../shared/reception/fees';
import { qrMatrix, useBwipRaw } from '../printing/symbols';
import { QrSvg } from '../printing/SymbolSvg';
import { SelectField, TextField, focusFirstField } from './controls';
import { collectsProcedureFees, formatDate, parseGrams, type FeesForm, type FieldErrors, type Payment } from './model';
import { ErrorLine } from '../../ui/ErrorLine';

export interface QuoteState {
  quote: Quote | null;
  /** The quote shown was computed for the current inputs. */
  fresh: boolean;
  busy: boolean;
  error: string | null;
}

/** The VietQR payload as a QR code (modules from bwip-js, drawn as one SVG path: no inline styles for the CSP). */
export function VietQrCode({ payload, label }: { payload: string; label: string }) {
  const raw = useBwipRaw();
  const matrix = useMemo(() => (raw ? qrMatrix(raw, payload) : null), [raw, payload]);
  if (!matrix) return <div className="rx-qr rx-qr-pending" aria-busy="true" />;
  return <QrSvg className="rx-qr" side={matrix.side} dark={matrix.dark} label={label} />;
}

function FeeChoice({
  kind,
  fee,
  value,
  onChange,
}: {
  kind: 'phi' | 'lePhi';
  fee: Fee;
  value: string;
  onChange: (v: string) => void;
}) {
  const label = t(kind === 'phi' ? 'recv.fees.phiTier' : 'recv.fees.lePhiTier');
  if (fee.kind === 'fixed')
    return (
      <div className="field">
        <span className="rx-field-label">{t(kind === 'phi' ? 'procedure.phi' : 'procedure.lePhi')}</span>
        <strong>{fee.amount === 0 ? t('procedure.free') : formatVnd(fee.amount)}</strong>
      </div>
    );
  return (
    <SelectField label={label} name={`fees.${kind}Tier`} value={value} onChange={onChange} className="rx-span3">
      <option value="">{t('recv.fees.chooseTier')}</option>
      {fee.tiers.map((tier) => (
        <option key={tier.label} value={tier.label}>
          {tier.label} — {tier.amount === 0 ? t('procedure.free') : formatVnd(tier.amount)}
        </option>
      ))}
    </SelectField>
  );
}

interface FeesStepProps {
  procedure: ProcedureDetail;
  service: ReceptionService;
  config: ReceptionConfig | null;
  configError: string | null;
  fees: FeesForm;
  errors: FieldErrors;
  payment: Payment;
  quote: QuoteState;
  onFees: (patch: Partial<FeesForm>) => void;
  onPayment: (p: Payment) => void;
  onNext: () => void;
}

/** Step 4: phí and lệ phí, the postal charge, the quote with the result date, and how the citizen pays. */
export function FeesStep({ procedure: p, service, config, configError, fees: f, errors, payment, quote: qs, onFees, onPayment, onNext }: FeesStepProps) {
  const root = useRef<HTMLFormElement>(null);
  const withFees = collectsProcedureFees(service);
  const q = qs.quote;
  const ready = !!q && qs.fresh && q.errors.length === 0;

  useEffect(() => {
    // the first thing to decide: an unchosen tier, then the weight
    const first = root.current?.querySelector<HTMLElement>('select[data-field="fees.phiTier"], select[data-field="fees.lePhiTier"]');
    if (first && (first as HTMLSelectElement).value === '') first.focus();
    else focusFirstField(root.current, ['fees.grams']);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (ready) {
      onNext();
      return;
    }
    const names = Object.keys(errors).map((k) => `fees.${k}`);
    if (names.length) focusFirstField(root.current, names);
    else root.current?.querySelector<HTMLElement>('select[data-field$="Tier"]:has(option:checked[value=""])')?.focus();
  }

  const grams = parseGrams(f.grams);
  const weightClass = config && grams ? weightClassFor(config.tariff, grams) : undefined;
  const exemptable = (fee: Fee) => fee.kind === 'tiers' || fee.amount > 0;
  const canExempt = withFees && (exemptable(p.phi) || exemptable(p.lePhi));
  const transferable = !!config?.bank;

  return (
    <form ref={root} className="rx-fees-layout" onSubmit={submit} noValidate>
      <div className="rx-panel">
        {withFees ? (
          <fieldset>
            <legend>{t('recv.fees.procedureFees')}</legend>
            <div className="rx-grid">
              <FeeChoice kind="phi" fee={p.phi} value={f.phiTier} onChange={(v) => onFees({ phiTier: v })} />
              <FeeChoice kind="lePhi" fee={p.lePhi} value={f.lePhiTier} onChange={(v) => onFees({ lePhiTier: v })} />
            </div>
            {p.feeNote && <p className="muted small rx-fee-note">{t('recv.fees.note', { note: p.feeNote })}</p>}
            {canExempt && (
              <div className="rx-exempt">
                {exemptable(p.phi) && (
                  <label className="rx-checkbox">
                    <input type="checkbox" checked={f.exemptPhi} onChange={(e) => onFees({ exemptPhi: e.target.checked })} />
                    {t('recv.fees.exemptPhi')}
                  </label>
                )}
                {exemptable(p.lePhi) && (
                  <label className="rx-checkbox">
                    <input type="checkbox" checked={f.exemptLePhi} onChange={(e) => onFees({ exemptLePhi: e.target.checked })} />
                    {t('recv.fees.exemptLePhi')}
                  </label>
                )}
                {(f.exemptPhi || f.exemptLePhi) && (
                  <TextField
                    label={t('recv.fees.exemptionReason')}
                    name="fees.exemptionReason"
                    className="rx-grow"
                    value={f.exemptionReason}
                    maxLength={300}
                    required
                    error={errors.exemptionReason}
                    hint={t('recv.fees.exemptionReasonHint')}
                    onChange={(v) => onFees({ exemptionReason: v })}
                  />
                )}
              </div>
            )}
          </fieldset>
        ) : (
          <p className="muted small">{t('recv.fees.returnOnly')}</p>
        )}

        <fieldset>
          <legend>{t('recv.fees.postal')}</legend>
          <ErrorLine error={configError} />
          <div className="rx-grid">
            <SelectField label={t('recv.fees.zone')} name="fees.zoneId" value={f.zoneId} required error={errors.zoneId} onChange={(v) => onFees({ zoneId: v })}>
              <option value="">{t('recv.choose')}</option>
              {config?.tariff.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('recv.fees.grams')}
              name="fees.grams"
              value={f.grams}
              inputMode="numeric"
              maxLength={6}
              required
              error={f.grams ? errors.grams : undefined}
              hint={weightClass ? t('recv.fees.weightClass', { name: weightClass.name }) : t('recv.fees.gramsHint')}
              onChange={(v) => onFees({ grams: v })}
            />
            <SelectField label={t('recv.fees.postalExemption')} name="fees.postalExemptionId" value={f.postalExemptionId} onChange={(v) => onFees({ postalExemptionId: v })}>
              <option value="">{t('recv.fees.noPostalExemption')}</option>
              {config?.tariff.exemptions.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('recv.pay.legend')}</legend>
          <div role="radiogroup" aria-label={t('recv.pay.legend')} className="rx-radio-row">
            <label className={payment === 'cash' ? 'rx-radio chosen' : 'rx-radio'}>
              <input type="radio" name="rx-payment" value="cash" checked={payment === 'cash'} onChange={() => onPayment('cash')} />
              {t('recv.pay.cash')}
            </label>
            <label className={payment === 'transfer' ? 'rx-radio chosen' : 'rx-radio'}>
              <input type="radio" name="rx-payment" value="transfer" checked={payment === 'transfer'} disabled={!transferable} onChange={() => onPayment('transfer')} />
              {t('recv.pay.transfer')}
            </label>
          </div>
          {!transferable && config && <p className="muted small">{t('recv.pay.noBank')}</p>}
          {payment === 'transfer' && q && qs.fresh && (
            <section className="rx-transfer" aria-labelledby="rx-transfer-title">
              {q.vietQr && <VietQrCode payload={q.vietQr} label={t('recv.pay.qrLabel', { amount: formatVnd(q.total) })} />}
              <div>
                <h2 id="rx-transfer-title">{t('recv.pay.qrTitle')}</h2>
                {q.vietQr ? (
                  <>
                    <p className="rx-transfer-amount">{formatVnd(q.total)}</p>
                    {config?.bank && <p className="small">{t('recv.pay.account', { name: config.bank.accountName, account: config.bank.accountNumber })}</p>}
                    <p className="muted small">{t('recv.pay.qrHint')}</p>
                  </>
                ) : (
                  <p className="muted small">{q.total === 0 ? t('recv.pay.nothingToPay') : t('recv.pay.noQr')}</p>
                )}
              </div>
            </section>
          )}
        </fieldset>
      </div>

      <aside className="rx-side">
        <section className="rx-quote" aria-labelledby="rx-quote-title" aria-busy={qs.busy}>
          <h2 id="rx-quote-title">{t('recv.quote.title')}</h2>
          {!q && !qs.error && <p className="muted">{qs.busy ? t('recv.quote.computing') : t('recv.quote.needInputs')}</p>}
          <ErrorLine error={qs.error} />
          {q && (
            <div className={qs.fresh ? '' : 'rx-stale'}>
              <table className="rx-lines">
                <tbody>
                  {q.lines.map((l, i) => (
                    <tr key={i}>
                      <td>
                        {l.label}
                        {l.agency && <div className="muted small">{t('recv.quote.onBehalf', { agency: l.agency })}</div>}
                        {l.exemptReason && <div className="muted small">{t('recv.quote.exempt', { reason: l.exemptReason })}</div>}
                      </td>
                      <td className="num">{formatVnd(l.amount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('recv.quote.total')}</th>
                    <td className="num rx-total" data-testid="quote-total">
                      {formatVnd(q.total)}
                    </td>
                  </tr>
                </tfoot>
              </table>
              {q.errors.length > 0 && (
                <ul className="error rx-quote-errors" role="alert">
                  {q.errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              )}
              <dl className="rx-dates">
                {q.agencyReceivesOn && (
                  <>
                    <dt>{t('recv.quote.agencyReceivesOn')}</dt>
                    <dd>{formatDate(q.agencyReceivesOn)}</dd>
                  </>
                )}
                <dt>{t('recv.quote.resultDate')}</dt>
                <dd data-testid="result-date">
                  <strong>{q.resultDate ? formatDate(q.resultDate) : t('recv.quote.noResultDate')}</strong>
                </dd>
              </dl>
              {q.skipped.length > 0 && (
                <div className="small">
                  {t('recv.quote.skipped')}
                  <ul className="rx-skipped">
                    {q.skipped.map((s) => (
                      <li key={s.date}>
                        {formatDate(s.date)} — {s.name}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
        </section>
        <div className="rx-actions rx-actions-column">
          <button type="submit" className="primary" aria-disabled={!ready}>
            {t('recv.next')} (Enter)
          </button>
        </div>
      </aside>
    </form>
  );
}
