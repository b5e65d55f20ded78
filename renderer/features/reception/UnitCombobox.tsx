import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { AdminUnitInfo } from '../../../shared/api/contract';
import { matchUnit, suggestUnits, type PreparedUnit } from '../../../shared/text/unitNames';
import { ReceptionFieldFrame } from './controls';

interface UnitComboboxProps {
  label: string;
  /** The form's name for the field (focusing the first error uses it). */
  name: string;
  value: string;
  onChange: (v: string) => void;
  /** The communes to choose from; null while they load (free typing, no suggestions). */
  units: PreparedUnit<AdminUnitInfo>[] | null;
  /** The listbox's accessible name ("Gợi ý … thuộc Khánh Hòa"). */
  listLabel: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
  maxLength?: number;
  onBlur?: () => void;
}

/**
 * A searchable commune field (ARIA 1.2 combobox with a listbox popup): suggestions match without
 * diacritics and prefixes ("nha trang" → Phường Nha Trang…); ↑/↓ move, Enter or a click chooses,
 * Esc closes; leaving the field puts the data's own spelling in when what was typed names one unit.
 */
export function UnitCombobox(props: UnitComboboxProps) {
  const { label, name, value, units, error, hint, required, className } = props;
  // the listbox's and options' ids (the input's own id comes from the field frame)
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => (units ? suggestUnits(units, value, 'commune', 12) : []), [units, value]);
  const expanded = open && suggestions.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, expanded, active]);

  function choose(unit: AdminUnitInfo) {
    props.onChange(unit.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : suggestions.length - 1);
        return;
      }
      const n = suggestions.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a <= 0 ? n : a) - 1));
    } else if (e.key === 'Enter' && expanded && active >= 0 && suggestions[active]) {
      e.preventDefault();
      choose(suggestions[active]);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter' && expanded) {
      setOpen(false);
    }
  }

  function onBlur() {
    setOpen(false);
    setActive(-1);
    if (units) {
      const m = matchUnit(units, value, 'commune');
      if (m.kind === 'one' && m.unit.name !== value) props.onChange(m.unit.name);
    }
    props.onBlur?.();
  }

  return (
    <ReceptionFieldFrame label={label} error={error} hint={hint} required={required} className={className}>
      {(control) => (
        <div className="rx-combo">
          <input
            {...control}
            data-field={name}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            required={required}
            maxLength={props.maxLength}
            value={value}
            onChange={(e) => {
              props.onChange(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(false)}
            onKeyDown={onKeyDown}
            onBlur={onBlur}
          />
          <ul id={listId} role="listbox" aria-label={props.listLabel} className="rx-combo-list" hidden={!expanded}>
            {expanded &&
              suggestions.map((u, i) => (
                <li
                  key={u.code}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    // keep the focus in the field: choosing must not blur it first
                    e.preventDefault();
                    choose(u);
                  }}
                >
                  {u.name}
                </li>
              ))}
          </ul>
        </div>
      )}
    </ReceptionFieldFrame>
  );
}
