import type { PeriodReport, PeriodRow } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { A4Chart } from '../printing/A4Preview';
import { percentText } from '../shift/format';

function PeriodTable({ id, title, first, rows }: { id: string; title: string; first: string; rows: PeriodRow[] }) {
  const sum = (k: 'received' | 'resultsReceived' | 'delivered') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <section className="rx-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted lc-empty">{t('ui.reports.noRows')}</p>
      ) : (
        <div className="rp-scroll">
          <table className="grid lc-table rp-table">
            <thead>
              <tr>
                <th scope="col">{first}</th>
                <th scope="col" className="num">
                  {t('ui.reports.col.received')}
                </th>
                <th scope="col" className="num">
                  {t('ui.reports.col.resultsReceived')}
                </th>
                <th scope="col" className="num">
                  {t('ui.reports.col.delivered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.received}</td>
                  <td className="num">{r.resultsReceived}</td>
                  <td className="num">{r.delivered}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('ui.reports.total')}</th>
                <td className="num">{sum('received')}</td>
                <td className="num">{sum('resultsReceived')}</td>
                <td className="num">{sum('delivered')}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/** Share of procedures accepted via BCCI per level: a bar, the target as a marker, red below it. */
function ShareBars({ share }: { share: PeriodReport['bcciShare'] }) {
  return (
    <section className="rx-panel" aria-labelledby="rp-share">
      <h2 id="rp-share">{t('ui.reports.shareTitle')}</h2>
      <p className="muted small">{t('ui.reports.shareHelp')}</p>
      {share.length === 0 ? (
        <p className="muted lc-empty">{t('ui.reports.noRows')}</p>
      ) : (
        <ul className="rp-share" data-testid="bcci-share">
          {share.map((s) => (
            <li key={s.level} className={s.met === false ? 'rp-below' : s.met ? 'rp-met' : undefined} data-met={s.met === null ? 'none' : String(s.met)}>
              <div className="rp-share-text">
                <strong>{s.level}</strong>
                <span>{t('ui.reports.shareLine', { bcci: s.bcci, procedures: s.procedures, percent: percentText(s.percent) })}</span>
                <span className="rp-share-verdict">
                  {s.target === null ? t('ui.reports.noTarget') : t(s.met ? 'ui.reports.targetMet' : 'ui.reports.targetBelow', { target: percentText(s.target) })}
                </span>
              </div>
              <div className="rp-bar" aria-hidden="true">
                <div className="rp-fill" style={{ width: `${Math.min(100, Math.max(0, s.percent))}%` }} />
                {s.target !== null && <div className="rp-target" style={{ left: `${Math.min(100, Math.max(0, s.target))}%` }} title={percentText(s.target)} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Quality({ q }: { q: PeriodReport['quality'] }) {
  const dated = q.onTime + q.late;
  const latePercent = dated ? Math.round((q.late / dated) * 1000) / 10 : null;
  const lostOrDamaged = q.intactPercent === null ? null : Math.round((100 - q.intactPercent) * 10) / 10;
  const rows: [string, number, number | null][] = [
    [t('ui.reports.q.onTime'), q.onTime, q.onTimePercent],
    [t('ui.reports.q.late'), q.late, latePercent],
    [t('ui.reports.q.noDate'), q.noDate, null],
    [t('ui.reports.q.lost'), q.lost, null],
    [t('ui.reports.q.damaged'), q.damaged, null],
  ];
  return (
    <section className="rx-panel" aria-labelledby="rp-quality">
      <h2 id="rp-quality">{t('ui.reports.qualityTitle')}</h2>
      <p className="muted small">{t('ui.reports.qualityHelp', { delivered: q.delivered })}</p>
      <table className="grid lc-table rp-table" data-testid="quality">
        <thead>
          <tr>
            <th scope="col">{t('ui.reports.q.item')}</th>
            <th scope="col" className="num">
              {t('ui.reports.q.count')}
            </th>
            <th scope="col" className="num">
              {t('ui.reports.q.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, n, p]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{n}</td>
              <td className="num">{percentText(p)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ui.reports.q.lostOrDamaged')}</th>
            <td className="num">{q.lost + q.damaged}</td>
            <td className="num">{percentText(lostOrDamaged)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.reports.q.intact')}</th>
            <td />
            <td className="num">{percentText(q.intactPercent)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** The figures of a period as the A4 report has them: totals, trend, tables, BCCI share, quality, guidance slips. */
export function PeriodFigures({ report }: { report: PeriodReport }) {
  const totals: [string, number][] = [
    [t('ui.reports.col.received'), report.totals.received],
    [t('ui.reports.col.resultsReceived'), report.totals.resultsReceived],
    [t('ui.reports.col.delivered'), report.totals.delivered],
    [t('ui.reports.guided'), report.totals.guided],
    [t('ui.reports.returnedToAgency'), report.totals.returnedToAgency],
    [t('ui.reports.cancelled'), report.totals.cancelled],
  ];
  return (
    <div className="lc-stack">
      <section className="rx-panel" aria-labelledby="rp-totals">
        <h2 id="rp-totals">{t('ui.reports.totalsTitle')}</h2>
        <dl className="rp-cards" data-testid="period-totals">
          {totals.map(([label, n]) => (
            <div key={label} className="rp-card">
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="rx-panel" aria-labelledby="rp-charts">
        <h2 id="rp-charts">{t('ui.reports.chartsTitle')}</h2>
        <div className="rp-charts">
          <A4Chart chart={report.charts.trend} className="rp-chart" />
          <A4Chart chart={report.charts.share} className="rp-chart" />
        </div>
      </section>
      <PeriodTable id="rp-level" title={t('ui.reports.byLevel')} first={t('ui.reports.col.level')} rows={report.byLevel} />
      <PeriodTable id="rp-field" title={t('ui.reports.byField')} first={t('ui.reports.col.field')} rows={report.byField} />
      <PeriodTable id="rp-agency" title={t('ui.reports.byAgency')} first={t('ui.reports.col.agency')} rows={report.byAgency} />
      <ShareBars share={report.bcciShare} />
      <Quality q={report.quality} />
      <section className="rx-panel" aria-labelledby="rp-guidance">
        <h2 id="rp-guidance">{t('ui.reports.guidanceTitle')}</h2>
        <p>{t('ui.reports.guidanceIssued', { n: report.guidance.issued })}</p>
        {report.guidance.byField.length > 0 && (
          <table className="grid lc-table rp-table">
            <thead>
              <tr>
                <th scope="col">{t('ui.reports.col.field')}</th>
                <th scope="col" className="num">
                  {t('ui.reports.col.issued')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.guidance.byField.map((g) => (
                <tr key={g.name}>
                  <th scope="row">{g.name}</th>
                  <td className="num">{g.issued}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
