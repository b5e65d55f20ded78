import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PeriodReport } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { displayDate, vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { dateTime, day } from '../lifecycle/format';
import { IncidentsPanel } from './IncidentsPanel';
import { PeriodFigures } from './PeriodFigures';
import { QUICK_PICKS, checkPeriod, quickPeriod, type Period, type QuickPick } from './period';
import './reports.css';
import { ErrorLine } from '../../ui/ErrorLine';

/**
 * Báo cáo: the figures a post office reports upward for a period (dossiers and results by level,
 * field and agency, the share of procedures accepted via BCCI against the targets, quality,
 * guidance slips, the monthly trend), as XLSX and PDF, and the incidents that feed the quality.
 */
export function ReportsScreen() {
  const { api } = useApp();
  const [form, setForm] = useState(() => {
    const p = quickPeriod('thisMonth', vietnamDay());
    return { from: displayDate(p.from), to: displayDate(p.to) };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [period, setPeriod] = useState<Period>(() => quickPeriod('thisMonth', vietnamDay()));
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (p: Period) => {
      setLoading(true);
      setError(null);
      api['reports.period'](p)
        .then(setReport, (err) => {
          setReport(null);
          setError(errorMessage(err));
        })
        .finally(() => setLoading(false));
    },
    [api],
  );
  useEffect(() => load(period), [load, period]);

  function show(e: FormEvent) {
    e.preventDefault();
    const found = checkPeriod(form.from, form.to);
    setErrors(found.errors);
    if (found.value) setPeriod(found.value);
  }

  function pick(q: QuickPick) {
    const p = quickPeriod(q, vietnamDay());
    setForm({ from: displayDate(p.from), to: displayDate(p.to) });
    setErrors({});
    setPeriod(p);
  }

  const shown = report && report.from === period.from && report.to === period.to ? report : null;

  return (
    <div className="lc-screen rp-screen">
      <h1>{t('ui.reports.title')}</h1>
      <section className="rx-panel" aria-labelledby="rp-period">
        <h2 id="rp-period">{t('ui.reports.periodTitle')}</h2>
        <form className="lc-form-row rp-period-form" onSubmit={show} noValidate>
          <Field label={t('ui.period.from')} name="from" value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} error={errors.from} hint="dd/mm/yyyy" />
          <Field label={t('ui.period.to')} name="to" value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} error={errors.to} hint="dd/mm/yyyy" />
          <button type="submit" className="primary">
            {t('ui.reports.show')}
          </button>
        </form>
        <div className="rx-actions" role="group" aria-label={t('ui.reports.quick')}>
          <span className="muted small">{t('ui.reports.quick')}:</span>
          {QUICK_PICKS.map((q) => (
            <button key={q} type="button" onClick={() => pick(q)}>
              {t(`ui.period.${q}`)}
            </button>
          ))}
        </div>
      </section>

      <ErrorLine error={error} />
      {loading && !shown && <p className="muted">{t('app.loading')}</p>}
      {shown && (
        <>
          <section className="rx-panel rp-head" aria-label={t('ui.reports.export')}>
            <p className="rp-head-text">
              {t('ui.reports.periodLine', { from: day(shown.from), to: day(shown.to), at: dateTime(shown.generatedAt) })}
            </p>
            <div className="rx-actions">
              <FileButton label={t('ui.report.xlsx')} load={() => api['reports.periodFile']({ ...period, format: 'xlsx' })} />
              <FileButton label={t('ui.report.pdf')} load={() => api['reports.periodFile']({ ...period, format: 'pdf' })} />
            </div>
          </section>
          <PeriodFigures report={shown} />
        </>
      )}
      <IncidentsPanel period={period} onRecorded={() => load(period)} />
    </div>
  );
}
