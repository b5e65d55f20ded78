import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { dashboardSchema, DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { StatusBadge } from '../lifecycle/controls';
import { dateTime, day } from '../lifecycle/format';
import { ErrorLine } from '../../ui/ErrorLine';

type DashboardData = z.infer<typeof dashboardSchema>;

const REFRESH_MS = 30_000;

/** Parses "N days" for "stuck": a whole number 1–90, else null. */
export function parseStuckDays(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 90 ? n : null;
}

/**
 * Tổng quan: a card per stage (how many, how many late in red, how many stuck in amber) and the
 * late and stuck dossiers, refreshed every 30 s while the window is seen (a background call: it does
 * not keep the session awake). A row opens the dossier's timeline.
 */
export function Dashboard({ onOpen }: { onOpen: (dossierId: number) => void }) {
  const { api } = useApp();
  const [stuckDays, setStuckDays] = useState(5);
  const [daysText, setDaysText] = useState('5');
  const [daysError, setDaysError] = useState<string | null>(null);
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const ticket = useRef(0);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const d = await api['tracking.dashboard']({ stuckDays });
      if (mine !== ticket.current) return;
      setData(d);
      setError(null);
      setAt(new Date().toISOString());
    } catch (err) {
      if (mine === ticket.current) setError(errorMessage(err));
    }
  }, [api, stuckDays]);

  useEffect(() => {
    void load();
    // no refresh while the window is minimised or covered; one as soon as it is seen again
    const timer = setInterval(() => {
      if (!document.hidden) void load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  function applyDays() {
    const n = parseStuckDays(daysText);
    if (n === null) {
      setDaysError(t('ui.tracking.err.stuckDays'));
      return;
    }
    setDaysError(null);
    if (n === stuckDays) void load();
    else setStuckDays(n);
  }

  return (
    <section className="rx-panel" aria-labelledby="tr-dash-title">
      <div className="lc-head">
        <h2 id="tr-dash-title">{t('ui.tracking.dashboard')}</h2>
        {at && <span className="muted small">{t('ui.tracking.updatedAt', { at: dateTime(at) })}</span>}
        <form
          className="lc-inline lc-push"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            applyDays();
          }}
        >
          <label htmlFor="tr-stuck" className="small">
            {t('ui.tracking.stuckDays')}
          </label>
          <input
            id="tr-stuck"
            className="lc-days"
            inputMode="numeric"
            maxLength={2}
            value={daysText}
            aria-invalid={!!daysError}
            aria-describedby={daysError ? 'tr-stuck-err' : undefined}
            onChange={(e) => {
              setDaysText(e.target.value);
              setDaysError(null);
            }}
          />
          <button type="submit">{t('ui.tracking.refresh')}</button>
        </form>
      </div>
      {daysError && (
        <p id="tr-stuck-err" className="error" role="alert">
          {daysError}
        </p>
      )}
      <ErrorLine error={error} />
      {!data && !error && <p className="muted small">{t('app.loading')}</p>}
      {data && (
        <>
          <ul className="lc-cards" aria-label={t('ui.tracking.stages')}>
            {data.stages.map((s) => (
              <li key={s.stage} className="lc-card" data-stage={s.stage}>
                <span className="lc-card-label">{s.label}</span>
                <span className="lc-card-count">{s.count}</span>
                <span className={s.overdue > 0 ? 'lc-card-bad' : 'muted small'}>{t('ui.tracking.cardOverdue', { n: s.overdue })}</span>
                <span className={s.stuck > 0 ? 'lc-card-warn' : 'muted small'}>{t('ui.tracking.cardStuck', { n: s.stuck, days: data.stuckDays })}</span>
              </li>
            ))}
          </ul>
          <DossierTable title={t('ui.tracking.overdueTitle', { n: data.overdue.length })} dossiers={data.overdue} onOpen={onOpen} tone="bad" />
          <DossierTable title={t('ui.tracking.stuckTitle', { n: data.stuck.length, days: data.stuckDays })} dossiers={data.stuck} onOpen={onOpen} tone="warn" />
        </>
      )}
    </section>
  );
}

function DossierTable({ title, dossiers, onOpen, tone }: { title: string; dossiers: DossierSummary[]; onOpen: (id: number) => void; tone: 'bad' | 'warn' }) {
  return (
    <div className={`lc-dash-table lc-tone-${tone}`}>
      <h3>{title}</h3>
      {dossiers.length === 0 ? (
        <p className="muted small">{t('ui.tracking.noneHere')}</p>
      ) : (
        <table className="grid lc-table" aria-label={title}>
          <thead>
            <tr>
              <th>{t('ui.lc.col.code')}</th>
              <th>{t('ui.lc.col.applicant')}</th>
              <th>{t('ui.lc.col.procedure')}</th>
              <th>{t('ui.lc.col.agency')}</th>
              <th>{t('ui.lc.col.resultDate')}</th>
              <th>{t('ui.lc.col.status')}</th>
              <th>{t('ui.tracking.since')}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => (
              <tr key={d.id} className="lc-click" onClick={() => onOpen(d.id)}>
                <td>
                  <button type="button" className="link code" onClick={(e) => {
                      e.stopPropagation();
                      onOpen(d.id);
                    }}>
                    {d.code}
                  </button>
                </td>
                <td>{d.applicantName}</td>
                <td>{d.procedureName}</td>
                <td>{d.agency}</td>
                <td className={d.overdue ? 'error' : undefined}>{day(d.resultDate) || '—'}</td>
                <td>
                  <StatusBadge dossier={d} />
                </td>
                <td>{day(d.statusAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
