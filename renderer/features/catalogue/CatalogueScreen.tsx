import { useRef, useState } from 'react';
import type { ProcedureDetail, SearchFilters } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { useProcedureSearch } from './useProcedureSearch';
import { ProcedureView } from './ProcedureView';
import { SearchFiltersBar } from './SearchFiltersBar';

/**
 * Type → arrows → Enter. The list follows every keystroke; Esc clears the
 * query, or closes the open procedure and returns to the list.
 */
export function CatalogueScreen() {
  const { api } = useApp();
  const [filters, setFilters] = useState<SearchFilters>({});
  const [open, setOpen] = useState<ProcedureDetail | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { query, setQuery, results, selected, setSelected, error, setError, list, onKeyDown } = useProcedureSearch(filters, (p) => void openProcedure(p.code));

  async function openProcedure(code: string) {
    try {
      setOpen(await api['catalogue.get']({ code }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (open)
    return (
      <ProcedureView
        procedure={open}
        onBack={() => {
          setOpen(null);
          setTimeout(() => input.current?.focus(), 0);
        }}
      />
    );

  return (
    <section className="search" aria-label={t('search.label')}>
      <input
        ref={input}
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={results.items.length > 0}
        aria-controls="procedure-results"
        aria-activedescendant={results.items[selected] ? `proc-${results.items[selected].code}` : undefined}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <SearchFiltersBar filters={filters} onChange={setFilters} />
      <p className="muted small">
        {t('search.results', { count: results.total })} · {t('search.hintKeys')}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {results.items.length === 0 && query.trim() !== '' && !error && <p className="empty">{t('search.noResults', { query })}</p>}
      <ol id="procedure-results" className="results" role="listbox" ref={list} aria-label={t('search.label')}>
        {results.items.map((p, i) => (
          <li
            key={p.code}
            id={`proc-${p.code}`}
            role="option"
            aria-selected={i === selected}
            className={i === selected ? 'selected' : ''}
            onMouseEnter={() => setSelected(i)}
            onClick={() => void openProcedure(p.code)}
          >
            <span className="code">{p.code}</span>
            <span className="name">{p.name}</span>
            <span className="meta">
              {p.field} · {p.level} · {p.agency}
            </span>
            <span className={p.bcciReceive ? 'badge ok' : 'badge no'}>
              {p.bcciReceive ? 'Nhận qua BCCI' : 'Không nhận qua BCCI'}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
