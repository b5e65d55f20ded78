import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReceptionService } from '../../../shared/api/reception';
import { t } from '../../../shared/messages/vi';
import type { AdminUnits } from './adminUnits';
import { SelectField, TextField, focusFirstField } from './controls';
import { returnsByPost, type ApplicantForm, type DeliveryForm, type DeliveryKind, type PartyCheck, type RepresentativeForm } from './model';
import { UnitCombobox } from './UnitCombobox';

interface ApplicantStepProps {
  service: ReceptionService | null;
  applicant: ApplicantForm;
  hasRepresentative: boolean;
  representative: RepresentativeForm;
  delivery: DeliveryForm;
  /** The current provinces and the chosen province's communes (units.provinces / units.communes). */
  units: AdminUnits;
  check: PartyCheck;
  /** "Đã điền từ CCCD…" after a scan. */
  scanNote: string | null;
  onApplicant: (patch: Partial<ApplicantForm>) => void;
  onHasRepresentative: (v: boolean) => void;
  onRepresentative: (patch: Partial<RepresentativeForm>) => void;
  onDelivery: (patch: Partial<DeliveryForm>) => void;
  onNext: () => void;
}

const DELIVERY_KINDS: DeliveryKind[] = ['address', 'pickup_here', 'pickup_other'];

/** Step 3: who applies (a CCCD scan fills it), who hands it in, where the result goes. */
export function ApplicantStep(props: ApplicantStepProps) {
  const { service, applicant: a, hasRepresentative, representative: r, delivery: d, units, check, scanNote } = props;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  // A field's error shows a moment after it loses focus: shown at once, it would move the layout
  // under the mouse of a clerk clicking the next control (the click would miss).
  const touch = (name: string) => () => {
    setTimeout(() => setTouched((s) => (s.has(name) ? s : new Set(s).add(name))), 250);
  };
  const err = (name: string) => (showAll || touched.has(name) ? check.errors[name] : undefined);

  useEffect(() => {
    // the first field still to fill, or Continue when a scan filled everything
    const names = Object.keys(check.errors);
    if (names.length) focusFirstField(root.current, names);
    else root.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    // only on entering the step
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (check.ok) {
      props.onNext();
      return;
    }
    setShowAll(true);
    focusFirstField(root.current, Object.keys(check.errors));
  }

  const byPost = returnsByPost(service);
  // until the list arrives, the current value stays selectable (a select cannot show a value it has no option for)
  const provinceOptions = units.provinces ?? (d.province ? [{ code: '', name: d.province }] : []);
  const communeHint = units.error ?? (!units.province ? t('units.chooseProvinceFirst') : !units.communes ? t('units.loading') : t('units.communeHint'));

  return (
    <form ref={root} className="rx-panel rx-parties" onSubmit={submit} noValidate aria-labelledby="rx-applicant-title">
      <h2 id="rx-applicant-title">{t('recv.applicant.title')}</h2>
      <p className={scanNote ? 'banner banner-ok' : 'muted small'} role="status">
        {scanNote ?? t('recv.applicant.scanHint')}
      </p>

      <fieldset data-party="applicant">
        <legend>{t('recv.applicant.legend')}</legend>
        <div className="rx-grid">
          <TextField
            label={t('recv.applicant.idNumber')}
            name="applicant.idNumber"
            value={a.idNumber}
            inputMode="numeric"
            maxLength={12}
            required
            error={err('applicant.idNumber')}
            hint={a.oldIdNumber ? t('recv.applicant.oldId', { id: a.oldIdNumber }) : undefined}
            onBlur={touch('applicant.idNumber')}
            onChange={(v) => props.onApplicant({ idNumber: v.replace(/\s/g, '') })}
          />
          <TextField
            label={t('recv.applicant.fullName')}
            name="applicant.fullName"
            className="rx-span2"
            value={a.fullName}
            maxLength={120}
            required
            error={err('applicant.fullName')}
            onBlur={touch('applicant.fullName')}
            onChange={(v) => props.onApplicant({ fullName: v })}
          />
          <TextField
            label={t('recv.applicant.dateOfBirth')}
            name="applicant.dateOfBirth"
            inputMode="numeric"
            maxLength={10}
            placeholder="dd/mm/yyyy"
            value={a.dateOfBirth}
            required
            hint={t('recv.applicant.dateHint')}
            error={err('applicant.dateOfBirth')}
            onBlur={touch('applicant.dateOfBirth')}
            onChange={(v) => props.onApplicant({ dateOfBirth: v })}
          />
          <SelectField
            label={t('recv.applicant.sex')}
            name="applicant.sex"
            value={a.sex}
            required
            error={err('applicant.sex')}
            onBlur={touch('applicant.sex')}
            onChange={(v) => props.onApplicant({ sex: v as ApplicantForm['sex'] })}
          >
            <option value="">{t('recv.choose')}</option>
            <option value="male">{t('recv.sex.male')}</option>
            <option value="female">{t('recv.sex.female')}</option>
          </SelectField>
          <TextField
            label={t('recv.applicant.phone')}
            name="applicant.phone"
            type="tel"
            inputMode="tel"
            maxLength={20}
            required
            error={err('applicant.phone')}
            hint={t('recv.applicant.phoneHint')}
            value={a.phone}
            onBlur={touch('applicant.phone')}
            onChange={(v) => props.onApplicant({ phone: v })}
          />
          <TextField
            label={t('recv.applicant.address')}
            name="applicant.address"
            className="rx-span3"
            value={a.address}
            maxLength={300}
            required
            error={err('applicant.address')}
            onBlur={touch('applicant.address')}
            onChange={(v) => props.onApplicant({ address: v })}
          />
          <TextField
            label={t('recv.applicant.email')}
            name="applicant.email"
            type="email"
            inputMode="email"
            maxLength={200}
            value={a.email}
            error={err('applicant.email')}
            onBlur={touch('applicant.email')}
            onChange={(v) => props.onApplicant({ email: v })}
          />
        </div>
      </fieldset>

      <label className="rx-checkbox">
        <input type="checkbox" checked={hasRepresentative} onChange={(e) => props.onHasRepresentative(e.target.checked)} />
        {t('recv.rep.checkbox')}
      </label>
      {hasRepresentative && (
        <fieldset data-party="representative">
          <legend>{t('recv.rep.legend')}</legend>
          <div className="rx-grid">
            <TextField
              label={t('recv.rep.idNumber')}
              name="representative.idNumber"
              value={r.idNumber}
              inputMode="numeric"
              maxLength={12}
              required
              error={err('representative.idNumber')}
              onBlur={touch('representative.idNumber')}
              onChange={(v) => props.onRepresentative({ idNumber: v.replace(/\s/g, '') })}
            />
            <TextField
              label={t('recv.rep.fullName')}
              name="representative.fullName"
              className="rx-span2"
              value={r.fullName}
              maxLength={120}
              required
              error={err('representative.fullName')}
              onBlur={touch('representative.fullName')}
              onChange={(v) => props.onRepresentative({ fullName: v })}
            />
            <TextField
              label={t('recv.rep.phone')}
              name="representative.phone"
              type="tel"
              inputMode="tel"
              maxLength={20}
              required
              error={err('representative.phone')}
              value={r.phone}
              onBlur={touch('representative.phone')}
              onChange={(v) => props.onRepresentative({ phone: v })}
            />
            <TextField
              label={t('recv.rep.relation')}
              name="representative.relation"
              className="rx-span2"
              value={r.relation}
              maxLength={100}
              required
              hint={t('recv.rep.relationHint')}
              error={err('representative.relation')}
              onBlur={touch('representative.relation')}
              onChange={(v) => props.onRepresentative({ relation: v })}
            />
          </div>
          <p className="muted small">{t('recv.rep.scanHint')}</p>
        </fieldset>
      )}

      {byPost ? (
        <fieldset data-party="delivery">
          <legend>{t('recv.delivery.legend')}</legend>
          <div role="radiogroup" aria-label={t('recv.delivery.legend')} className="rx-radio-row">
            {DELIVERY_KINDS.map((k) => (
              <label key={k} className={d.kind === k ? 'rx-radio chosen' : 'rx-radio'}>
                <input type="radio" name="rx-delivery" value={k} checked={d.kind === k} onChange={() => props.onDelivery({ kind: k })} />
                {t(`recv.delivery.${k}`)}
              </label>
            ))}
          </div>
          {d.kind === 'address' && (
            <div className="rx-grid">
              <SelectField
                label={t('recv.delivery.province')}
                name="delivery.province"
                value={d.province}
                required
                error={err('delivery.province')}
                onBlur={touch('delivery.province')}
                onChange={(v) => props.onDelivery({ province: v })}
              >
                <option value="">{t('recv.choose')}</option>
                {provinceOptions.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <UnitCombobox
                label={t('recv.delivery.commune')}
                name="delivery.commune"
                value={d.commune}
                units={units.communes}
                listLabel={t('units.suggestions', { province: units.province?.name ?? d.province })}
                maxLength={100}
                required
                error={err('delivery.commune')}
                hint={communeHint}
                onBlur={touch('delivery.commune')}
                onChange={(v) => props.onDelivery({ commune: v })}
              />
              <TextField
                label={t('recv.delivery.street')}
                name="delivery.street"
                value={d.street}
                maxLength={200}
                required
                error={err('delivery.street')}
                onBlur={touch('delivery.street')}
                onChange={(v) => props.onDelivery({ street: v })}
              />
            </div>
          )}
          {d.kind === 'pickup_here' && <p className="muted small">{t('recv.delivery.pickupHereHint')}</p>}
          {d.kind === 'pickup_other' && (
            <TextField
              label={t('recv.delivery.pointName')}
              name="delivery.pointName"
              value={d.pointName}
              maxLength={200}
              required
              error={err('delivery.pointName')}
              onBlur={touch('delivery.pointName')}
              onChange={(v) => props.onDelivery({ pointName: v })}
            />
          )}
        </fieldset>
      ) : (
        <p className="muted small">{t('recv.delivery.notByPost')}</p>
      )}

      <div className="rx-actions">
        <button type="submit" className="primary">
          {t('recv.next')} (Enter)
        </button>
        {showAll && !check.ok && (
          <span className="error" role="alert">
            {t('recv.applicant.fix', { n: Object.keys(check.errors).length })}
          </span>
        )}
      </div>
    </form>
  );
}
