import { t } from '../../../shared/messages/vi';
import { isIsoDate, weekdayName } from '../../../shared/reception/calendar';
import { Input, RemoveButton, RowTable, Select } from './controls';
import { LIMITS, displayDate, fieldName, newKey, type DayRow } from './model';
import type { SectionProps } from './TariffSection';

export function TransitSection({ draft, update, errors, focus, agencies }: SectionProps & { agencies: string[] }) {
  // The catalogue's agencies, plus any the configuration names that a later import dropped.
  const known = new Set(agencies);
  const options = [...new Set([...agencies, ...draft.transitByAgency.map((r) => r.agency).filter(Boolean)])].sort((a, b) => a.localeCompare(b, 'vi'));
  const setRow = (key: string, change: Partial<{ agency: string; days: string }>) =>
    update((d) => ({ ...d, transitByAgency: d.transitByAgency.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const add = () => {
    const key = newKey();
    update((d) => ({ ...d, transitByAgency: [...d.transitByAgency, { key, agency: '', days: d.transitDefault }] }));
    focus(fieldName.transitAgency(key));
  };
  const rowName = (agency: string, n: number) => agency || t('receptionSettings.transit.rowN', { n });

  return (
    <section className="panel" aria-labelledby="rs-transit">
      <h2 id="rs-transit">{t('receptionSettings.transit.title')}</h2>
      <p className="muted small">{t('receptionSettings.transit.help')}</p>
      <Input
        label={t('receptionSettings.transit.default')}
        name={fieldName.transitDefault}
        value={draft.transitDefault}
        inputMode="numeric"
        maxLength={2}
        className="rs-narrow"
        error={errors[fieldName.transitDefault]}
        hint={t('receptionSettings.transit.defaultHint')}
        onChange={(v) => update((d) => ({ ...d, transitDefault: v }))}
      />
      <h3 id="rs-transit-by">{t('receptionSettings.transit.byAgency')}</h3>
      {draft.transitByAgency.length === 0 ? (
        <p className="muted">{t('receptionSettings.transit.none')}</p>
      ) : (
        <RowTable labelledBy="rs-transit-by" columns={[t('receptionSettings.transit.agency'), t('receptionSettings.transit.days')]}>
          {draft.transitByAgency.map((r, i) => (
            <tr key={r.key}>
              <td>
                <Select
                  cell
                  label={t('receptionSettings.transit.agencyN', { n: i + 1 })}
                  name={fieldName.transitAgency(r.key)}
                  value={r.agency}
                  error={errors[fieldName.transitAgency(r.key)]}
                  onChange={(v) => setRow(r.key, { agency: v })}
                >
                  <option value="">{t('receptionSettings.transit.choose')}</option>
                  {options.map((a) => (
                    <option key={a} value={a} disabled={a !== r.agency && draft.transitByAgency.some((x) => x.agency === a)}>
                      {known.has(a) ? a : t('receptionSettings.transit.notInCatalogue', { agency: a })}
                    </option>
                  ))}
                </Select>
              </td>
              <td>
                <Input
                  cell
                  label={t('receptionSettings.transit.daysFor', { agency: rowName(r.agency, i + 1) })}
                  name={fieldName.transitDays(r.key)}
                  value={r.days}
                  inputMode="numeric"
                  maxLength={2}
                  className="rs-days"
                  error={errors[fieldName.transitDays(r.key)]}
                  onChange={(v) => setRow(r.key, { days: v })}
                />
              </td>
              <td>
                <RemoveButton
                  text={t('receptionSettings.remove')}
                  label={t('receptionSettings.transit.remove', { agency: rowName(r.agency, i + 1) })}
                  onClick={() => {
                    update((d) => ({ ...d, transitByAgency: d.transitByAgency.filter((x) => x.key !== r.key) }));
                    focus('transit.add');
                  }}
                />
              </td>
            </tr>
          ))}
        </RowTable>
      )}
      <div>
        <button type="button" data-field="transit.add" onClick={add} disabled={draft.transitByAgency.length >= options.length && options.length > 0}>
          {t('receptionSettings.transit.add')}
        </button>
        {agencies.length === 0 && <span className="muted small"> {t('receptionSettings.transit.noAgencies')}</span>}
      </div>
    </section>
  );
}

export function BankSection({ draft, update, errors }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="rs-bank">
      <h2 id="rs-bank">{t('receptionSettings.bank.title')}</h2>
      <fieldset>
        <legend>{t('receptionSettings.bank.question')}</legend>
        <label className="rs-choice">
          <input type="radio" name="rs-bank-enabled" checked={!draft.bankEnabled} onChange={() => update((d) => ({ ...d, bankEnabled: false }))} />
          {t('receptionSettings.bank.none')}
        </label>
        <label className="rs-choice">
          <input type="radio" name="rs-bank-enabled" checked={draft.bankEnabled} onChange={() => update((d) => ({ ...d, bankEnabled: true }))} />
          {t('receptionSettings.bank.some')}
        </label>
      </fieldset>
      {draft.bankEnabled && (
        <div className="rs-bank-fields">
          <Input
            label={t('receptionSettings.bank.bin')}
            name={fieldName.bin}
            value={draft.bin}
            inputMode="numeric"
            maxLength={6}
            error={errors[fieldName.bin]}
            hint={t('receptionSettings.bank.binHint')}
            onChange={(v) => update((d) => ({ ...d, bin: v.trim() }))}
          />
          <Input
            label={t('receptionSettings.bank.accountNumber')}
            name={fieldName.accountNumber}
            value={draft.accountNumber}
            maxLength={19}
            error={errors[fieldName.accountNumber]}
            hint={t('receptionSettings.bank.accountNumberHint')}
            onChange={(v) => update((d) => ({ ...d, accountNumber: v.replace(/\s+/g, '') }))}
          />
          <Input
            label={t('receptionSettings.bank.accountName')}
            name={fieldName.accountName}
            value={draft.accountName}
            maxLength={100}
            error={errors[fieldName.accountName]}
            hint={t('receptionSettings.bank.accountNameHint')}
            onChange={(v) => update((d) => ({ ...d, accountName: v }))}
          />
        </div>
      )}
    </section>
  );
}

function DayList({ list, rows, update, errors, focus }: Omit<SectionProps, 'draft'> & { list: 'off' | 'work'; rows: DayRow[] }) {
  const prop = list === 'off' ? 'daysOff' : 'workingDays';
  const k = (suffix: 'title' | 'help' | 'none' | 'dateN' | 'nameN' | 'placeholder' | 'remove' | 'add') => `receptionSettings.calendar.${list}.${suffix}` as const;
  const setRow = (key: string, change: Partial<DayRow>) => update((d) => ({ ...d, [prop]: d[prop].map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const add = () => {
    const key = newKey();
    update((d) => ({ ...d, [prop]: [...d[prop], { key, date: '', name: '' }] }));
    focus(fieldName.dayDate(list, key));
  };
  return (
    <div className="rs-daylist">
      <h3 id={`rs-${list}`}>{t(k('title'))}</h3>
      <p className="muted small">{t(k('help'))}</p>
      {rows.length === 0 ? (
        <p className="muted">{t(k('none'))}</p>
      ) : (
        <RowTable
          labelledBy={`rs-${list}`}
          columns={[t('receptionSettings.calendar.date'), t('receptionSettings.calendar.weekday'), t('receptionSettings.calendar.name')]}
        >
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td>
                <Input
                  cell
                  type="date"
                  label={t(k('dateN'), { n: i + 1 })}
                  name={fieldName.dayDate(list, r.key)}
                  value={r.date}
                  error={errors[fieldName.dayDate(list, r.key)]}
                  onChange={(v) => setRow(r.key, { date: v })}
                />
              </td>
              <td className="rs-weekday">{isIsoDate(r.date) ? `${weekdayName(r.date)}, ${displayDate(r.date)}` : ''}</td>
              <td className="rs-grow-cell">
                <Input
                  cell
                  label={t(k('nameN'), { n: i + 1 })}
                  name={fieldName.dayName(list, r.key)}
                  value={r.name}
                  maxLength={200}
                  placeholder={t(k('placeholder'))}
                  error={errors[fieldName.dayName(list, r.key)]}
                  onChange={(v) => setRow(r.key, { name: v })}
                />
              </td>
              <td>
                <RemoveButton
                  text={t('receptionSettings.remove')}
                  label={t(k('remove'), { n: i + 1 })}
                  onClick={() => {
                    update((d) => ({ ...d, [prop]: d[prop].filter((x) => x.key !== r.key) }));
                    focus(`${list}.add`);
                  }}
                />
              </td>
            </tr>
          ))}
        </RowTable>
      )}
      <div>
        <button type="button" data-field={`${list}.add`} onClick={add} disabled={rows.length >= LIMITS.days}>
          {t(k('add'))}
        </button>
      </div>
    </div>
  );
}

export function CalendarSection({ draft, update, errors, focus }: SectionProps) {
  return (
    <section className="panel" aria-labelledby="rs-calendar">
      <h2 id="rs-calendar">{t('receptionSettings.calendar.title')}</h2>
      <p className="muted small">{t('receptionSettings.calendar.help')}</p>
      <DayList list="off" rows={draft.daysOff} update={update} errors={errors} focus={focus} />
      <DayList list="work" rows={draft.workingDays} update={update} errors={errors} focus={focus} />
    </section>
  );
}
