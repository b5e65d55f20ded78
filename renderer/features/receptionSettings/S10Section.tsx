import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatMoney, t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Input, focusIn } from './controls';
import { serial8, splitProblems } from './model';

type Range = Awaited<ReturnType<ReturnType<typeof useApp>['api']['reception.s10Ranges']>>[number];

const EMPTY = { prefix: '', country: 'VN', start: '', end: '' };

/** Section 5: the S10 item-number ranges the post allotted to this point, and adding one. */
export function S10Section() {
  const { api } = useApp();
  const [ranges, setRanges] = useState<Range[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const load = useCallback(
    () => api['reception.s10Ranges']({}).then(setRanges, (e) => setMessage({ ok: false, lines: [errorMessage(e)] })),
    [api],
  );
  useEffect(() => void load(), [load]);

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!/^[A-Z]{2}$/.test(form.prefix)) found.prefix = t('receptionSettings.s10.err.prefix');
    if (!/^[A-Z]{2}$/.test(form.country)) found.country = t('receptionSettings.s10.err.country');
    if (!/^\d{8}$/.test(form.start)) found.start = t('receptionSettings.s10.err.serial');
    if (!/^\d{8}$/.test(form.end)) found.end = t('receptionSettings.s10.err.serial');
    else if (!found.start && Number(form.end) < Number(form.start)) found.end = t('receptionSettings.s10.err.order');
    return found;
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage(null);
      requestAnimationFrame(() => focusIn(formRef.current, '*invalid*'));
      return;
    }
    setBusy(true);
    try {
      const r = await api['reception.addS10Range']({ prefix: form.prefix, country: form.country, startSerial: Number(form.start), endSerial: Number(form.end) });
      setMessage({
        ok: true,
        lines: [t('receptionSettings.s10.added', { prefix: r.prefix, country: r.country, start: serial8(r.startSerial), end: serial8(r.endSerial), count: formatMoney(r.remaining) })],
      });
      setForm({ ...EMPTY, prefix: form.prefix, country: form.country });
      await load();
    } catch (err) {
      setMessage({ ok: false, lines: splitProblems(errorMessage(err)) });
    } finally {
      setBusy(false);
    }
  }

  const count = /^\d{8}$/.test(form.start) && /^\d{8}$/.test(form.end) && Number(form.end) >= Number(form.start) ? Number(form.end) - Number(form.start) + 1 : null;

  return (
    <section className="panel" aria-labelledby="rs-s10">
      <h2 id="rs-s10">{t('receptionSettings.s10.title')}</h2>
      <p className="muted small">{t('receptionSettings.s10.help')}</p>
      {ranges === null ? (
        <p className="muted">{t('receptionSettings.loading')}</p>
      ) : (
        <table className="grid rs-compact" data-testid="s10-ranges" aria-labelledby="rs-s10">
          <thead>
            <tr>
              <th scope="col">{t('receptionSettings.s10.prefix')}</th>
              <th scope="col">{t('receptionSettings.s10.country')}</th>
              <th scope="col">{t('receptionSettings.s10.start')}</th>
              <th scope="col">{t('receptionSettings.s10.end')}</th>
              <th scope="col">{t('receptionSettings.s10.lastUsed')}</th>
              <th scope="col" className="rs-num">
                {t('receptionSettings.s10.remaining')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranges.length === 0 && (
              <tr>
                <td colSpan={6} className="rs-empty">
                  {t('receptionSettings.s10.none')}
                </td>
              </tr>
            )}
            {ranges.map((r) => (
              <tr key={r.id} className={r.remaining === 0 ? 'rs-spent' : undefined}>
                <td className="rs-mono">{r.prefix}</td>
                <td className="rs-mono">{r.country}</td>
                <td className="rs-mono">{serial8(r.startSerial)}</td>
                <td className="rs-mono">{serial8(r.endSerial)}</td>
                <td className="rs-mono">{r.lastUsed === null ? t('receptionSettings.s10.notUsed') : serial8(r.lastUsed)}</td>
                <td className="rs-num">{r.remaining === 0 ? t('receptionSettings.s10.spent') : formatMoney(r.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form ref={formRef} onSubmit={add} noValidate aria-labelledby="rs-s10-add">
        <h3 id="rs-s10-add">{t('receptionSettings.s10.add')}</h3>
        <div className="rs-s10-form">
          <Input
            label={t('receptionSettings.s10.prefixLabel')}
            name="s10.prefix"
            value={form.prefix}
            maxLength={2}
            error={errors.prefix}
            hint={t('receptionSettings.s10.prefixHint')}
            onChange={(v) => setForm({ ...form, prefix: v.toUpperCase().trim() })}
          />
          <Input
            label={t('receptionSettings.s10.countryLabel')}
            name="s10.country"
            value={form.country}
            maxLength={2}
            error={errors.country}
            hint={t('receptionSettings.s10.countryHint')}
            onChange={(v) => setForm({ ...form, country: v.toUpperCase().trim() })}
          />
          <Input
            label={t('receptionSettings.s10.startLabel')}
            name="s10.start"
            value={form.start}
            inputMode="numeric"
            maxLength={8}
            error={errors.start}
            hint={t('receptionSettings.s10.serialHint')}
            onChange={(v) => setForm({ ...form, start: v.trim() })}
          />
          <Input
            label={t('receptionSettings.s10.endLabel')}
            name="s10.end"
            value={form.end}
            inputMode="numeric"
            maxLength={8}
            error={errors.end}
            hint={count === null ? t('receptionSettings.s10.serialHint') : t('receptionSettings.s10.count', { count: formatMoney(count) })}
            onChange={(v) => setForm({ ...form, end: v.trim() })}
          />
        </div>
        <div className="row rs-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('receptionSettings.s10.addButton')}
          </button>
        </div>
        <div>
          {message &&
            (message.lines.length === 1 ? (
              <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
                {message.lines[0]}
              </p>
            ) : (
              <ul className="error" role="alert">
                {message.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            ))}
        </div>
      </form>
    </section>
  );
}
