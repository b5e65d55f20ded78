import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProcedureSummary, SearchFilters } from '../../../shared/api/contract';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';

/**
 * Type → arrows → Enter over the catalogue, for every screen that finds a procedure:
 * the list follows each keystroke (newest query wins), ↑ ↓ PgUp PgDn move, Enter opens,
 * Esc clears the query.
 */
export function useProcedureSearch(filters: SearchFilters, onOpen: (item: ProcedureSummary) => void) {
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ total: number; items: ProcedureSummary[] }>({ total: 0, items: [] });
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api['catalogue.search']({ query, filters, limit: 50 })
        .then((r) => {
          // Replies can overtake each other; only the newest query's list is shown.
          if (ticket !== latest.current) return;
          setResults(r);
          setSelected(0);
          setError(null);
        })
        .catch((err) => setError(errorMessage(err)));
    }, 40);
    return () => clearTimeout(timer);
  }, [api, query, filters]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  function onKeyDown(e: KeyboardEvent) {
    const n = results.items.length;
    const move = (to: number) => {
      e.preventDefault();
      setSelected(Math.max(0, Math.min(n - 1, to)));
    };
    if (e.key === 'ArrowDown') move(selected + 1);
    else if (e.key === 'ArrowUp') move(selected - 1);
    else if (e.key === 'PageDown') move(selected + 10);
    else if (e.key === 'PageUp') move(selected - 10);
    else if (e.key === 'Enter' && results.items[selected]) {
      e.preventDefault();
      onOpen(results.items[selected]);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setQuery('');
    }
  }

  return { query, setQuery, results, selected, setSelected, error, setError, list, onKeyDown };
}
