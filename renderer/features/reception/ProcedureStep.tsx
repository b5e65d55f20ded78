import { useEffect, useRef, useState } from 'react';
import type { ProcedureDetail, ProcedureSummary } from '../../../shared/api/contract';
import { SERVICES, type ReceptionService } from '../../../shared/api/reception';
import { t, type MessageKey } from '../../../shared/messages/vi';
import { useProcedureSearch } from '../catalogue/useProcedureSearch';
import { Kbd, isTypingTarget } from './controls';
import { allowedServices } from './model';
import { ErrorLine } from '../../ui/ErrorLine';

export const SERVICE_LABEL: Record<ReceptionService, MessageKey> = {
  send: 'recv.service.send',
  return: 'recv.service.return',
  both: 'recv.service.both',
};
const SERVICE_HINT: Record<ReceptionService, MessageKey> = {
  send: 'recv.service.sendHint',
  return: 'recv.service.returnHint',
  both: 'recv.service.bothHint',
};

const NO_FILTERS = {};

/** Type → arrows → Enter, as on the catalogue screen; a scanned procedure code opens it directly. */
function ProcedureSearch({ onOpen }: { onOpen: (code: string, summary?: ProcedureSummary) => void }) {
  const { query, setQuery, results, selected, setSelected, error, list, onKeyDown } = useProcedureSearch(NO_FILTERS, (p) => onOpen(p.code, p));

  return (
    <section className="search" aria-label={t('recv.procedure.search')}>
      <input
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={results.items.length > 0}
        aria-controls="rx-procedure-results"
        aria-activedescendant={results.items[selected] ? `rx-proc-${results.items[selected].code}` : undefined}
        aria-label={t('recv.procedure.search')}
        placeholder={t('search.placeholder')}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="muted small">
        {t('search.results', { count: results.total })} · {t('search.hintKeys')} · {t('recv.procedure.scanHint')}
      </p>
      <ErrorLine error={error} />
      {results.items.length === 0 && query.trim() !== '' && !error && <p className="empty">{t('search.noResults', { query })}</p>}
      <ol id="rx-procedure-results" className="results" role="listbox" ref={list} aria-label={t('recv.procedure.search')}>
        {results.items.map((p, i) => (
          <li
            key={p.code}
            id={`rx-proc-${p.code}`}
            role="option"
            aria-selected={i === selected}
            className={i === selected ? 'selected' : ''}
            onMouseEnter={() => setSelected(i)}
            onClick={() => onOpen(p.code, p)}
          >
            <span className="code">{p.code}</span>
            <span className="name">{p.name}</span>
            <span className="meta">
              {p.field} · {p.level} · {p.agency}
            </span>
            <span className={p.bcciReceive ? 'badge ok' : p.bcciReturn ? 'badge warn' : 'badge no'}>
              {p.bcciReceive ? t('recv.badge.receive') : p.bcciReturn ? t('recv.badge.returnOnly') : t('recv.badge.no')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface ProcedureStepProps {
  /** The procedure opened: its summary at once (so 1/2/3 work while the detail loads), then the detail. */
  procedure: ProcedureDetail | ProcedureSummary | null;
  service: ReceptionService | null;
  error: string | null;
  onOpen: (code: string, summary?: ProcedureSummary) => void;
  onClear: () => void;
  onService: (s: ReceptionService) => void;
  onNext: () => void;
}

/** Step 1: which procedure, and which service the citizen wants (keys 1/2/3). */
export function ProcedureStep({ procedure, service, error, onOpen, onClear, onService, onNext }: ProcedureStepProps) {
  const choices = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState<string | null>(null);
  const allowed = procedure ? allowedServices(procedure) : [];

  useEffect(() => {
    if (!procedure) return;
    // focus the chosen service (or the first allowed one) so 1/2/3 and Enter work at once
    const el = choices.current?.querySelector<HTMLInputElement>('input:checked') ?? choices.current?.querySelector<HTMLInputElement>('input:not(:disabled)');
    (el ?? document.getElementById('rx-procedure-back'))?.focus();
  }, [procedure?.code]);

  useEffect(() => {
    if (!procedure) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || isTypingTarget(e.target)) return;
      const n = ['1', '2', '3'].indexOf(e.key);
      if (n >= 0) {
        const s = SERVICES[n];
        if (allowed.includes(s)) {
          e.preventDefault();
          onService(s);
          setHint(null);
          choices.current?.querySelector<HTMLInputElement>(`input[value="${s}"]`)?.focus();
        }
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        if (allowed.length === 0) return;
        if (service && allowed.includes(service)) onNext();
        else setHint(t('recv.service.choose'));
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onClear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [procedure, allowed, service, onService, onNext, onClear]);

  if (!procedure)
    return (
      <div className="rx-panel">
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        <ProcedureSearch onOpen={onOpen} />
      </div>
    );

  const p = procedure;
  return (
    <section className="rx-panel" aria-labelledby="rx-procedure-name">
      <button id="rx-procedure-back" type="button" className="link" onClick={onClear}>
        ← {t('recv.procedure.other')}
      </button>
      <h1 id="rx-procedure-name">{p.name}</h1>
      <dl className="rx-facts">
        <dt>{t('procedure.code')}</dt>
        <dd className="code">{p.code}</dd>
        <dt>{t('procedure.agency')}</dt>
        <dd>{p.agency}</dd>
        <dt>{t('procedure.processing')}</dt>
        <dd>{p.processingDays === 0 ? t('procedure.sameDay') : t('procedure.processingDays', { days: p.processingDays })}</dd>
        {'documents' in p && (
          <>
            <dt>{t('procedure.documents')}</dt>
            <dd>{t('recv.procedure.documentCount', { n: p.documents.length })}</dd>
          </>
        )}
      </dl>
      {!p.bcciReceive && (
        <p className="banner banner-error" role="alert" data-testid="bcci-banner">
          {p.bcciReturn ? t('recv.procedure.returnOnly') : t('procedure.notAcceptedBanner')}
        </p>
      )}
      {allowed.length > 0 && (
        <fieldset className="rx-services">
          <legend>{t('recv.service.legend')}</legend>
          <div ref={choices} role="radiogroup" aria-label={t('recv.service.legend')} className="rx-service-list">
            {SERVICES.map((s, i) => {
              const enabled = allowed.includes(s);
              return (
                <label key={s} className={`rx-service${service === s ? ' chosen' : ''}${enabled ? '' : ' disabled'}`}>
                  <input
                    type="radio"
                    name="rx-service"
                    value={s}
                    aria-label={t(SERVICE_LABEL[s])}
                    aria-keyshortcuts={String(i + 1)}
                    checked={service === s}
                    disabled={!enabled}
                    onChange={() => {
                      onService(s);
                      setHint(null);
                    }}
                  />
                  <Kbd>{i + 1}</Kbd>
                  <span>
                    <strong>{t(SERVICE_LABEL[s])}</strong>
                    <span className="muted small rx-block">{enabled ? t(SERVICE_HINT[s]) : t('recv.service.notAllowed')}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      <ErrorLine error={hint} />
      <div className="rx-actions">
        <button type="button" onClick={onClear}>
          {t('recv.procedure.other')} (Esc)
        </button>
        {allowed.length > 0 && (
          <button type="button" className="primary" disabled={!service} onClick={onNext}>
            {t('recv.next')} (Enter)
          </button>
        )}
      </div>
    </section>
  );
}
