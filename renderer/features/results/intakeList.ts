import type { DossierSummary } from '../../../shared/api/lifecycle';

/**
 * The running list of results taken in at the counter today, newest first. Each dossier is in the
 * list once and counted once: scanning it again moves it to the top as a warning ("đã nhận"),
 * without counting it again. Pure, for `useReducer`.
 */

export interface IntakeEntry {
  dossier: DossierSummary;
  /** Where the result goes next, as the host words it; null for the lines loaded at opening. */
  next: string | null;
  /** It counts in "Đã nhận N kết quả" (received today, here). */
  counted: boolean;
  /** The last scan of it was a repeat: shown as a warning. */
  repeat: boolean;
  /** ISO time of the last scan (or of the status, for the lines loaded at opening). */
  at: string;
}

export interface IntakeList {
  entries: IntakeEntry[];
  count: number;
}

export type IntakeAction =
  /** `results.today`: the results already taken in today (any order). */
  | { type: 'loaded'; dossiers: DossierSummary[] }
  /** `results.scan` answered. */
  | { type: 'scanned'; outcome: 'received' | 'already'; dossier: DossierSummary; next: string; at: string }
  /** `results.register`: a return-only result taken in. */
  | { type: 'registered'; dossier: DossierSummary; next: string | null; at: string };

export const emptyIntake: IntakeList = { entries: [], count: 0 };

function withCount(entries: IntakeEntry[]): IntakeList {
  return { entries, count: entries.filter((e) => e.counted).length };
}

export function intakeReducer(state: IntakeList, action: IntakeAction): IntakeList {
  switch (action.type) {
    case 'loaded': {
      const known = new Set(state.entries.map((e) => e.dossier.id));
      const added = action.dossiers
        .filter((d) => !known.has(d.id))
        .map((d): IntakeEntry => ({ dossier: d, next: null, counted: true, repeat: false, at: d.statusAt }));
      if (added.length === 0) return state;
      // scans that overtook the load stay on top; the loaded lines follow, newest first
      added.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return withCount([...state.entries, ...added]);
    }
    case 'scanned':
    case 'registered': {
      const before = state.entries.find((e) => e.dossier.id === action.dossier.id);
      const rest = state.entries.filter((e) => e.dossier.id !== action.dossier.id);
      const repeat = action.type === 'scanned' && action.outcome === 'already';
      const entry: IntakeEntry = {
        dossier: action.dossier,
        // a repeat keeps where the result was said to go; the host's words for a repeat are the warning's
        next: (repeat ? before?.next : null) ?? action.next ?? before?.next ?? null,
        // a repeat keeps whatever it counted before (a result taken in on another day does not count today)
        counted: repeat ? (before?.counted ?? false) : true,
        repeat,
        at: action.at,
      };
      return withCount([entry, ...rest]);
    }
  }
}
