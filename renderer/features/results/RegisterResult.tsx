import { useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { ProcedureSummary, ScanEvent } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { findUnit } from '../../../shared/text/unitNames';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { useProcedureSearch } from '../catalogue/useProcedureSearch';
import { note, NoteLine, type Note } from '../lifecycle/controls';
import { money } from '../lifecycle/format';
import { scannedId } from '../lifecycle/scans';
import { useAdminUnits } from '../reception/adminUnits';
import { SelectField, TextField } from '../reception/controls';
import { newKey, type DeliveryForm, type DeliveryKind, type FieldErrors } from '../reception/model';
import { JobList, useLiveJobs } from '../reception/PrintOutcome';
import { UnitCombobox } from '../reception/UnitCombobox';
import { checkRegister, type RegisterForm } from './registerForm';
import { ErrorLine } from '../../ui/ErrorLine';

const NO_FILTERS = {};
const KINDS: DeliveryKind[] = ['address', 'pickup_here', 'pickup_other'];

const emptyForm = (province = ''): RegisterForm => ({
  idempotencyKey: newKey(),
  procedureCode: '',
  agencyDossierCode: '',
  fullName: '',
  phone: '',
  idNumber: '',
  delivery: { kind: 'address', province, commune: '', street: '', pointName: '' },
  amountDue: '',
});

/**
 * Kết quả chỉ chuyển trả: a result the agency hands to the post for a citizen who applied there.
 * The procedure from the catalogue, who it is for, where it goes (the reception's address
 * controls), and what the postman collects on delivery. A CCCD scan fills the name and ID; a
 * scanned one-stop dossier code fills the agency's code.
 */
export function RegisterResult({ active, scanHandler, onRegistered }: { active: boolean; scanHandler: MutableRefObject<((e: ScanEvent) => void) | null>; onRegistered: (d: DossierSummary) => void }) {
  const { api, info } = useApp();
  const [form, setForm] = useState<RegisterForm>(() => emptyForm());
  const [procedure, setProcedure] = useState<ProcedureSummary | null>(null);
  const units = useAdminUnits(api, form.delivery.province);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [scanNote, setScanNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ dossier: DossierSummary; jobs: PrintJob[] } | null>(null);
  const root = useRef<HTMLFormElement>(null);
  const pointProvince = useMemo(
    () => (units.preparedProvinces && info.point?.province ? (findUnit(units.preparedProvinces, info.point.province, 'province')?.name ?? '') : ''),
    [units.preparedProvinces, info.point?.province],
  );
  const province = form.delivery.province || pointProvince;

  const search = useProcedureSearch(NO_FILTERS, (p) => choose(p));
  function choose(p: ProcedureSummary) {
    setProcedure(p);
    update({ procedureCode: p.code });
    setTimeout(() => root.current?.querySelector<HTMLElement>('[data-field="agencyDossierCode"]')?.focus(), 0);
  }

  const update = (patch: Partial<RegisterForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSummary(null);
    const touched = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k) && !(touched.includes('procedureCode') && k === 'procedure'))));
  };
  const onDelivery = (patch: Partial<DeliveryForm>) => {
    setSummary(null);
    setForm((f) => ({ ...f, delivery: { ...f.delivery, province: f.delivery.province || pointProvince, ...patch } }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('delivery.'))));
  };

  scanHandler.current = (e) => {
    if (!active || done) return;
    const id = scannedId(e);
    if (id && e.kind === 'cccd') {
      update({ idNumber: id.idNumber, ...(id.fullName ? { fullName: id.fullName } : {}) });
      setScanNote(note('ok', t('ui.results.filledFromId', { name: id.fullName ?? '', id: id.idNumber })));
    } else if (e.kind === 'dossier') {
      const code = (e.value as { code?: string } | undefined)?.code ?? '';
      update({ agencyDossierCode: code });
      setScanNote(note('ok', t('ui.results.filledCode', { code })));
    } else if (e.kind === 'procedure') {
      search.setQuery((e.value as { code?: string } | undefined)?.code ?? '');
    } else setScanNote(note('error', e.message));
  };

  function submit() {
    if (busy) return;
    const checked = checkRegister({ ...form, delivery: { ...form.delivery, province } }, { provinces: units.preparedProvinces, communes: units.communes });
    setErrors(checked.errors);
    if (!checked.value) {
      const keys = Object.keys(checked.errors);
      setSummary(t('ui.lc.fix', { n: keys.length }));
      const first = [...(root.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])].find((el) => keys.includes(el.dataset.field ?? ''));
      first?.focus();
      return;
    }
    setSummary(null);
    setBusy(true);
    api['results.register'](checked.value)
      .then(
        (r) => {
          setDone({ dossier: r.dossier, jobs: r.printJob ? [r.printJob] : [] });
          onRegistered(r.dossier);
        },
        (err) => setSummary(errorMessage(err)),
      )
      .finally(() => setBusy(false));
  }

  function again() {
    setDone(null);
    setForm(emptyForm(province));
    setProcedure(null);
    search.setQuery('');
    setErrors({});
    setSummary(null);
    setScanNote(null);
    setTimeout(() => root.current?.querySelector<HTMLElement>('[data-field="procedure"]')?.focus(), 0);
  }

  if (done) return <Registered dossier={done.dossier} jobs={done.jobs} onAgain={again} />;

  const d = form.delivery;
  return (
    <SubmitForm formRef={root} className="rx-panel lc-form" aria-labelledby="res-reg-title" onSubmit={submit} busy={busy} error={summary} submitLabel={t('ui.results.registerSubmit')}>
      <h2 id="res-reg-title">{t('ui.results.tab.register')}</h2>
      <p className="muted small">{t('ui.results.registerIntro')}</p>
      <NoteLine value={scanNote} />

      <fieldset>
        <legend>{t('ui.results.procedure')}</legend>
        {procedure ? (
          <div className="lc-chosen">
            <span className="code">{procedure.code}</span> <strong>{procedure.name}</strong>
            <span className="muted small lc-block">{procedure.agency}</span>
            {!procedure.bcciReturn && <span className="rx-badge warn">{t('ui.results.notReturnable')}</span>}
            <button
              type="button"
              className="link"
              onClick={() => {
                setProcedure(null);
                update({ procedureCode: '' });
                setTimeout(() => root.current?.querySelector<HTMLElement>('[data-field="procedure"]')?.focus(), 0);
              }}
            >
              {t('ui.results.changeProcedure')}
            </button>
          </div>
        ) : (
          <div className={errors.procedure ? 'field invalid' : 'field'}>
            <input
              className="search-input"
              type="search"
              role="combobox"
              data-field="procedure"
              aria-label={t('ui.results.procedureSearch')}
              aria-expanded={search.results.items.length > 0 && search.query.trim() !== ''}
              aria-controls="res-procedures"
              aria-activedescendant={search.results.items[search.selected] ? `res-proc-${search.selected}` : undefined}
              aria-invalid={!!errors.procedure}
              placeholder={t('search.placeholder')}
              value={search.query}
              autoFocus={active}
              onChange={(e) => search.setQuery(e.target.value)}
              onKeyDown={(e) => {
                // Enter on an empty search submits the form (and says what is missing), never opens a hidden first hit
                if (e.key === 'Enter' && !search.query.trim()) return;
                search.onKeyDown(e);
              }}
            />
            {errors.procedure && <small className="error">{errors.procedure}</small>}
            <ErrorLine error={search.error} />
            {search.query.trim() !== '' && (
              <ol id="res-procedures" className="results lc-results-short" role="listbox" ref={search.list} aria-label={t('ui.results.procedureSearch')}>
                {search.results.items.map((p, i) => (
                  <li key={p.code} id={`res-proc-${i}`} role="option" aria-selected={i === search.selected} className={i === search.selected ? 'selected' : ''} onMouseEnter={() => search.setSelected(i)} onClick={() => choose(p)}>
                    <span className="code">{p.code}</span>
                    <span className="name">{p.name}</span>
                    <span className="meta">{p.agency}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
        <TextField label={t('ui.results.agencyCode')} name="agencyDossierCode" value={form.agencyDossierCode} onChange={(v) => update({ agencyDossierCode: v })} maxLength={60} error={errors.agencyDossierCode} hint={t('ui.results.agencyCodeHint')} />
      </fieldset>

      <fieldset>
        <legend>{t('ui.results.applicant')}</legend>
        <div className="rx-grid">
          <TextField label={t('recv.applicant.fullName')} name="fullName" value={form.fullName} onChange={(v) => update({ fullName: v })} required maxLength={120} error={errors.fullName} />
          <TextField label={t('recv.applicant.phone')} name="phone" value={form.phone} onChange={(v) => update({ phone: v })} required inputMode="tel" maxLength={20} error={errors.phone} />
          <TextField label={t('ui.results.idOptional')} name="idNumber" value={form.idNumber} onChange={(v) => update({ idNumber: v })} inputMode="numeric" maxLength={12} error={errors.idNumber} hint={t('ui.results.idHint')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('recv.delivery.legend')}</legend>
        <div role="radiogroup" aria-label={t('recv.delivery.legend')} className="rx-radio-row">
          {KINDS.map((k) => (
            <label key={k} className={d.kind === k ? 'rx-radio chosen' : 'rx-radio'}>
              <input type="radio" name="res-delivery" value={k} checked={d.kind === k} onChange={() => onDelivery({ kind: k })} />
              {t(`recv.delivery.${k}`)}
            </label>
          ))}
        </div>
        {d.kind === 'address' && (
          <div className="rx-grid">
            <SelectField label={t('recv.delivery.province')} name="delivery.province" value={province} required error={errors['delivery.province']} onChange={(v) => onDelivery({ province: v })}>
              <option value="">{t('recv.choose')}</option>
              {(units.provinces ?? []).map((p) => (
                <option key={p.code} value={p.name}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <UnitCombobox
              label={t('recv.delivery.commune')}
              name="delivery.commune"
              value={d.commune}
              units={units.communes}
              listLabel={t('units.suggestions', { province: units.province?.name ?? province })}
              maxLength={100}
              required
              error={errors['delivery.commune']}
              onChange={(v) => onDelivery({ commune: v })}
            />
            <TextField label={t('recv.delivery.street')} name="delivery.street" value={d.street} maxLength={200} required error={errors['delivery.street']} onChange={(v) => onDelivery({ street: v })} />
          </div>
        )}
        {d.kind === 'pickup_here' && <p className="muted small">{t('recv.delivery.pickupHereHint')}</p>}
        {d.kind === 'pickup_other' && (
          <TextField label={t('recv.delivery.pointName')} name="delivery.pointName" value={d.pointName} maxLength={200} required error={errors['delivery.pointName']} onChange={(v) => onDelivery({ pointName: v })} />
        )}
        {units.error && <p className="error small">{units.error}</p>}
      </fieldset>

      <TextField
        label={t('ui.results.amountDue')}
        name="amountDue"
        value={form.amountDue}
        onChange={(v) => update({ amountDue: v })}
        required
        inputMode="numeric"
        maxLength={12}
        error={errors.amountDue}
        hint={t('ui.results.amountHint')}
        className="lc-narrow"
      />
    </SubmitForm>
  );
}

function Registered({ dossier, jobs, onAgain }: { dossier: DossierSummary; jobs: PrintJob[]; onAgain: () => void }) {
  const live = useLiveJobs(jobs);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <section className="rx-panel" aria-labelledby="res-done-title">
      <h2 id="res-done-title" className="ok">
        {t('ui.results.registered')}
      </h2>
      <p className="rx-code-label">{t('recv.done.code')}</p>
      <p className="rx-code" data-testid="result-code">
        {dossier.code}
      </p>
      <dl className="rx-facts">
        <dt>{t('ui.lc.col.applicant')}</dt>
        <dd>{dossier.applicantName}</dd>
        <dt>{t('ui.lc.col.procedure')}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t('ui.lc.deliveryTo')}</dt>
        <dd>{dossier.deliveryText}</dd>
        <dt>{t('ui.results.amountDue')}</dt>
        <dd>{money(dossier.amountDue)}</dd>
        <dt>{t('ui.lc.col.status')}</dt>
        <dd>{dossier.statusLabel}</dd>
      </dl>
      <h3>{t('recv.jobs.title')}</h3>
      <JobList jobs={live} />
      <div className="rx-actions">
        <button ref={button} type="button" className="primary" autoFocus onClick={onAgain}>
          {t('ui.results.registerAnother')}
        </button>
      </div>
    </section>
  );
}
