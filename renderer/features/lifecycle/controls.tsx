import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import type { FilePayload } from '../../../shared/api/contract';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import { errorMessage } from '../../app/errors';
import { FileButton } from '../../ui/FileButton';
import { useFocusTrap } from '../../ui/useFocusTrap';
import { A4Preview } from '../printing/A4Preview';
import { ReceptionFieldFrame } from '../reception/controls';
import './lifecycle.css';
import { ErrorLine } from '../../ui/ErrorLine';

/** What a screen tells the clerk after an action: an error is an alert, the rest a status. */
export interface Note {
  tone: 'ok' | 'warn' | 'error';
  text: string;
  /** A new number per note, so the same error twice is announced twice. */
  seq: number;
}

let seq = 0;
export const note = (tone: Note['tone'], text: string): Note => ({ tone, text, seq: ++seq });

export function NoteLine({ value, id, big }: { value: Note | null; id?: string; big?: boolean }) {
  if (!value) return <p id={id} className="lc-note-empty" />;
  const cls = `lc-note lc-note-${value.tone}${big ? ' lc-note-big' : ''}`;
  return (
    <p key={value.seq} id={id} className={cls} role={value.tone === 'error' ? 'alert' : 'status'} data-tone={value.tone}>
      {value.text}
    </p>
  );
}

/**
 * The big scan field: focused, Enter submits what was typed (scans arrive through `useScans`),
 * the answer beside it. The caller clears and refocuses it after each scan.
 */
export function ScanField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit: (text: string) => void;
  inputRef: Ref<HTMLInputElement>;
  note: Note | null;
  hint?: ReactNode;
  busy?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric';
  submitLabel?: string;
}) {
  const id = useId();
  return (
    <form
      className="lc-scan"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(props.value);
      }}
    >
      <label htmlFor={id} className="lc-scan-label">
        {props.label}
      </label>
      <div className="lc-scan-row">
        <input
          id={id}
          ref={props.inputRef}
          className="lc-scan-input"
          value={props.value}
          autoFocus={props.autoFocus ?? true}
          autoComplete="off"
          spellCheck={false}
          inputMode={props.inputMode}
          disabled={props.disabled}
          aria-describedby={`${id}-note`}
          aria-busy={props.busy || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <button type="submit" className="primary" disabled={props.disabled}>
          {props.submitLabel ?? t('ui.lc.scanSubmit')}
        </button>
      </div>
      {props.hint && <p className="muted small lc-scan-hint">{props.hint}</p>}
      <NoteLine value={props.note} id={`${id}-note`} big />
    </form>
  );
}

/** A dialog: Esc closes it, the first field (or button) has the focus, Tab stays inside, the focus goes back after. */
export function Dialog({ title, onClose, children, wide, returnFocus }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; returnFocus?: () => void }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const back = useRef(returnFocus);
  back.current = returnFocus;
  useFocusTrap(box);
  useEffect(() => {
    // on the window: the focus may have left the dialog (a button that went away) and Esc must still close it
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus], input:not([type="hidden"]), textarea, select, .lc-dialog-body button');
    (first ?? box.current)?.focus();
    return () => {
      if (back.current) setTimeout(back.current, 0);
      else if (before?.isConnected) setTimeout(() => before.focus(), 0);
    };
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        tabIndex={-1}
        className={`modal lc-dialog${wide ? ' lc-dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <div className="lc-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="link" onClick={onClose}>
            {t('common.close')} (Esc)
          </button>
        </div>
        <div className="lc-dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** Downloads a PDF the host renders; the button says so while it is made. */
export function PdfButton({ load, label, className }: { load: () => Promise<FilePayload>; label?: string; className?: string }) {
  return <FileButton load={load} label={label ?? t('ui.lc.pdf')} busyLabel={t('ui.lc.pdfBusy')} className={className} />;
}

/** An A4 document (manifest, delivery list, agency letter) on screen, with its PDF. */
export function A4View({ load, pdf }: { load: () => Promise<A4Document>; pdf?: () => Promise<FilePayload> }) {
  const [doc, setDoc] = useState<A4Document | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setDoc(d),
      (err) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return (
    <div className="lc-a4">
      {pdf && (
        <div className="rx-actions">
          <PdfButton load={pdf} />
        </div>
      )}
      <ErrorLine error={error} />
      {!doc && !error && <p className="muted small">{t('app.loading')}</p>}
      {doc && <A4Preview doc={doc} />}
    </div>
  );
}

export function A4Dialog({ title, load, pdf, onClose, returnFocus }: { title: string; load: () => Promise<A4Document>; pdf?: () => Promise<FilePayload>; onClose: () => void; returnFocus?: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} wide returnFocus={returnFocus}>
      <A4View load={load} pdf={pdf} />
    </Dialog>
  );
}

/** The status as the host words it; overdue in red. */
export function StatusBadge({ dossier }: { dossier: Pick<DossierSummary, 'statusLabel' | 'overdue' | 'status'> }) {
  return (
    <span className="lc-status" data-status={dossier.status}>
      <span className="rx-badge pending">{dossier.statusLabel}</span>
      {dossier.overdue && <span className="rx-badge bad">{t('ui.lc.overdue')}</span>}
    </span>
  );
}

/** A labelled multi-line field, framed like the reception fields. */
export function TextAreaField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  rows = 3,
  maxLength,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <ReceptionFieldFrame label={label} error={error} hint={hint} required={required}>
      {(control) => <textarea {...control} data-field={name} value={value} rows={rows} maxLength={maxLength} required={required} onChange={(e) => onChange(e.target.value)} />}
    </ReceptionFieldFrame>
  );
}

/** Tabs (ARIA tablist): ←/→ move between them (the focus stays on the tabs; a click may move it into the panel). Each panel is `<TabPanel idBase id>`. */
export function Tabs<T extends string>({ tabs, current, onChange, label, idBase }: { tabs: { id: T; label: string }[]; current: T; onChange: (id: T, clicked: boolean) => void; label: string; idBase: string }) {
  return (
    <div role="tablist" aria-label={label} className="lc-tabs">
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idBase}-tab-${tab.id}`}
          aria-controls={`${idBase}-panel-${tab.id}`}
          aria-selected={tab.id === current}
          tabIndex={tab.id === current ? 0 : -1}
          className={tab.id === current ? 'lc-tab active' : 'lc-tab'}
          onClick={() => onChange(tab.id, true)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            e.preventDefault();
            const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
            onChange(next.id, false);
            (e.currentTarget.parentElement?.querySelector(`[id="${idBase}-tab-${next.id}"]`) as HTMLElement | null)?.focus();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel; kept mounted while hidden, so what was typed or scanned there stays. */
export function TabPanel({ idBase, id, current, children }: { idBase: string; id: string; current: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idBase}-panel-${id}`} aria-labelledby={`${idBase}-tab-${id}`} hidden={id !== current} className="lc-tabpanel">
      {children}
    </div>
  );
}
