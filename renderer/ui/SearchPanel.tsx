import { useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { t } from '../../shared/messages/vi';

/** ↑ / ↓ move the focus among a list's row buttons (`data-row`); from a search field, ↓ enters the list. */
export function moveAmongRows(e: KeyboardEvent, container: HTMLElement | null): void {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || !container) return;
  const rows = [...container.querySelectorAll<HTMLElement>('[data-row]')];
  if (rows.length === 0) return;
  const i = rows.indexOf(document.activeElement as HTMLElement);
  const next = i < 0 ? (e.key === 'ArrowDown' ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
  e.preventDefault();
  rows[next].focus();
}

export interface SearchPanelProps<T extends { id: number }> {
  /** The search field's id (its label points at it). */
  inputId: string;
  label: string;
  hint: string;
  query: string;
  onQueryChange: (text: string) => void;
  /** Enter or the search button, with what was typed. */
  onSearch: (text: string) => void;
  inputRef: Ref<HTMLInputElement>;
  maxLength?: number;
  /** The form is the screen's search landmark (role="search"). */
  landmark?: boolean;
  /** What the last search said (none found, an error), between the field and the list. */
  status: ReactNode;
  /** null before the first search; an empty list shows nothing (the status says so). */
  results: T[] | null;
  isChosen: (item: T) => boolean;
  onPick: (item: T) => void;
  /** A row's content, inside its button. */
  renderRow: (item: T) => ReactNode;
}

/**
 * A big search field (focused; ↓ enters the list) and the dossiers it found, each row a toggle button;
 * ↑ / ↓ move among the rows.
 */
export function SearchPanel<T extends { id: number }>(props: SearchPanelProps<T>) {
  const { results } = props;
  const list = useRef<HTMLUListElement>(null);
  return (
    <>
      <form
        className="lc-scan"
        role={props.landmark ? 'search' : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSearch(props.query);
        }}
      >
        <label htmlFor={props.inputId} className="lc-scan-label">
          {props.label}
        </label>
        <div className="lc-scan-row">
          <input
            id={props.inputId}
            ref={props.inputRef}
            className="lc-scan-input"
            type="search"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={props.maxLength}
            value={props.query}
            onChange={(e) => props.onQueryChange(e.target.value)}
            onKeyDown={(e) => moveAmongRows(e, list.current)}
          />
          <button type="submit" className="primary">
            {t('ui.lc.search')}
          </button>
        </div>
        <p className="muted small">{props.hint}</p>
      </form>
      {props.status}
      {results && results.length > 0 && (
        <ul className="lc-list" ref={list} aria-label={t('ui.lc.results', { n: results.length })} onKeyDown={(e) => moveAmongRows(e, list.current)}>
          {results.map((d) => (
            <li key={d.id}>
              <button type="button" data-row className={props.isChosen(d) ? 'lc-row chosen' : 'lc-row'} aria-pressed={props.isChosen(d)} onClick={() => props.onPick(d)}>
                {props.renderRow(d)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
