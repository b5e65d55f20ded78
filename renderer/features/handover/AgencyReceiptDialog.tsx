import { useEffect, useRef, useState } from 'react';
import type { ManifestDetail } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { Dialog } from '../lifecycle/controls';
import { day, money } from '../lifecycle/format';
import { TextField } from '../reception/controls';
import { checkAgencyReceipt, type ReceiptRow } from './receiptForm';
import { ErrorLine } from '../../ui/ErrorLine';

/**
 * Ghi nhận cơ quan đã nhận: who signed at the agency; per dossier a new result date the agency
 * set, or its refusal with the reason; and whether the fees collected for it were handed over.
 */
export function AgencyReceiptDialog({ manifestId, onClose, onDone }: { manifestId: number; onClose: () => void; onDone: (d: ManifestDetail) => void }) {
  const { api } = useApp();
  const [detail, setDetail] = useState<ManifestDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [receiver, setReceiver] = useState('');
  const [rows, setRows] = useState<Record<number, ReceiptRow>>({});
  const [fees, setFees] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    api['handover.manifest']({ id: manifestId }).then(
      (d) => live && setDetail(d),
      (err) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, manifestId]);

  const row = (id: number): ReceiptRow => rows[id] ?? { resultDate: '', refuse: false, reason: '' };
  const patch = (id: number, p: Partial<ReceiptRow>) => {
    setRows((r) => ({ ...r, [id]: { ...row(id), ...p } }));
    setSummary(null);
    setErrors((e) => {
      const { [`${id}.resultDate`]: _d, [`${id}.reason`]: _r, ...rest } = e;
      return rest;
    });
  };

  function submit() {
    if (!detail || busy) return;
    const checked = checkAgencyReceipt(manifestId, receiver, detail.dossiers, rows, fees);
    setErrors(checked.errors);
    if (!checked.value) {
      setSummary(t('ui.lc.fix', { n: Object.keys(checked.errors).length }));
      const first = Object.keys(checked.errors)[0];
      form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setSummary(null);
    setBusy(true);
    api['handover.agencyReceipt'](checked.value)
      .then(onDone, (err) => setSummary(errorMessage(err)))
      .finally(() => setBusy(false));
  }

  const m = detail?.manifest;
  return (
    <Dialog title={m ? t('ui.handover.receiptTitle', { number: m.number }) : t('ui.handover.receipt')} onClose={onClose} wide>
      <ErrorLine error={loadError} />
      {!detail && !loadError && <p className="muted small">{t('app.loading')}</p>}
      {detail && m && (
        <SubmitForm formRef={form} onSubmit={submit} busy={busy} error={summary} submitLabel={t('ui.handover.receiptConfirm')} onCancel={onClose}>
          <p>{t('ui.handover.receiptIntro', { agency: m.agency, n: m.count })}</p>
          <TextField
            label={t('ui.handover.receiver')}
            name="receiver"
            value={receiver}
            onChange={(v) => {
              setReceiver(v);
              setSummary(null);
              setErrors(({ receiver: _r, ...rest }) => rest);
            }}
            required
            maxLength={120}
            error={errors.receiver}
            autoFocus
          />
          <table className="grid lc-table">
            <thead>
              <tr>
                <th>{t('ui.lc.col.code')}</th>
                <th>{t('ui.lc.col.applicant')}</th>
                <th>{t('ui.handover.col.resultDate')}</th>
                <th>{t('ui.handover.col.newResultDate')}</th>
                <th>{t('ui.handover.col.refuse')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.dossiers.map((d) => {
                const r = row(d.id);
                const dateErr = errors[`${d.id}.resultDate`];
                const reasonErr = errors[`${d.id}.reason`];
                return (
                  <tr key={d.id} className={r.refuse ? 'lc-refused' : undefined}>
                    <td className="code">{d.code}</td>
                    <td>
                      {d.applicantName}
                      <div className="muted small">{d.procedureName}</div>
                    </td>
                    <td>{day(d.resultDate) || '—'}</td>
                    <td>
                      <input
                        data-field={`${d.id}.resultDate`}
                        aria-label={t('ui.handover.newResultDateOf', { code: d.code })}
                        aria-invalid={!!dateErr}
                        placeholder="dd/mm/yyyy"
                        className="lc-date"
                        value={r.resultDate}
                        disabled={r.refuse}
                        onChange={(e) => patch(d.id, { resultDate: e.target.value })}
                      />
                      {dateErr && <div className="error small">{dateErr}</div>}
                    </td>
                    <td>
                      <label className="rx-checkbox">
                        <input type="checkbox" checked={r.refuse} onChange={(e) => patch(d.id, { refuse: e.target.checked })} aria-label={t('ui.handover.refuseOf', { code: d.code })} />
                        {t('ui.handover.refuse')}
                      </label>
                      {r.refuse && (
                        <>
                          <input
                            data-field={`${d.id}.reason`}
                            aria-label={t('ui.handover.reasonOf', { code: d.code })}
                            aria-invalid={!!reasonErr}
                            placeholder={t('ui.handover.reasonPlaceholder')}
                            className="lc-reason"
                            maxLength={500}
                            value={r.reason}
                            onChange={(e) => patch(d.id, { reason: e.target.value })}
                          />
                          {reasonErr && <div className="error small">{reasonErr}</div>}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="rx-checkbox">
            <input type="checkbox" checked={fees} onChange={(e) => setFees(e.target.checked)} />
            {t('ui.handover.feesHandedOver', { amount: money(m.totalFees) })}
          </label>
        </SubmitForm>
      )}
    </Dialog>
  );
}
