import type { ReactNode } from 'react';
import { t } from '../../../shared/messages/vi';
import { FieldFrame } from '../../ui/Field';

/**
 * Inputs of this screen. `name` goes to `data-field` (focusing a new row or the first error finds
 * it); the error, or else the hint, is read out with the field. Grid cells have no visible label:
 * they take `label` as their accessible name instead.
 */
interface InputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: ReactNode;
  /** In a grid or list row: no visible label, `label` is the accessible name. */
  cell?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  placeholder?: string;
  className?: string;
  /** Text shown after the input (a unit: "đ", "g"). */
  suffix?: string;
}

/** A field in a grid cell (no visible label) carries `rs-cell` before its own classes. */
function cellClass(cell: boolean | undefined, className?: string): string | undefined {
  return [cell && 'rs-cell', className].filter(Boolean).join(' ') || undefined;
}

export function Input({ label, name, value, onChange, onBlur, error, hint, cell, type = 'text', inputMode, maxLength, placeholder, className, suffix }: InputProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} labelHidden={cell} className={cellClass(cell, className)}>
      {(control) => {
        const input = (
          <input
            {...control}
            data-field={name}
            type={type}
            value={value}
            inputMode={inputMode}
            maxLength={maxLength}
            placeholder={placeholder}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        );
        return suffix ? (
          <span className="rs-unit">
            {input}
            <span aria-hidden="true">{suffix}</span>
          </span>
        ) : (
          input
        );
      }}
    </FieldFrame>
  );
}

export function Select({
  label,
  name,
  value,
  onChange,
  error,
  cell,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  cell?: boolean;
  children: ReactNode;
}) {
  return (
    <FieldFrame label={label} error={error} labelHidden={cell} className={cellClass(cell)}>
      {(control) => (
        <select {...control} data-field={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** Rows of fields as a compact table: a column a field, then one whose heading only screen readers hear for the row's actions. */
export function RowTable({ labelledBy, columns, children }: { labelledBy: string; columns: string[]; children: ReactNode }) {
  return (
    <table className="grid rs-compact" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('receptionSettings.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A small button that removes a row: visible "Xóa", accessible name saying what it removes. */
export function RemoveButton({ label, text, onClick, name, disabled }: { label: string; text: string; onClick: () => void; name?: string; disabled?: boolean }) {
  return (
    <button type="button" className="rs-remove" aria-label={label} title={label} data-field={name} onClick={onClick} disabled={disabled}>
      {text}
    </button>
  );
}

/** Focuses the element carrying data-field=`name` inside `root`, or the first invalid field for '*invalid*'. */
export function focusIn(root: HTMLElement | null, name: string): void {
  if (!root) return;
  const el =
    name === '*invalid*'
      ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
      : [...root.querySelectorAll<HTMLElement>('[data-field]')].find((e) => e.dataset.field === name);
  el?.focus();
  if (el instanceof HTMLInputElement && el.type === 'text') el.select();
}
