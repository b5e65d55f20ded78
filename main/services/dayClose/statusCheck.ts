import type { Db } from '../../db/database';
import { DOSSIER_STATES, deriveState, type DossierState, type LifecycleEventInput } from '../../../shared/dossier/lifecycle';

/** How many dossiers `db check` names when their stored status is not what their history gives. */
const STATUS_SHOWN = 20;

export interface DossierStatusCheck {
  /** Dossiers compared. */
  dossiers: number;
  /** Dossiers whose stored status differs from the fold of their events (or with no valid history). */
  mismatches: number;
  /** The codes of the first STATUS_SHOWN of them, by id. */
  codes: string[];
}

const NO_HISTORY = 0;
const REFUSED = 255;
const STATE_CODE = new Map<DossierState, number>(DOSSIER_STATES.map((s, i) => [s, i + 1]));

function payload(detail: string | null): object {
  if (!detail) return {};
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * Re-derives every dossier's status from its history with the lifecycle's own fold (`deriveState`,
 * each event's detail spread into it as the services wrote it) and compares it with
 * `dossier.status`. One ordered pass over the events, streamed (dossier_event_dossier index, no
 * sort): the derived states are kept one byte per dossier id, so ten million events and two
 * million dossiers take seconds and a few megabytes. A dossier with no history, or a history the
 * lifecycle refuses, counts as differing.
 */
export function verifyDossierStatus(db: Db): DossierStatusCheck {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossier_event'").get()) return { dossiers: 0, mismatches: 0, codes: [] };
  const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM dossier').pluck().get() as number;
  // Dense ids (rowids as SQLite hands them out): a byte array; anything else: a map.
  const dense = maxId <= 64_000_000 ? new Uint8Array(maxId + 1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const set = (id: number, code: number) => (dense ? id <= maxId && (dense[id] = code) : sparse?.set(id, code));
  const get = (id: number) => (dense ? (dense[id] ?? NO_HISTORY) : (sparse?.get(id) ?? NO_HISTORY));

  let current: number | null = null;
  let events: LifecycleEventInput[] = [];
  const fold = () => {
    if (current === null) return;
    const r = deriveState(events);
    set(current, r.ok ? (STATE_CODE.get(r.state) ?? REFUSED) : REFUSED);
  };
  const history = db.prepare('SELECT dossier_id, type, detail FROM dossier_event ORDER BY dossier_id, id').raw(true);
  for (const [dossierId, type, detail] of history.iterate() as IterableIterator<[number, string, string | null]>) {
    if (dossierId !== current) {
      fold();
      current = dossierId;
      events = [];
    }
    events.push({ type, ...payload(detail) });
  }
  fold();

  // Stored statuses read off the (status, status_at) index; the STATUS_SHOWN smallest ids kept.
  let dossiers = 0;
  let mismatches = 0;
  let first: number[] = [];
  for (const [id, status] of db.prepare('SELECT id, status FROM dossier').raw(true).iterate() as IterableIterator<[number, string]>) {
    dossiers += 1;
    const code = get(id);
    if (code !== NO_HISTORY && code !== REFUSED && DOSSIER_STATES[code - 1] === status) continue;
    mismatches += 1;
    first.push(id);
    if (first.length >= 10 * STATUS_SHOWN) first = first.sort((a, b) => a - b).slice(0, STATUS_SHOWN);
  }
  first = first.sort((a, b) => a - b).slice(0, STATUS_SHOWN);
  const codeOf = db.prepare('SELECT code FROM dossier WHERE id = ?').pluck();
  return { dossiers, mismatches, codes: first.map((id) => codeOf.get(id) as string) };
}
