import { useRef, useState } from 'react';
import type { PrintJob } from '../../../shared/api/devices';
import type { Manifest, ManifestDetail } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { Dialog } from '../lifecycle/controls';
import { money } from '../lifecycle/format';
import { TextField } from '../reception/controls';
import { newKey } from '../reception/model';

/** Giao cho người vận chuyển: who carries the manifest; the host records it and prints the manifest. */
export function DispatchDialog({
  manifest,
  onClose,
  onDone,
  returnFocus,
}: {
  manifest: Manifest;
  onClose: () => void;
  onDone: (r: { manifest: ManifestDetail; printJob: PrintJob | null }) => void;
  returnFocus?: () => void;
}) {
  const { api } = useApp();
  const [carrier, setCarrier] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per dialog: a second Enter after a lost reply never dispatches twice
  const key = useRef(newKey());

  function submit() {
    if (busy) return;
    const name = carrier.trim();
    if (name.length < 2) {
      setFieldError(t('ui.handover.err.carrier'));
      setError(t('ui.handover.err.carrier'));
      return;
    }
    setBusy(true);
    setFieldError(null);
    setError(null);
    api['handover.dispatch']({ manifestId: manifest.id, carrier: name, idempotencyKey: key.current })
      .then(onDone, (err) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  }

  return (
    <Dialog title={t('ui.handover.dispatchTitle', { number: manifest.number })} onClose={onClose} returnFocus={returnFocus}>
      <SubmitForm onSubmit={submit} busy={busy} error={error} submitLabel={t('ui.handover.dispatchConfirm')} onCancel={onClose}>
        <p>{t('ui.handover.dispatchSummary', { n: manifest.count, agency: manifest.agency, fees: money(manifest.totalFees) })}</p>
        <TextField label={t('ui.handover.carrier')} name="carrier" value={carrier} onChange={(v) => {
            setCarrier(v);
            setFieldError(null);
          }} required maxLength={120} error={fieldError ?? undefined} autoFocus />
      </SubmitForm>
    </Dialog>
  );
}
