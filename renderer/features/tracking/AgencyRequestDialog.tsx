import { useCallback, useEffect, useRef, useState } from 'react';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { A4View, Dialog, TextAreaField } from '../lifecycle/controls';
import { TextField } from '../reception/controls';
import { checkAgencyRequest } from './requestForm';

/**
 * Cơ quan yêu cầu bổ sung / Cơ quan từ chối: the agency's answer as its paper says it (reason,
 * the items to add, its reference); recorded, then the letter for the citizen on screen with its PDF.
 */
export function AgencyRequestDialog({ dossier, kind, onClose, onRecorded }: { dossier: DossierSummary; kind: 'supplement' | 'refusal'; onClose: () => void; onRecorded: () => void }) {
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const [items, setItems] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [letter, setLetter] = useState<A4Document | null>(null);
  const loadLetter = useCallback(() => Promise.resolve(letter as A4Document), [letter]);
  const letterBox = useRef<HTMLDivElement>(null);
  // the form that had the focus is gone: the letter takes it (Esc still closes)
  useEffect(() => {
    if (letter) letterBox.current?.focus();
  }, [letter]);
  const pdf = useCallback(() => api['agency.letterPdf']({ dossierId: dossier.id }), [api, dossier.id]);

  /** Any change clears the last "what to fix" message. */
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setSummary(null);
  };

  function submit() {
    if (busy) return;
    const checked = checkAgencyRequest(dossier.id, kind, reason, items, reference);
    setErrors(checked.errors);
    if (!checked.value) {
      setSummary(t('ui.lc.fix', { n: Object.keys(checked.errors).length }));
      return;
    }
    setSummary(null);
    setBusy(true);
    api['agency.request'](checked.value)
      .then(
        (r) => {
          setLetter(r.letter);
          onRecorded();
        },
        (err) => setSummary(errorMessage(err)),
      )
      .finally(() => setBusy(false));
  }

  const title = t(kind === 'supplement' ? 'ui.tracking.requestSupplement' : 'ui.tracking.requestRefusal');
  return (
    <Dialog title={`${title} — ${dossier.code}`} onClose={onClose} wide={!!letter}>
      {letter ? (
        <div ref={letterBox} tabIndex={-1} className="lc-stack">
          <p className="lc-note lc-note-ok" role="status">
            {t('ui.tracking.requestDone')}
          </p>
          <A4View load={loadLetter} pdf={pdf} />
        </div>
      ) : (
        <SubmitForm
          onSubmit={submit}
          busy={busy}
          error={summary}
          submitLabel={t('ui.tracking.requestSave')}
          submitClassName={kind === 'refusal' ? 'rx-danger' : 'primary'}
          onCancel={onClose}
        >
          <p>
            <strong>{dossier.applicantName}</strong> · {dossier.procedureName}
          </p>
          <TextAreaField label={t('ui.tracking.reason')} name="reason" value={reason} onChange={edit(setReason)} required rows={3} maxLength={500} error={errors.reason} />
          {kind === 'supplement' && (
            <TextAreaField label={t('ui.tracking.items')} name="items" value={items} onChange={edit(setItems)} required rows={5} error={errors.items} hint={t('ui.tracking.itemsHint')} />
          )}
          <TextField label={t('ui.tracking.reference')} name="reference" value={reference} onChange={edit(setReference)} maxLength={100} error={errors.reference} hint={t('ui.tracking.referenceHint')} />
        </SubmitForm>
      )}
    </Dialog>
  );
}
