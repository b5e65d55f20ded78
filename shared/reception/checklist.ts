import type { DocumentForm, Procedure, RequiredDocument } from '../catalogue/schema';
import { t, type MessageKey } from '../messages/vi';

/**
 * The guided reception checklist for one procedure: which documents the clerk must see (after
 * asking the conditional questions), whether what the citizen handed over satisfies them, and
 * the Vietnamese text for the verdict and the supplement slip (phiếu hướng dẫn bổ sung hồ sơ).
 *
 * Pure: no I/O, no clock. Rules chosen here (see also the test file):
 *
 * - **Conditional** items are visible only when their question is answered yes; an unanswered
 *   question is "pending": the clerk must ask it before the verdict can be "complete". The same
 *   question text shared by several items is asked once.
 * - **Alternative** groups (items sharing `group`): the catalogue says "exactly one must be
 *   satisfied". We read it as "one is *needed*": at least one satisfied member satisfies the
 *   group; two or more satisfied is not an error (extra papers travel with the dossier) but is
 *   reported in `extraAlternatives` so the clerk can hand the extra paper back. When no member is
 *   satisfied, one `{ kind: 'group' }` entry is reported, followed by an item entry (with
 *   `group` set) for each member that was presented but fails (wrong form / too few), so the
 *   citizen learns why the paper they brought does not count.
 * - **Optional** items never make a dossier incomplete.
 * - **Forms** — what the clerk may accept for each required form (`acceptsForm`):
 *   - `original` → only an original;
 *   - `certified_copy` → only a certified copy. An original is *refused* (wrong_form with a hint):
 *     the dossier is sent away and agencies keep what they receive, and citizens' fear of losing
 *     originals is the main reason they avoid the post;
 *   - `copy` → a copy, a certified copy or a copy compared with the original (all are copies);
 *     an original is refused for the same reason as above;
 *   - `copy_with_original` → a copy the clerk compared with the original shown at the counter
 *     (recorded as `copy_with_original`: the clerk writes "đã đối chiếu bản chính"; the
 *     original goes home with the citizen), or a certified copy. A plain copy is wrong_form
 *     (with a hint: show the original or bring a certified copy); an original is refused.
 * - **Counts**: presented originals ≥ required originals and presented copies ≥ required copies.
 * - One reason per item, in this order: not_presented, wrong_form, too_few.
 * - Items hidden by a "no" answer (or still pending) are ignored even when the answers still
 *   hold a record for them (the clerk changed an answer): they are neither missing nor received.
 */

export interface PresentedItem {
  presented: boolean;
  /** The form of what the citizen handed over. */
  form: DocumentForm;
  originals: number;
  copies: number;
  note?: string;
}

export interface ChecklistAnswers {
  /** Keyed by the exact question text of the catalogue (`RequiredDocument.condition`). */
  conditions: Record<string, boolean | undefined>;
  /** Keyed by the document's index in `procedure.documents`. */
  items: Record<number, PresentedItem | undefined>;
}

export interface VisibleItem {
  /** Index in `procedure.documents`. */
  index: number;
  document: RequiredDocument;
  /** Set for alternative items. */
  group?: string;
}

export type ChecklistRow = { kind: 'item'; item: VisibleItem } | { kind: 'group'; group: string; items: VisibleItem[] };

export interface ChecklistView {
  /** What the clerk checks, in catalogue order; an alternative group's members follow each other. */
  items: VisibleItem[];
  /** The same, with each alternative group as one row (shown together), in the group's first position. */
  rows: ChecklistRow[];
  /** Questions not answered yet, in catalogue order, each once. */
  pendingQuestions: string[];
  /** Indexes of conditional items hidden by a "no" answer. */
  hidden: number[];
  /** Indexes of conditional items whose question is still pending. */
  pending: number[];
}

export type MissingReason = 'not_presented' | 'wrong_form' | 'too_few';

/**
 * Why a wrong form is refused, for the clerk and the citizen:
 * - `original_sent_away`: an original was presented where a copy is required — it would be sent away;
 * - `compare_with_original`: a plain copy where a copy compared with the original is required.
 */
export type MissingHint = 'original_sent_away' | 'compare_with_original';

export interface MissingDocument {
  kind: 'item';
  index: number;
  name: string;
  requiredForm: DocumentForm;
  requiredOriginals: number;
  requiredCopies: number;
  reason: MissingReason;
  /** For wrong_form / too_few: the form recorded. */
  presentedForm?: DocumentForm;
  /** For wrong_form / too_few: the counts recorded. */
  presented?: { originals: number; copies: number };
  /** Set when the item is a member of an alternative group that is not satisfied. */
  group?: string;
  hint?: MissingHint;
}

export interface MissingGroup {
  kind: 'group';
  group: string;
  /** Names of the members, in catalogue order. */
  options: string[];
  indexes: number[];
}

export type MissingItem = MissingDocument | MissingGroup;

export interface ExtraAlternatives {
  group: string;
  /** The members that are satisfied (two or more; one is enough). */
  satisfied: { index: number; name: string }[];
}

export interface ChecklistResult {
  /** No pending question and nothing missing. */
  complete: boolean;
  pendingQuestions: string[];
  /** In catalogue order; a group entry stands where its first member is. */
  missing: MissingItem[];
  /** Groups with more than one satisfied member (a warning, not a failure). */
  extraAlternatives: ExtraAlternatives[];
  /** Indexes of the visible items that are satisfied. */
  satisfied: number[];
}

const asCount = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/** Whether a presented form satisfies a required form (the rules are in the module comment). */
export function acceptsForm(required: DocumentForm, presented: DocumentForm): boolean {
  switch (required) {
    case 'original':
      return presented === 'original';
    case 'certified_copy':
      return presented === 'certified_copy';
    case 'copy':
      return presented === 'copy' || presented === 'certified_copy' || presented === 'copy_with_original';
    case 'copy_with_original':
      return presented === 'copy_with_original' || presented === 'certified_copy';
  }
}

function wrongFormHint(required: DocumentForm, presented: DocumentForm): MissingHint | undefined {
  if (required !== 'original' && presented === 'original') return 'original_sent_away';
  if (required === 'copy_with_original' && presented === 'copy') return 'compare_with_original';
  return undefined;
}

/** Which items the clerk checks now, and which questions must be asked first. */
export function visibleItems(procedure: Procedure, answers: ChecklistAnswers): ChecklistView {
  const items: VisibleItem[] = [];
  const rows: ChecklistRow[] = [];
  const pendingQuestions: string[] = [];
  const hidden: number[] = [];
  const pending: number[] = [];
  const emittedGroups = new Set<string>();
  const docs = procedure.documents;

  docs.forEach((document, index) => {
    if (document.kind === 'conditional') {
      const question = document.condition ?? '';
      const answer = answers.conditions[question];
      if (answer === true) {
        const item = { index, document };
        items.push(item);
        rows.push({ kind: 'item', item });
      } else if (answer === false) {
        hidden.push(index);
      } else {
        pending.push(index);
        if (!pendingQuestions.includes(question)) pendingQuestions.push(question);
      }
      return;
    }
    if (document.kind === 'alternative') {
      const group = document.group ?? '';
      if (emittedGroups.has(group)) return;
      emittedGroups.add(group);
      const members: VisibleItem[] = [];
      docs.forEach((d, i) => {
        if (d.kind === 'alternative' && (d.group ?? '') === group) members.push({ index: i, document: d, group });
      });
      items.push(...members);
      rows.push({ kind: 'group', group, items: members });
      return;
    }
    const item = { index, document };
    items.push(item);
    rows.push({ kind: 'item', item });
  });

  return { items, rows, pendingQuestions, hidden, pending };
}

/** The problem with one item, or null when it is satisfied. */
function checkItem(index: number, doc: RequiredDocument, presented: PresentedItem | undefined): MissingDocument | null {
  const base = {
    kind: 'item' as const,
    index,
    name: doc.name,
    requiredForm: doc.form,
    requiredOriginals: doc.originals,
    requiredCopies: doc.copies,
  };
  if (!presented || !presented.presented) return { ...base, reason: 'not_presented' };
  const counts = { originals: asCount(presented.originals), copies: asCount(presented.copies) };
  if (!acceptsForm(doc.form, presented.form)) {
    const hint = wrongFormHint(doc.form, presented.form);
    return { ...base, reason: 'wrong_form', presentedForm: presented.form, presented: counts, ...(hint ? { hint } : {}) };
  }
  if (counts.originals < doc.originals || counts.copies < doc.copies) {
    return { ...base, reason: 'too_few', presentedForm: presented.form, presented: counts };
  }
  return null;
}

/** Checks what was presented against the visible items. */
export function evaluateChecklist(procedure: Procedure, answers: ChecklistAnswers): ChecklistResult {
  const view = visibleItems(procedure, answers);
  const missing: MissingItem[] = [];
  const extraAlternatives: ExtraAlternatives[] = [];
  const satisfied: number[] = [];

  for (const row of view.rows) {
    if (row.kind === 'item') {
      const { index, document } = row.item;
      const problem = checkItem(index, document, answers.items[index]);
      if (!problem) satisfied.push(index);
      else if (document.kind !== 'optional') missing.push(problem);
      continue;
    }
    const checks = row.items.map((m) => ({ member: m, problem: checkItem(m.index, m.document, answers.items[m.index]) }));
    const ok = checks.filter((c) => c.problem === null);
    satisfied.push(...ok.map((c) => c.member.index));
    if (ok.length === 0) {
      missing.push({ kind: 'group', group: row.group, options: row.items.map((m) => m.document.name), indexes: row.items.map((m) => m.index) });
      for (const c of checks) {
        if (c.problem && c.problem.reason !== 'not_presented') missing.push({ ...c.problem, group: row.group });
      }
    } else if (ok.length > 1) {
      extraAlternatives.push({ group: row.group, satisfied: ok.map((c) => ({ index: c.member.index, name: c.member.document.name })) });
    }
  }

  satisfied.sort((a, b) => a - b);
  return {
    complete: view.pendingQuestions.length === 0 && missing.length === 0,
    pendingQuestions: view.pendingQuestions,
    missing,
    extraAlternatives,
    satisfied,
  };
}

// ── Vietnamese text ──

const FORM_KEY: Record<DocumentForm, MessageKey> = {
  original: 'reception.form.original',
  certified_copy: 'reception.form.certified_copy',
  copy: 'reception.form.copy',
  copy_with_original: 'reception.form.copy_with_original',
};

const FORM_LABEL_KEY: Record<DocumentForm, MessageKey> = {
  original: 'form.original',
  certified_copy: 'form.certified_copy',
  copy: 'form.copy',
  copy_with_original: 'form.copy_with_original',
};

/** "bản chính", "bản sao chứng thực"… (lower case, for inside a sentence). */
export function formText(form: DocumentForm): string {
  return t(FORM_KEY[form]);
}

/** What is required, inside a sentence: "bản chính, 1 bản"; "1 bản chính, 1 bản sao"; "bản sao chứng thực: 1 bản chính, 2 bản sao". */
export function requirementText(form: DocumentForm, originals: number, copies: number): string {
  if (originals > 0 && copies > 0) {
    const counts = t('reception.qty.both', { originals, copies });
    return form === 'original' ? counts : t('reception.qty.formWithBoth', { form: formText(form), counts });
  }
  return t('reception.qty.single', { form: formText(form), n: originals > 0 ? originals : copies });
}

/** Counts for a too-few message, in the categories the catalogue requires: "1 bản chính, 2 bản sao". */
function countsText(requiredOriginals: number, requiredCopies: number, originals: number, copies: number): string {
  const parts: string[] = [];
  if (requiredOriginals > 0 || requiredCopies === 0) parts.push(t('reception.qty.originals', { n: originals }));
  if (requiredCopies > 0) parts.push(t('reception.qty.copies', { n: copies }));
  return parts.join(', ');
}

function hintText(m: MissingDocument): string | undefined {
  if (m.hint === 'original_sent_away') return t('reception.hint.originalSentAway', { form: formText(m.requiredForm) });
  if (m.hint === 'compare_with_original') return t('reception.hint.compareWithOriginal');
  return undefined;
}

function withHint(line: string, m: MissingDocument): string {
  const hint = hintText(m);
  return hint ? t('reception.withHint', { line, hint }) : line;
}

/** One sentence for one missing entry. */
export function missingMessage(m: MissingItem): string {
  if (m.kind === 'group') return t('reception.verdict.missingGroup', { options: m.options.join(' / ') });
  switch (m.reason) {
    case 'not_presented':
      return t('reception.verdict.missing', { name: m.name, requirement: requirementText(m.requiredForm, m.requiredOriginals, m.requiredCopies) });
    case 'wrong_form':
      return withHint(
        t('reception.verdict.wrongForm', { name: m.name, required: formText(m.requiredForm), presented: formText(m.presentedForm ?? m.requiredForm) }),
        m,
      );
    case 'too_few': {
      const p = m.presented ?? { originals: 0, copies: 0 };
      return t('reception.verdict.tooFew', {
        name: m.name,
        required: countsText(m.requiredOriginals, m.requiredCopies, m.requiredOriginals, m.requiredCopies),
        presented: countsText(m.requiredOriginals, m.requiredCopies, p.originals, p.copies),
      });
    }
  }
}

/**
 * The verdict for the clerk, one line each: pending questions first ("Cần hỏi công dân: …"),
 * then one line per missing entry, then the extra-alternatives warnings. A complete dossier
 * gives one line saying so (followed by any warnings).
 */
export function verdictMessages(result: ChecklistResult): string[] {
  const lines: string[] = [];
  for (const q of result.pendingQuestions) lines.push(t('reception.verdict.pendingQuestion', { question: q }));
  for (const m of result.missing) lines.push(missingMessage(m));
  if (result.complete) lines.unshift(t('reception.verdict.complete'));
  for (const x of result.extraAlternatives) {
    lines.push(t('reception.verdict.extraAlternatives', { group: x.group, count: x.satisfied.length, names: x.satisfied.map((s) => s.name).join(' / ') }));
  }
  return lines;
}

export interface SupplementSlipLine {
  /** 1-based row number. */
  no: number;
  /** The document's name as published, or "Một trong các giấy tờ sau: A; B" for a group. */
  name: string;
  /** Required form, e.g. "Bản sao chứng thực". */
  form: string;
  /** "Bản chính: 1 - Bản sao: 0", as the national database writes it. */
  quantity: string;
  /** Why it is listed: not submitted, wrong form (with the hint), too few. */
  reason: string;
  /** The form template to fill in, when the catalogue names one. */
  templateCode?: string;
}

function quantityText(originals: number, copies: number): string {
  return t('reception.slip.quantity', { originals, copies });
}

function sameOrMixed(values: string[]): string {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : t('reception.slip.perDocument');
}

/**
 * Rows of the supplement slip (phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ): each missing entry
 * with its required form, quantity and reason. Pending questions are not on the slip: the clerk
 * asks them before printing it.
 */
export function supplementSlipLines(procedure: Procedure, result: ChecklistResult): SupplementSlipLine[] {
  return result.missing.map((m, i) => {
    const no = i + 1;
    if (m.kind === 'group') {
      const docs = m.indexes.map((ix) => procedure.documents[ix]).filter((d): d is RequiredDocument => d !== undefined);
      return {
        no,
        name: t('reception.slip.oneOf', { options: m.options.join('; ') }),
        form: sameOrMixed(docs.map((d) => t(FORM_LABEL_KEY[d.form]))),
        quantity: sameOrMixed(docs.map((d) => quantityText(d.originals, d.copies))),
        reason: t('reception.slip.reason.group', { group: m.group }),
      };
    }
    const doc = procedure.documents[m.index];
    let reason: string;
    if (m.reason === 'not_presented') reason = t('reception.slip.reason.notPresented');
    else if (m.reason === 'wrong_form') {
      const line = t('reception.slip.reason.wrongForm', { presented: formText(m.presentedForm ?? m.requiredForm) });
      const hint = hintText(m);
      reason = hint ? t('reception.withHint', { line, hint }) : line;
    } else {
      const p = m.presented ?? { originals: 0, copies: 0 };
      reason = t('reception.slip.reason.tooFew', { presented: countsText(m.requiredOriginals, m.requiredCopies, p.originals, p.copies) });
    }
    return {
      no,
      name: m.name,
      form: t(FORM_LABEL_KEY[m.requiredForm]),
      quantity: quantityText(m.requiredOriginals, m.requiredCopies),
      reason,
      ...(doc?.templateCode ? { templateCode: doc.templateCode } : {}),
    };
  });
}

export interface ReceivedItem {
  index: number;
  name: string;
  /** The form actually received. */
  form: DocumentForm;
  originals: number;
  copies: number;
  note?: string;
}

export interface DocumentCounts {
  originals: number;
  copies: number;
  items: ReceivedItem[];
}

/**
 * What was actually received, for the receipt and the handover manifest: every visible item
 * marked presented (satisfying or not — it travels with the dossier), with the recorded form and
 * counts. Items hidden by a "no" answer or still pending are left out.
 */
export function documentCounts(procedure: Procedure, answers: ChecklistAnswers): DocumentCounts {
  const view = visibleItems(procedure, answers);
  const items: ReceivedItem[] = [];
  for (const { index, document } of [...view.items].sort((a, b) => a.index - b.index)) {
    const p = answers.items[index];
    if (!p || !p.presented) continue;
    const originals = asCount(p.originals);
    const copies = asCount(p.copies);
    if (originals + copies === 0) continue;
    items.push({ index, name: document.name, form: p.form, originals, copies, ...(p.note ? { note: p.note } : {}) });
  }
  return {
    originals: items.reduce((s, i) => s + i.originals, 0),
    copies: items.reduce((s, i) => s + i.copies, 0),
    items,
  };
}
