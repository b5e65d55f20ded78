import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Incident } from '../../../shared/api/dayClose';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { NoteLine, StatusBadge, TextAreaField, note, type Note } from '../lifecycle/controls';
import { dateTime, day } from '../lifecycle/format';
import { TextField } from '../reception/controls';
import { newKey } from '../shift/model';
import type { Period } from './period';
import { ErrorLine } from '../../ui/ErrorLine';

type Kind = 'lost' | 'damaged';
const KINDS: Kind[] = ['lost', 'damaged'];

interface IncidentForm {
  kind: Kind | '';
  code: string;
  note: string;
}
const emptyForm = (): IncidentForm => ({ kind: '', code: '', note: '' });

function checkIncident(f: IncidentForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.kind) errors.kind = t('ui.incident.err.kind');
  if (!f.code.trim()) errors.code = t('ui.incident.err.code');
  const n = f.note.trim();
  if (!n) errors.note = t('ui.incident.err.note');
  else if (n.length < 5) errors.note = t('field.tooShort', { min: 5 });
  else if (n.length > 1000) errors.note = t('field.tooLong', { max: 1000 });
  return errors;
}

/**
 * Sự cố: a dossier or a result lost or damaged, recorded once and never changed (it feeds the
 * quality figures). The dossier is looked up and shown before anything is recorded.
 */
export function IncidentsPanel({ period, onRecorded }: { period: Period | null; onRecorded: () => void }) {
  const { api } = useApp();
  const [form, setForm] = useState(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [found, setFound] = useState<DossierSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Note | null>(null);
  const [list, setList] = useState<Incident[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const key = useRef(newKey());
  const formRef = useRef<HTMLFormElement>(null);

  const load = useCallback(() => {
    if (!period) return;
    setListError(null);
    api['incidents.list']({ from: period.from, to: period.to, limit: 200 }).then(setList, (err) => setListError(errorMessage(err)));
  }, [api, period]);
  useEffect(load, [load]);

  const update = (patch: Partial<IncidentForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setFound(null);
  };

  async function lookUp(e: FormEvent) {
    e.preventDefault();
    const problems = checkIncident(form);
    setErrors(problems);
    setMessage(null);
    if (Object.keys(problems).length) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(problems.kind ? '[data-field="kind"]' : '[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      setFound(await api['tracking.find']({ code: form.code.trim() }));
    } catch (err) {
      setMessage(note('error', errorMessage(err)));
    } finally {
      setBusy(false);
    }
  }

  async function record() {
    if (!found || !form.kind || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const incident = await api['incidents.record']({ dossierId: found.id, kind: form.kind, note: form.note.trim(), idempotencyKey: key.current });
      key.current = newKey();
      setForm(emptyForm());
      setFound(null);
      setErrors({});
      setMessage(note('ok', t('ui.incident.recorded', { kind: t(`ui.incident.kind.${incident.kind}`), code: incident.dossierCode })));
      load();
      onRecorded();
    } catch (err) {
      setMessage(note('error', errorMessage(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="rx-panel" aria-labelledby="rp-incidents">
      <h2 id="rp-incidents">{t('ui.incident.title')}</h2>
      <p className="muted small">{t('ui.incident.help')}</p>
      <form ref={formRef} className="lc-form rp-incident-form" onSubmit={lookUp} noValidate aria-label={t('ui.incident.formLabel')}>
        <fieldset className={errors.kind ? 'rp-invalid' : undefined} aria-describedby={errors.kind ? 'rp-kind-error' : undefined}>
          <legend>{t('ui.incident.kind')}</legend>
          <div className="rx-radio-row">
            {KINDS.map((k) => (
              <label key={k} className={form.kind === k ? 'rx-radio chosen' : 'rx-radio'}>
                <input type="radio" name="rp-incident-kind" data-field="kind" value={k} checked={form.kind === k} onChange={() => update({ kind: k })} />
                {t(`ui.incident.kind.${k}`)}
              </label>
            ))}
          </div>
          {errors.kind && (
            <small id="rp-kind-error" className="error">
              {errors.kind}
            </small>
          )}
        </fieldset>
        <TextField label={t('ui.incident.code')} name="code" value={form.code} onChange={(code) => update({ code })} required maxLength={60} error={errors.code} hint={t('ui.incident.codeHint')} acceptsScan />
        <TextAreaField label={t('ui.incident.note')} name="note" value={form.note} onChange={(v) => update({ note: v })} required maxLength={1000} error={errors.note} hint={t('ui.incident.noteHint')} />
        <div className="rx-actions">
          <button type="submit" disabled={busy}>
            {t('ui.incident.check')}
          </button>
        </div>
      </form>
      {found && form.kind && (
        <div className="rp-incident-confirm" role="group" aria-label={t('ui.incident.confirmLabel')}>
          <p>
            {t('ui.incident.confirm', { kind: t(`ui.incident.kind.${form.kind}`) })} <strong className="code">{found.code}</strong> — {found.applicantName} · {found.procedureName}{' '}
            <StatusBadge dossier={found} />
          </p>
          <div className="rx-actions">
            <button type="button" className="primary" onClick={() => void record()} disabled={busy} autoFocus>
              {busy ? t('ui.lc.sending') : t('ui.incident.record')}
            </button>
            <button type="button" onClick={() => setFound(null)} disabled={busy}>
              {t('ui.incident.edit')}
            </button>
          </div>
        </div>
      )}
      <NoteLine value={message} />
      <h3>{period ? t('ui.incident.listTitle', { from: day(period.from), to: day(period.to) }) : t('ui.incident.title')}</h3>
      <ErrorLine error={listError} />
      {list?.length === 0 && <p className="muted lc-empty">{t('ui.incident.none')}</p>}
      {list && list.length > 0 && (
        <table className="grid lc-table" data-testid="incidents">
          <thead>
            <tr>
              <th scope="col">{t('ui.incident.col.at')}</th>
              <th scope="col">{t('ui.lc.col.code')}</th>
              <th scope="col">{t('ui.incident.kind')}</th>
              <th scope="col">{t('ui.incident.note')}</th>
              <th scope="col">{t('ui.incident.col.by')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td>{dateTime(i.at)}</td>
                <td className="code">{i.dossierCode}</td>
                <td>
                  <span className={`rx-badge ${i.kind === 'lost' ? 'bad' : 'warn'}`}>{t(`ui.incident.kind.${i.kind}`)}</span>
                </td>
                <td>{i.note}</td>
                <td>{i.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
