import type { DayCloseSummary } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { dateTime, day, money } from '../lifecycle/format';
import { signedMoney } from '../shift/format';
import { reportTitle } from './DayReportView';
import { ErrorLine } from '../../ui/ErrorLine';

/** The past day closes, newest first; each one's Z report opens to be seen, printed again or downloaded. */
export function CloseHistory({
  closes,
  error,
  hasMore,
  onMore,
  onOpen,
}: {
  closes: DayCloseSummary[] | null;
  error: string | null;
  hasMore: boolean;
  onMore: () => void;
  onOpen: (day: string, title: string) => void;
}) {
  return (
    <section className="rx-panel" aria-labelledby="dc-history-title">
      <h2 id="dc-history-title">{t('ui.dayClose.historyTitle')}</h2>
      <p className="muted small">{t('ui.dayClose.historyHelp')}</p>
      <ErrorLine error={error} />
      {closes === null && !error && <p className="muted">{t('app.loading')}</p>}
      {closes?.length === 0 && <p className="muted lc-empty">{t('ui.dayClose.historyNone')}</p>}
      {closes && closes.length > 0 && (
        <div className="dc-scroll">
          <table className="grid lc-table" data-testid="day-closes">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('ui.dayClose.col.sequence')}
                </th>
                <th scope="col">{t('ui.dayClose.col.day')}</th>
                <th scope="col">{t('ui.dayClose.col.closedAt')}</th>
                <th scope="col" className="num">
                  {t('ui.dayClose.col.cash')}
                </th>
                <th scope="col" className="num">
                  {t('ui.dayClose.col.cashDiff')}
                </th>
                <th scope="col" className="num">
                  {t('ui.dayClose.col.transferDiff')}
                </th>
                <th scope="col">{t('ui.dayClose.col.notes')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ui.dayClose.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {closes.map((c) => {
                const cash = c.cashCounted - c.cashExpected;
                const transfer = c.transferConfirmed - c.transferExpected;
                return (
                  <tr key={c.id}>
                    <td className="num">{c.sequence}</td>
                    <td>{day(c.day)}</td>
                    <td>
                      {dateTime(c.closedAt)}
                      <span className="muted small lc-block">{c.closedBy}</span>
                    </td>
                    <td className="num">{money(c.cashCounted)}</td>
                    <td className={`num ${cash ? 'error' : ''}`}>{signedMoney(cash)}</td>
                    <td className={`num ${transfer ? 'error' : ''}`}>{signedMoney(transfer)}</td>
                    <td className="small">
                      {c.cashRemitted > 0 && (
                        <span className="lc-block">
                          {t('ui.dayClose.noteRemitted', { amount: money(c.cashRemitted) })}
                          {c.remittanceNote ? ` (${c.remittanceNote})` : ''}
                        </span>
                      )}
                      {c.reason && <span className="lc-block">{t('ui.dayClose.noteReason', { reason: c.reason })}</span>}
                      {c.approvedBy && <span className="lc-block">{t('ui.dayClose.noteApproved', { name: c.approvedBy })}</span>}
                      {c.overrideReason && <span className="lc-block">{t('ui.dayClose.noteOverride', { reason: c.overrideReason })}</span>}
                    </td>
                    <td className="lc-row-actions">
                      <button type="button" aria-label={t('ui.dayClose.openZ', { day: day(c.day) })} onClick={() => onOpen(c.day, reportTitle('Z', c.day, c.sequence))}>
                        {t('ui.dayClose.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <div className="rx-actions">
          <button type="button" onClick={onMore}>
            {t('ui.dayClose.more10')}
          </button>
        </div>
      )}
    </section>
  );
}
