import { useEffect, useRef } from 'react';
import type { ProcedureDetail } from '../../../shared/api/contract';
import type { Fee, RequiredDocument } from '../../../shared/catalogue/schema';
import { formatMoney, t } from '../../../shared/messages/vi';

function FeeText({ fee }: { fee: Fee }) {
  if (fee.kind === 'fixed') return <>{fee.amount === 0 ? t('procedure.free') : t('common.dong', { amount: formatMoney(fee.amount) })}</>;
  return (
    <ul className="tiers">
      {fee.tiers.map((tier) => (
        <li key={tier.label}>
          {tier.label}: <strong>{tier.amount === 0 ? t('procedure.free') : t('common.dong', { amount: formatMoney(tier.amount) })}</strong>
        </li>
      ))}
    </ul>
  );
}

function kindText(d: RequiredDocument): string {
  if (d.kind === 'conditional') return t('kind.conditional', { condition: d.condition ?? '' });
  if (d.kind === 'alternative') return t('kind.alternative', { group: d.group ?? '' });
  return t(`kind.${d.kind}`);
}

/** A procedure as the clerk needs it at the counter: can it come through the post, what to check, what to collect. */
export function ProcedureView({ procedure: p, onBack }: { procedure: ProcedureDetail; onBack: () => void }) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    back.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <article className="procedure" aria-labelledby="procedure-name">
      <button ref={back} className="link" onClick={onBack}>
        ← {t('procedure.back')}
      </button>
      <h1 id="procedure-name">{p.name}</h1>
      {!p.bcciReceive && (
        <p className={`banner ${p.bcciReturn ? 'banner-warn' : 'banner-error'}`} role="alert">
          {p.bcciReturn ? t('procedure.returnOnlyBanner') : t('procedure.notAcceptedBanner')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('procedure.code')}</dt>
        <dd className="code">{p.code}</dd>
        <dt>{t('procedure.field')}</dt>
        <dd>{p.field}</dd>
        <dt>{t('procedure.level')}</dt>
        <dd>{p.level}</dd>
        <dt>{t('procedure.agency')}</dt>
        <dd>{p.agency}</dd>
        <dt>{t('procedure.processing')}</dt>
        <dd data-testid="processing">
          {p.processingDays === 0 ? t('procedure.sameDay') : t('procedure.processingDays', { days: p.processingDays })}
          {p.processingNote && <div className="muted small">{p.processingNote}</div>}
        </dd>
        <dt>{t('procedure.bcciReceive')}</dt>
        <dd>{p.bcciReceive ? t('procedure.accepted') : t('procedure.notAccepted')}</dd>
        <dt>{t('procedure.bcciReturn')}</dt>
        <dd>{p.bcciReturn ? t('procedure.accepted') : t('procedure.notAccepted')}</dd>
      </dl>

      <section aria-labelledby="fees-title">
        <h2 id="fees-title">{t('procedure.fees')}</h2>
        <dl className="facts" data-testid="fees">
          <dt>{t('procedure.phi')}</dt>
          <dd>
            <FeeText fee={p.phi} />
          </dd>
          <dt>{t('procedure.lePhi')}</dt>
          <dd>
            <FeeText fee={p.lePhi} />
          </dd>
          {p.feeNote && (
            <>
              <dt>{t('procedure.feeNote')}</dt>
              <dd>{p.feeNote}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('procedure.documents')}</h2>
        {p.documents.length === 0 ? (
          <p className="muted">{t('procedure.noDocuments')}</p>
        ) : (
          <table className="checklist" data-testid="checklist">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('procedure.docName')}</th>
                <th>{t('procedure.docForm')}</th>
                <th>{t('procedure.docQuantity')}</th>
                <th>{t('procedure.docKind')}</th>
              </tr>
            </thead>
            <tbody>
              {p.documents.map((d, i) => (
                <tr key={i} className={`kind-${d.kind}`}>
                  <td>{i + 1}</td>
                  <td>
                    {d.name}
                    {d.templateCode && <div className="muted small">{t('procedure.template', { code: d.templateCode })}</div>}
                    {d.note && <div className="muted small">{d.note}</div>}
                  </td>
                  <td>{t(`form.${d.form}`)}</td>
                  <td>
                    {d.originals > 0 && <div>{t('procedure.originals', { n: d.originals })}</div>}
                    {d.copies > 0 && <div>{t('procedure.copies', { n: d.copies })}</div>}
                  </td>
                  <td>{kindText(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <footer className="muted small">
        {p.source && t('procedure.source', { name: p.source.name, date: p.source.date })} · {t('procedure.version', { version: p.versionId })}
      </footer>
    </article>
  );
}
