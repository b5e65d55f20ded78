import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ProcedureDetail } from '../../../shared/api/contract';
import { DOCUMENT_FORMS, type DocumentForm } from '../../../shared/catalogue/schema';
import { t } from '../../../shared/messages/vi';
import {
  evaluateChecklist,
  requirementText,
  verdictMessages,
  visibleItems,
  type ChecklistAnswers,
  type ChecklistResult,
  type MissingItem,
  type PresentedItem,
} from '../../../shared/reception/checklist';
import { Kbd, isTypingTarget } from './controls';
import { cycleForm, presentedDefault, withCount, withForm } from './model';
import { ErrorLine } from '../../ui/ErrorLine';

/** One line of the checklist table, in catalogue order. Questions and items take the keyboard; group headings do not. */
type Entry =
  | { type: 'question'; key: string; question: string }
  | { type: 'group'; key: string; group: string }
  | { type: 'item'; key: string; index: number; group?: string };

/**
 * The rows to show: every conditional question (answered or not, so an answer can be changed)
 * where its first item stands, the items `visibleItems` says apply, and each alternative group
 * as a heading followed by its members. What applies is decided by shared/reception/checklist.
 */
function entriesOf(procedure: ProcedureDetail, answers: ChecklistAnswers): Entry[] {
  const view = visibleItems(procedure, answers);
  const visible = new Set(view.items.map((i) => i.index));
  const out: Entry[] = [];
  const askedQuestions = new Set<string>();
  const shownGroups = new Set<string>();
  procedure.documents.forEach((d, index) => {
    if (d.kind === 'conditional') {
      const q = d.condition ?? '';
      if (!askedQuestions.has(q)) {
        askedQuestions.add(q);
        out.push({ type: 'question', key: `q:${q}`, question: q });
      }
      if (visible.has(index)) out.push({ type: 'item', key: `i:${index}`, index });
      return;
    }
    if (d.kind === 'alternative') {
      const row = view.rows.find((r) => r.kind === 'group' && r.group === (d.group ?? ''));
      if (!row || row.kind !== 'group' || shownGroups.has(row.group)) return;
      shownGroups.add(row.group);
      out.push({ type: 'group', key: `g:${row.group}`, group: row.group });
      for (const m of row.items) out.push({ type: 'item', key: `i:${m.index}`, index: m.index, group: row.group });
      return;
    }
    if (visible.has(index)) out.push({ type: 'item', key: `i:${index}`, index });
  });
  return out;
}

type RowStatus = 'ok' | 'missing' | 'wrong_form' | 'too_few' | 'optional' | 'group_ok';

function rowStatus(index: number, result: ChecklistResult, optional: boolean, inSatisfiedGroup: boolean): RowStatus {
  if (result.satisfied.includes(index)) return 'ok';
  const m = result.missing.find((x): x is Extract<MissingItem, { kind: 'item' }> => x.kind === 'item' && x.index === index);
  if (m) return m.reason === 'not_presented' ? 'missing' : m.reason;
  if (optional) return 'optional';
  if (inSatisfiedGroup) return 'group_ok';
  return 'missing';
}

const STATUS_TEXT: Record<RowStatus, Parameters<typeof t>[0]> = {
  ok: 'recv.row.ok',
  missing: 'recv.row.missing',
  wrong_form: 'recv.row.wrongForm',
  too_few: 'recv.row.tooFew',
  optional: 'recv.row.optional',
  group_ok: 'recv.row.groupOk',
};

interface ChecklistStepProps {
  procedure: ProcedureDetail;
  answers: ChecklistAnswers;
  onAnswers: (update: (a: ChecklistAnswers) => ChecklistAnswers) => void;
  /** Row under the keyboard cursor, kept by the screen across steps. */
  cursor: string | null;
  onCursor: (key: string) => void;
  onNext: () => void;
  onGuidance: () => void;
  guidanceBusy: boolean;
  guidanceError: string | null;
}

/** Step 2: count the documents with the citizen; the verdict follows every key. */
export function ChecklistStep({ procedure, answers, onAnswers, cursor, onCursor, onNext, onGuidance, guidanceBusy, guidanceError }: ChecklistStepProps) {
  const entries = useMemo(() => entriesOf(procedure, answers), [procedure, answers]);
  const result = useMemo(() => evaluateChecklist(procedure, answers), [procedure, answers]);
  const messages = useMemo(() => verdictMessages(result), [result]);
  const focusable = useMemo(() => entries.filter((e) => e.type !== 'group'), [entries]);
  const pos = Math.max(0, focusable.findIndex((e) => e.key === cursor));
  const current = focusable[pos];
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const satisfiedGroups = new Set(
    entries.filter((e): e is Extract<Entry, { type: 'item' }> => e.type === 'item' && !!e.group && result.satisfied.includes(e.index)).map((e) => e.group as string),
  );

  /**
   * The newest answers and cursor, updated synchronously by the key handler: keys can arrive faster
   * than React renders (the wedge-scanner detector replays a quick burst of keys in one go), and
   * each key must act on the state the previous one left.
   */
  const live = useRef({ answers, cursor: current?.key ?? null });
  live.current.answers = answers;
  if (current) live.current.cursor = current.key;

  // keep the cursor on a row that exists, and the focus on the cursor's row
  useEffect(() => {
    if (current && current.key !== cursor) onCursor(current.key);
  }, [current, cursor, onCursor]);
  const currentKey = current?.key;
  useEffect(() => {
    if (!currentKey) return;
    const el = rows.current.get(currentKey);
    if (el && !el.contains(document.activeElement)) el.focus();
  }, [currentKey]);

  const commit = (next: ChecklistAnswers) => {
    live.current.answers = next;
    onAnswers(() => next);
  };
  const withItem = (a: ChecklistAnswers, index: number, f: (p: PresentedItem) => PresentedItem): ChecklistAnswers => {
    const before = a.items[index] ?? { ...presentedDefault(procedure.documents[index]), presented: false };
    return { ...a, items: { ...a.items, [index]: f(before) } };
  };
  const toggled = (index: number) => (p: PresentedItem): PresentedItem =>
    p.presented ? { ...p, presented: false } : { ...(p.originals + p.copies > 0 ? p : presentedDefault(procedure.documents[index])), presented: true };
  // mouse and form controls: functional updates on the newest state
  const setItem = (index: number, f: (p: PresentedItem) => PresentedItem) => onAnswers((a) => withItem(a, index, f));
  const toggle = (index: number) => setItem(index, toggled(index));
  const answer = (question: string, yes: boolean) => onAnswers((a) => ({ ...a, conditions: { ...a.conditions, [question]: yes } }));

  /** The row `delta` rows from `fromKey` in the rows that `a` shows. */
  const rowFrom = (a: ChecklistAnswers, fromKey: string | null, delta: number): string | null => {
    const list = entriesOf(procedure, a).filter((e) => e.type !== 'group');
    const i = Math.max(0, list.findIndex((e) => e.key === fromKey));
    return list[Math.min(list.length - 1, Math.max(0, i + delta))]?.key ?? null;
  };
  const moveTo = (key: string | null) => {
    if (!key) return;
    live.current.cursor = key;
    onCursor(key);
  };

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.ctrlKey || e.altKey || e.metaKey || isTypingTarget(e.target)) return;
    const a = live.current.answers;
    const at = entriesOf(procedure, a).find((x) => x.key === live.current.cursor && x.type !== 'group');
    if (!at) return;
    const key = e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      e.preventDefault();
      moveTo(rowFrom(a, at.key, key === 'ArrowDown' ? 1 : -1));
      return;
    }
    if (key === 'Enter') {
      if (e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      if (evaluateChecklist(procedure, a).complete) onNext();
      else moveTo(rowFrom(a, at.key, 1));
      return;
    }
    if (at.type === 'question') {
      const k = key.toLowerCase();
      if (k === 'y' || k === 'c' || k === 'n' || k === 'k') {
        e.preventDefault();
        const next = { ...a, conditions: { ...a.conditions, [at.question]: k === 'y' || k === 'c' } };
        commit(next);
        // the next row: an item the "yes" just revealed, or the next question
        moveTo(rowFrom(next, at.key, 1));
      }
      return;
    }
    if (at.type !== 'item') return;
    const index = at.index;
    if (key === ' ' || key === 'Spacebar') {
      if (e.target instanceof HTMLInputElement && e.target.type === 'checkbox') return; // the checkbox toggles itself
      e.preventDefault();
      commit(withItem(a, index, toggled(index)));
    } else if (/^[0-9]$/.test(key)) {
      e.preventDefault();
      commit(withItem(a, index, (p) => withCount({ ...(p.presented ? p : presentedDefault(procedure.documents[index])), presented: true }, Number(key))));
    } else if (key === 'f' || key === 'F') {
      e.preventDefault();
      commit(withItem(a, index, (p) => cycleForm({ ...p, presented: true })));
    }
  }

  const pendingOnly = !result.complete && result.missing.length === 0;
  const canGuide = !result.complete && result.missing.length > 0 && result.pendingQuestions.length === 0;

  return (
    <div className="rx-checklist-layout">
      <section className="rx-panel" aria-labelledby="rx-checklist-title">
        <h2 id="rx-checklist-title">{t('recv.checklist.title')}</h2>
        <p className="muted small rx-keys">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> {t('recv.keys.move')} · <Kbd>{t('recv.keys.spaceKey')}</Kbd> {t('recv.keys.toggle')} · <Kbd>0</Kbd>–<Kbd>9</Kbd> {t('recv.keys.count')} ·{' '}
          <Kbd>F</Kbd> {t('recv.keys.form')} · <Kbd>Y</Kbd>/<Kbd>N</Kbd> {t('recv.keys.answer')} · <Kbd>Enter</Kbd> {t('recv.keys.enter')} · <Kbd>F9</Kbd>{' '}
          {t('recv.keys.guidance')}
        </p>
        {procedure.documents.length === 0 ? (
          <p className="muted">{t('procedure.noDocuments')}</p>
        ) : (
          <table className="checklist rx-checklist" data-testid="reception-checklist" onKeyDown={onKeyDown}>
            <colgroup>
              <col className="rx-col-no" />
              <col className="rx-col-check" />
              <col />
              <col className="rx-col-form" />
              <col className="rx-col-count" />
              <col className="rx-col-count" />
              <col className="rx-col-status" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('recv.col.received')}</th>
                <th scope="col">{t('procedure.docName')}</th>
                <th scope="col">{t('procedure.docForm')}</th>
                <th scope="col">{t('recv.col.originals')}</th>
                <th scope="col">{t('recv.col.copies')}</th>
                <th scope="col">{t('recv.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const isCurrent = current?.key === entry.key;
                const ref = (el: HTMLTableRowElement | null) => {
                  if (el) rows.current.set(entry.key, el);
                  else rows.current.delete(entry.key);
                };
                if (entry.type === 'group')
                  return (
                    <tr key={entry.key} className="rx-group-head">
                      <td />
                      <td colSpan={6}>
                        <strong>{t('recv.checklist.chooseOne')}</strong> {entry.group}
                        {satisfiedGroups.has(entry.group) && <span className="rx-badge ok">{t('recv.row.groupDone')}</span>}
                      </td>
                    </tr>
                  );
                if (entry.type === 'question') {
                  const value = answers.conditions[entry.question];
                  return (
                    <tr
                      key={entry.key}
                      ref={ref}
                      tabIndex={isCurrent ? 0 : -1}
                      className={`rx-question${isCurrent ? ' current' : ''}${value === undefined ? ' pending' : ''}`}
                      onFocus={() => !isCurrent && onCursor(entry.key)}
                    >
                      <td aria-hidden="true">?</td>
                      <td colSpan={6}>
                        <div role="radiogroup" aria-label={entry.question} className="rx-question-body">
                          <span className="rx-question-text">{entry.question}</span>
                          <label className={value === true ? 'rx-answer chosen' : 'rx-answer'}>
                            <input type="radio" tabIndex={-1} aria-label={t('common.yes')} checked={value === true} onChange={() => answer(entry.question, true)} />
                            {t('common.yes')} <Kbd>Y</Kbd>
                          </label>
                          <label className={value === false ? 'rx-answer chosen' : 'rx-answer'}>
                            <input type="radio" tabIndex={-1} aria-label={t('common.no')} checked={value === false} onChange={() => answer(entry.question, false)} />
                            {t('common.no')} <Kbd>N</Kbd>
                          </label>
                          {value === undefined && <span className="rx-badge warn">{t('recv.checklist.ask')}</span>}
                        </div>
                      </td>
                    </tr>
                  );
                }
                const doc = procedure.documents[entry.index];
                const item = answers.items[entry.index];
                const presented = !!item?.presented;
                const status = rowStatus(entry.index, result, doc.kind === 'optional', !!entry.group && satisfiedGroups.has(entry.group));
                const no = entry.index + 1;
                return (
                  <tr
                    key={entry.key}
                    ref={ref}
                    tabIndex={isCurrent ? 0 : -1}
                    className={`rx-item rx-status-${status}${isCurrent ? ' current' : ''}${entry.group ? ' rx-in-group' : ''}`}
                    onFocus={() => !isCurrent && onCursor(entry.key)}
                  >
                    <td>{no}</td>
                    <td className="rx-check">
                      <input type="checkbox" tabIndex={-1} aria-label={doc.name} checked={presented} onChange={() => toggle(entry.index)} />
                    </td>
                    <td>
                      <div className="rx-doc-name">{doc.name}</div>
                      <div className="muted small">
                        {t('recv.checklist.requires', { requirement: requirementText(doc.form, doc.originals, doc.copies) })}
                        {doc.kind === 'optional' && ` · ${t('kind.optional')}`}
                        {doc.templateCode && ` · ${t('procedure.template', { code: doc.templateCode })}`}
                      </div>
                      {doc.note && <div className="muted small">{doc.note}</div>}
                      {presented && (
                        <input
                          className="rx-note"
                          type="text"
                          maxLength={300}
                          aria-label={t('recv.checklist.noteLabel', { n: no })}
                          placeholder={t('recv.checklist.notePlaceholder')}
                          value={item?.note ?? ''}
                          onChange={(e) => {
                            const note = e.target.value;
                            setItem(entry.index, (p) => ({ ...p, note }));
                          }}
                        />
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={t('recv.checklist.formLabel', { n: no })}
                        value={item?.form ?? doc.form}
                        disabled={!presented}
                        tabIndex={presented ? 0 : -1}
                        onChange={(e) => setItem(entry.index, (p) => withForm(p, e.target.value as DocumentForm))}
                      >
                        {DOCUMENT_FORMS.map((f) => (
                          <option key={f} value={f}>
                            {t(`form.${f}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <CountInput
                        label={t('recv.checklist.originalsLabel', { n: no })}
                        value={item?.originals}
                        presented={presented}
                        onChange={(n) => setItem(entry.index, (p) => ({ ...p, originals: n }))}
                      />
                    </td>
                    <td>
                      <CountInput
                        label={t('recv.checklist.copiesLabel', { n: no })}
                        value={item?.copies}
                        presented={presented}
                        onChange={(n) => setItem(entry.index, (p) => ({ ...p, copies: n }))}
                      />
                    </td>
                    <td>
                      <span className={`rx-badge ${status === 'ok' || status === 'group_ok' ? 'ok' : status === 'optional' ? '' : 'bad'}`}>{t(STATUS_TEXT[status])}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <aside className="rx-side">
        <section
          className={`rx-verdict ${result.complete ? 'complete' : pendingOnly ? 'pending' : 'incomplete'}`}
          data-testid="verdict"
          aria-live="polite"
          aria-labelledby="rx-verdict-title"
        >
          <h2 id="rx-verdict-title">{result.complete ? t('recv.verdict.complete') : pendingOnly ? t('recv.verdict.pending') : t('recv.verdict.incomplete')}</h2>
          <ul>
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </section>
        <div className="rx-actions rx-actions-column">
          <button type="button" className="primary" disabled={!result.complete} onClick={onNext}>
            {t('recv.next')} (Enter)
          </button>
          {!result.complete && (
            <button type="button" disabled={!canGuide || guidanceBusy} onClick={onGuidance}>
              {t('recv.guidance.print')} (F9)
            </button>
          )}
          {!result.complete && result.pendingQuestions.length > 0 && result.missing.length > 0 && <p className="muted small">{t('recv.guidance.askFirst')}</p>}
          <ErrorLine error={guidanceError} />
        </div>
      </aside>
    </div>
  );
}

/** A row's count of originals or of copies (0–99): blank and out of the tab order while the document is not presented. */
function CountInput({ label, value, presented, onChange }: { label: string; value: number | undefined; presented: boolean; onChange: (n: number) => void }) {
  return (
    <input
      className="rx-count"
      type="number"
      min={0}
      max={99}
      aria-label={label}
      value={presented ? (value ?? 0) : ''}
      disabled={!presented}
      tabIndex={presented ? 0 : -1}
      onChange={(e) => onChange(clampCount(e.target.value))}
    />
  );
}

function clampCount(v: string): number {
  const n = Math.floor(Number(v));
  return Number.isFinite(n) ? Math.min(99, Math.max(0, n)) : 0;
}
