import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { money } from '../lifecycle/format';

/** The lines of a manifest: what the agency will sign for, with the fees collected on its behalf. */
export function ManifestLines({ dossiers, totalFees, onRemove }: { dossiers: DossierSummary[]; totalFees: number; onRemove?: (dossierId: number) => void }) {
  if (dossiers.length === 0) return <p className="muted lc-empty">{t('ui.handover.empty')}</p>;
  const originals = dossiers.reduce((n, d) => n + d.originals, 0);
  const copies = dossiers.reduce((n, d) => n + d.copies, 0);
  return (
    <table className="grid lc-table" aria-label={t('ui.handover.lines')}>
      <thead>
        <tr>
          <th className="num">{t('ui.lc.col.no')}</th>
          <th>{t('ui.lc.col.code')}</th>
          <th>{t('ui.lc.col.itemNumber')}</th>
          <th>{t('ui.lc.col.applicant')}</th>
          <th>{t('ui.lc.col.procedure')}</th>
          <th className="num">{t('ui.handover.col.papers')}</th>
          <th className="num">{t('ui.handover.col.fees')}</th>
          {onRemove && <th />}
        </tr>
      </thead>
      <tbody>
        {dossiers.map((d, i) => (
          <tr key={d.id} data-code={d.code}>
            <td className="num">{i + 1}</td>
            <td className="code">{d.code}</td>
            <td className="code">{d.itemNumber ?? '—'}</td>
            <td>{d.applicantName}</td>
            <td>{d.procedureName}</td>
            <td className="num">{t('ui.handover.papers', { originals: d.originals, copies: d.copies })}</td>
            <td className="num">{money(d.agencyFees)}</td>
            {onRemove && (
              <td>
                <button type="button" className="link lc-remove" aria-label={t('ui.handover.removeOf', { code: d.code })} onClick={() => onRemove(d.id)}>
                  {t('ui.handover.remove')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={5}>{t('ui.handover.total', { n: dossiers.length })}</th>
          <th className="num">{t('ui.handover.papers', { originals, copies })}</th>
          <th className="num">{money(totalFees)}</th>
          {onRemove && <th />}
        </tr>
      </tfoot>
    </table>
  );
}
