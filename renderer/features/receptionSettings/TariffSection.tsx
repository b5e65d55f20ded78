import { t } from '../../../shared/messages/vi';
import { Input, RemoveButton } from './controls';
import { LIMITS, fieldName, newKey, parseWhole, tidyWhole, type Draft, type Errors, type NamedRow } from './model';

export interface SectionProps {
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  errors: Errors;
  focus: (field: string) => void;
}

/** Names for accessible labels: the typed name, or "thứ n" when empty or shared with another row. */
function labels(rows: NamedRow[], fallback: (n: number) => string): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name.trim(), (count.get(r.name.trim()) ?? 0) + 1);
  return rows.map((r, i) => {
    const name = r.name.trim();
    if (!name) return fallback(i + 1);
    return count.get(name)! > 1 ? `${name} (${fallback(i + 1)})` : name;
  });
}

export function TariffSection({ draft, update, errors, focus, stillDefault }: SectionProps & { stillDefault: boolean }) {
  const zoneLabels = labels(draft.zones, (n) => t('receptionSettings.tariff.zoneN', { n }));
  const classLabels = labels(draft.classes, (n) => t('receptionSettings.tariff.classN', { n }));
  const grams = draft.classes.map((c) => parseWhole(c.maxGrams));
  const ascending = grams.every((g, i) => i === 0 || (g !== null && grams[i - 1] !== null && g > grams[i - 1]!));

  const addZone = () => {
    const key = newKey();
    update((d) => ({
      ...d,
      zones: [...d.zones, { key, id: '', name: '' }],
      prices: { ...d.prices, [key]: Object.fromEntries(d.classes.map((c) => [c.key, ''])) },
    }));
    focus(fieldName.zoneName(key));
  };
  const removeZone = (key: string) => {
    update((d) => {
      const prices = { ...d.prices };
      delete prices[key];
      return { ...d, zones: d.zones.filter((z) => z.key !== key), prices };
    });
    focus('tariff.addZone');
  };
  const addClass = () => {
    const key = newKey();
    update((d) => ({
      ...d,
      classes: [...d.classes, { key, id: '', name: '', maxGrams: '' }],
      prices: Object.fromEntries(Object.entries(d.prices).map(([z, row]) => [z, { ...row, [key]: '' }])),
    }));
    focus(fieldName.className(key));
  };
  const removeClass = (key: string) => {
    update((d) => ({ ...d, classes: d.classes.filter((c) => c.key !== key) }));
    focus('tariff.addClass');
  };
  const sortClasses = () =>
    update((d) => ({
      ...d,
      classes: [...d.classes].sort((a, b) => (parseWhole(a.maxGrams) ?? Infinity) - (parseWhole(b.maxGrams) ?? Infinity)),
    }));
  const setZone = (key: string, name: string) => update((d) => ({ ...d, zones: d.zones.map((z) => (z.key === key ? { ...z, name } : z)) }));
  const setClass = (key: string, change: Partial<{ name: string; maxGrams: string }>) =>
    update((d) => ({ ...d, classes: d.classes.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
  const setPrice = (zoneKey: string, classKey: string, text: string) =>
    update((d) => ({ ...d, prices: { ...d.prices, [zoneKey]: { ...d.prices[zoneKey], [classKey]: text } } }));

  const addExemption = () => {
    const key = newKey();
    update((d) => ({ ...d, exemptions: [...d.exemptions, { key, id: '', name: '' }] }));
    focus(fieldName.exemptionName(key));
  };
  const exemptionLabels = labels(draft.exemptions, (n) => t('receptionSettings.exemption.n', { n }));

  return (
    <section className="panel" aria-labelledby="rs-tariff">
      <h2 id="rs-tariff">{t('receptionSettings.tariff.title')}</h2>
      <p className={stillDefault ? 'banner banner-warn' : 'muted small'} role="note">
        {t(stillDefault ? 'receptionSettings.tariff.placeholderWarn' : 'receptionSettings.tariff.placeholderNote')}
      </p>
      <p className="muted small" id="rs-tariff-help">
        {t('receptionSettings.tariff.help')}
      </p>
      <div className="rs-scroll">
        <table className="grid rs-tariff" data-testid="tariff-grid" aria-describedby="rs-tariff-help">
          <caption className="visually-hidden">{t('receptionSettings.tariff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="rs-corner">
                {t('receptionSettings.tariff.corner')}
              </th>
              {draft.classes.map((c, j) => (
                <th scope="col" key={c.key} className="rs-class">
                  <Input
                    cell
                    label={t('receptionSettings.tariff.className', { n: j + 1 })}
                    name={fieldName.className(c.key)}
                    value={c.name}
                    maxLength={100}
                    placeholder={t('receptionSettings.tariff.classPlaceholder')}
                    error={errors[fieldName.className(c.key)]}
                    onChange={(v) => setClass(c.key, { name: v })}
                  />
                  <div className="rs-class-grams">
                    <span aria-hidden="true">{t('receptionSettings.tariff.upTo')}</span>
                    <Input
                      cell
                      label={t('receptionSettings.tariff.classGrams', { name: classLabels[j]! })}
                      name={fieldName.classGrams(c.key)}
                      value={c.maxGrams}
                      inputMode="numeric"
                      maxLength={9}
                      suffix="g"
                      className="rs-grams"
                      error={errors[fieldName.classGrams(c.key)]}
                      onChange={(v) => setClass(c.key, { maxGrams: v })}
                      onBlur={() => setClass(c.key, { maxGrams: tidyWhole(c.maxGrams) })}
                    />
                    <RemoveButton
                      text={t('receptionSettings.remove')}
                      label={t('receptionSettings.tariff.removeClass', { name: classLabels[j]! })}
                      onClick={() => removeClass(c.key)}
                      disabled={draft.classes.length <= 1}
                    />
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {draft.zones.map((z, i) => (
              <tr key={z.key}>
                <th scope="row" className="rs-zone">
                  <div className="rs-zone-row">
                    <Input
                      cell
                      label={t('receptionSettings.tariff.zoneName', { n: i + 1 })}
                      name={fieldName.zoneName(z.key)}
                      value={z.name}
                      maxLength={100}
                      placeholder={t('receptionSettings.tariff.zonePlaceholder')}
                      error={errors[fieldName.zoneName(z.key)]}
                      onChange={(v) => setZone(z.key, v)}
                    />
                    <RemoveButton
                      text={t('receptionSettings.remove')}
                      label={t('receptionSettings.tariff.removeZone', { name: zoneLabels[i]! })}
                      onClick={() => removeZone(z.key)}
                      disabled={draft.zones.length <= 1}
                    />
                  </div>
                </th>
                {draft.classes.map((c, j) => {
                  const text = draft.prices[z.key]?.[c.key] ?? '';
                  return (
                    <td key={c.key} className="rs-price">
                      <Input
                        cell
                        label={t('receptionSettings.tariff.price', { zone: zoneLabels[i]!, weight: classLabels[j]! })}
                        name={fieldName.price(z.key, c.key)}
                        value={text}
                        inputMode="numeric"
                        maxLength={14}
                        suffix="đ"
                        error={errors[fieldName.price(z.key, c.key)]}
                        onChange={(v) => setPrice(z.key, c.key, v)}
                        onBlur={() => setPrice(z.key, c.key, tidyWhole(text))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" data-field="tariff.addZone" onClick={addZone} disabled={draft.zones.length >= LIMITS.zones}>
          {t('receptionSettings.tariff.addZone')}
        </button>
        <button type="button" data-field="tariff.addClass" onClick={addClass} disabled={draft.classes.length >= LIMITS.classes}>
          {t('receptionSettings.tariff.addClass')}
        </button>
      </div>
      {!ascending && (
        <p className="row">
          <span className="error">{t('receptionSettings.tariff.notAscending')}</span>
          <button type="button" onClick={sortClasses}>
            {t('receptionSettings.tariff.sortClasses')}
          </button>
        </p>
      )}

      <h3 id="rs-exemptions">{t('receptionSettings.exemption.title')}</h3>
      <p className="muted small">{t('receptionSettings.exemption.help')}</p>
      {draft.exemptions.length === 0 && <p className="muted">{t('receptionSettings.exemption.none')}</p>}
      <ul className="rs-list" aria-labelledby="rs-exemptions">
        {draft.exemptions.map((e, i) => (
          <li key={e.key} className="rs-list-row">
            <Input
              cell
              label={t('receptionSettings.exemption.name', { n: i + 1 })}
              name={fieldName.exemptionName(e.key)}
              value={e.name}
              maxLength={200}
              className="rs-grow"
              placeholder={t('receptionSettings.exemption.placeholder')}
              error={errors[fieldName.exemptionName(e.key)]}
              onChange={(v) => update((d) => ({ ...d, exemptions: d.exemptions.map((x) => (x.key === e.key ? { ...x, name: v } : x)) }))}
            />
            <RemoveButton
              text={t('receptionSettings.remove')}
              label={t('receptionSettings.exemption.remove', { name: exemptionLabels[i]! })}
              onClick={() => {
                update((d) => ({ ...d, exemptions: d.exemptions.filter((x) => x.key !== e.key) }));
                focus('exemption.add');
              }}
            />
          </li>
        ))}
      </ul>
      <div>
        <button type="button" data-field="exemption.add" onClick={addExemption} disabled={draft.exemptions.length >= LIMITS.exemptions}>
          {t('receptionSettings.exemption.add')}
        </button>
      </div>
    </section>
  );
}
