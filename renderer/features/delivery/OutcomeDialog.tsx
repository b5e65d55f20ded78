import { useRef, useState } from 'react';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { Dialog, TextAreaField } from '../lifecycle/controls';
import { TextField } from '../reception/controls';
import { newKey } from '../reception/model';
import { checkOutcome, emptyOutcome, type OutcomeForm, type OutcomeKind } from './outcomeForm';

const KINDS: OutcomeKind[] = ['delivered', 'failed', 'returned'];

/** What the postman reports for one result: delivered (to whom), failed (why, next try), or returned to the agency. */
export function OutcomeDialog({ dossier, onClose, onDone }: { dossier: DossierSummary; onClose: () => void; onDone: (d: DossierSummary) => void }) {
  const { api } = useApp();
  const [form, setForm] = useState<OutcomeForm>(emptyOutcome);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const root = useRef<HTMLFormElement>(null);

  const update = (patch: Partial<OutcomeForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSummary(null);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  function submit() {
    if (busy) return;
    const checked = checkOutcome(form, vietnamDay());
    setErrors(checked.errors);
    if (!checked.value) {
      const keys = Object.keys(checked.errors);
      setSummary(keys.includes('kind') ? checked.errors.kind! : t('ui.lc.fix', { n: keys.length }));
      const first = [...(root.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])].find((el) => keys.includes(el.dataset.field ?? ''));
      first?.focus();
      return;
    }
    setSummary(null);
    setBusy(true);
    api['delivery.recordOutcome']({ dossierId: dossier.id, outcome: checked.value, idempotencyKey: key.current })
      .then(onDone, (err) => setSummary(errorMessage(err)))
      .finally(() => setBusy(false));
  }

  return (
    <Dialog title={t('ui.delivery.outcomeTitle', { code: dossier.code })} onClose={onClose}>
      <SubmitForm formRef={root} onSubmit={submit} busy={busy} error={summary} submitLabel={t('ui.delivery.outcomeSave')} onCancel={onClose}>
        <p>
          <strong>{dossier.applicantName}</strong> · {dossier.deliveryText}
        </p>
        <div role="radiogroup" aria-label={t('ui.delivery.outcome')} className="rx-radio-row">
          {KINDS.map((k, i) => (
            <label key={k} className={form.kind === k ? 'rx-radio chosen' : 'rx-radio'}>
              <input type="radio" name="dl-outcome" value={k} data-field={i === 0 ? 'kind' : undefined} checked={form.kind === k} onChange={() => update({ kind: k })} />
              {t(`ui.delivery.outcome.${k}`)}
            </label>
          ))}
        </div>
        {form.kind === 'delivered' && (
          <div className="rx-grid">
            <TextField label={t('ui.delivery.receiverName')} name="receiverName" value={form.receiverName} onChange={(v) => update({ receiverName: v })} required maxLength={120} error={errors.receiverName} />
            <TextField label={t('ui.delivery.relation')} name="relation" value={form.relation} onChange={(v) => update({ relation: v })} required maxLength={100} error={errors.relation} placeholder={t('ui.delivery.relationPlaceholder')} />
            <label className="rx-checkbox lc-check-cell">
              <input type="checkbox" checked={form.idChecked} onChange={(e) => update({ idChecked: e.target.checked })} />
              {t('ui.delivery.idChecked')}
            </label>
          </div>
        )}
        {(form.kind === 'failed' || form.kind === 'returned') && (
          <TextAreaField label={t('ui.delivery.reason')} name="reason" value={form.reason} onChange={(v) => update({ reason: v })} required rows={2} maxLength={500} error={errors.reason} />
        )}
        {form.kind === 'failed' && (
          <TextField label={t('ui.delivery.nextAttempt')} name="nextAttempt" value={form.nextAttempt} onChange={(v) => update({ nextAttempt: v })} maxLength={10} placeholder="dd/mm/yyyy" error={errors.nextAttempt} hint={t('ui.delivery.nextAttemptHint')} />
        )}
      </SubmitForm>
    </Dialog>
  );
}
