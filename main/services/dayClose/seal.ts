import { createHash } from 'node:crypto';
import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';

/**
 * The seal of a closed day: sha256 digests of a canonical serialization of the day's ledger lines,
 * dossier events, guidance slips and counts, chained to the previous close's hash, and of the Z
 * report stored with the close (what every reprint and export shows). The close stores the four
 * row digests and the hash; `db check` recomputes them from the rows and the stored report, so a row
 * or the report changed behind the app's back (sqlite3 with the triggers dropped) shows up with the
 * day and the part.
 *
 * Canonical serialization: one JSON array per row, columns in the order listed below, rows by id,
 * each followed by "\n". The report: its JSON text with `seal` set to null (the report carries the
 * hash it is sealed by, so it is hashed without it). hash = sha256 of prev_hash, the four row
 * digests and the report digest, one per line. Changing any of it invalidates every existing seal:
 * add a version, never edit.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type SealPart = 'ledger' | 'events' | 'slips' | 'count';

/** The instant range [start, end) of a Vietnam day (UTC+7) as ISO strings, as `at` columns store them. */
export function dayWindow(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00.000+07:00`);
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
}

function digestRows(rows: unknown[][]): string {
  const h = createHash('sha256');
  for (const row of rows) h.update(`${JSON.stringify(row)}\n`);
  return h.digest('hex');
}

const LEDGER_SQL = `SELECT id, at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses, note
  FROM ledger_entry WHERE day = ? ORDER BY id`;
const EVENTS_SQL = `SELECT id, dossier_id, at, type, user_id, detail FROM dossier_event WHERE at >= ? AND at < ? ORDER BY id`;
const SLIPS_SQL = `SELECT id, at, day, user_id, procedure_id, applicant_name, missing, idempotency_key FROM guidance_slip WHERE day = ? ORDER BY id`;

function ledgerDigest(db: Db, day: string): string {
  return digestRows(stmt(db, LEDGER_SQL).raw(true).all(day) as unknown[][]);
}

function eventsDigest(db: Db, day: string): string {
  const w = dayWindow(day);
  return digestRows(stmt(db, EVENTS_SQL).raw(true).all(w.start, w.end) as unknown[][]);
}

function slipsDigest(db: Db, day: string): string {
  return digestRows(stmt(db, SLIPS_SQL).raw(true).all(day) as unknown[][]);
}

/** The close's own facts as stored in its row (snake_case, as the table has them). */
export interface DayCloseFacts {
  sequence: number;
  point_code: string;
  day: string;
  closed_at: string;
  closed_by: number;
  count_id: number;
  cash_expected: number;
  cash_counted: number;
  transfer_expected: number;
  transfer_confirmed: number;
  reason: string | null;
  approved_by: number | null;
  override_reason: string | null;
  /** The cash counted that left the office at the close (bank, provincial post); the next day's float is cash_counted - cash_remitted. */
  cash_remitted: number;
  remittance_note: string | null;
}

const CLOSE_COLUMNS = [
  'sequence',
  'point_code',
  'day',
  'closed_at',
  'closed_by',
  'count_id',
  'cash_expected',
  'cash_counted',
  'transfer_expected',
  'transfer_confirmed',
  'reason',
  'approved_by',
  'override_reason',
  'cash_remitted',
  'remittance_note',
] as const satisfies readonly (keyof DayCloseFacts)[];

const COUNT_SQL = `SELECT id, scope, day, at, user_id, denominations, cash_counted, transfer_confirmed, cash_expected, transfer_expected,
    after_ledger_id, last_ledger_id, line_count FROM cash_count WHERE id = ?`;
const SHIFTS_SQL = `SELECT id, clerk_id, day, opened_at, closed_at, after_ledger_id, last_ledger_id, line_count, count_id, cash_expected, cash_counted,
    transfer_expected, transfer_confirmed, reason, approved_by FROM shift_close WHERE day = ? ORDER BY id`;

/**
 * The close's facts (the remittance and its note among them: a changed remittance changes the
 * float every later day starts from), its cash count (denominations) and the day's shift closes.
 */
function countDigest(db: Db, close: DayCloseFacts): string {
  const count = stmt(db, COUNT_SQL).raw(true).get(close.count_id) as unknown[] | undefined;
  const shifts = stmt(db, SHIFTS_SQL).raw(true).all(close.day) as unknown[][];
  return digestRows([CLOSE_COLUMNS.map((c) => close[c]), count ?? [], ...shifts]);
}

/** The digest of a Z report as stored, less its own seal (a JSON object with a `seal` key). */
export function reportDigest(report: string | Record<string, unknown>): string {
  const parsed = typeof report === 'string' ? (JSON.parse(report) as Record<string, unknown>) : report;
  return createHash('sha256').update(JSON.stringify({ ...parsed, seal: null })).digest('hex');
}

export function sealHash(prevHash: string, digests: Record<SealPart, string>, report: string): string {
  return createHash('sha256').update([prevHash, digests.ledger, digests.events, digests.slips, digests.count, report].join('\n')).digest('hex');
}

export function sealDigests(db: Db, close: DayCloseFacts): Record<SealPart, string> {
  return { ledger: ledgerDigest(db, close.day), events: eventsDigest(db, close.day), slips: slipsDigest(db, close.day), count: countDigest(db, close) };
}

export interface SealProblem {
  day: string;
  sequence: number;
  /**
   * What no longer matches: a part of the day's data, the stored Z report, the link to the previous
   * close, the stored hash itself, or the running activity aggregates.
   */
  parts: (SealPart | 'report' | 'chain' | 'hash' | 'activity')[];
}

export interface SealCheck {
  sealedDays: number;
  problems: SealProblem[];
  /** Agencies whose running fee balance differs from the sum of their ledger lines. */
  agencyBalanceMismatches: string[];
}

interface StoredClose extends DayCloseFacts {
  report: string;
  ledger_digest: string;
  events_digest: string;
  slips_digest: string;
  count_digest: string;
  prev_hash: string;
  hash: string;
}

/**
 * The running per-day activity of a day, recomputed from the events and slips themselves. On time /
 * late is left out: it compares with the result date as it was at delivery, which may move later.
 */
function activityMismatch(db: Db, day: string): boolean {
  const w = dayWindow(day);
  const recomputed = stmt(
    db,
    `SELECT metric, procedure_id, sum(n) AS n FROM (
         SELECT e.type AS metric, d.procedure_id, count(*) AS n FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
          WHERE e.at >= @start AND e.at < @end GROUP BY 1, 2
         UNION ALL
         SELECT 'guided', procedure_id, count(*) FROM guidance_slip WHERE day = @day GROUP BY 2)
       GROUP BY 1, 2 ORDER BY 1, 2`,
  )
    .raw(true)
    .all({ start: w.start, end: w.end, day }) as unknown[][];
  const stored = stmt(db, `SELECT metric, procedure_id, n FROM dossier_activity WHERE day = ? AND metric NOT IN ('delivered_on_time', 'delivered_late') ORDER BY 1, 2`)
    .raw(true)
    .all(day) as unknown[][];
  return JSON.stringify(recomputed) !== JSON.stringify(stored);
}

function storedReport(text: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isSealOf(seal: unknown, c: StoredClose): boolean {
  const s = seal as { hash?: unknown; prevHash?: unknown } | null | undefined;
  return s?.hash === c.hash && s.prevHash === c.prev_hash;
}

/**
 * Recomputes every sealed day, oldest close first, and the running agency balances. Reads every
 * sealed day's rows: minutes on a five-year database, meant for `db check`, not the counter.
 */
export function verifySeals(db: Db): SealCheck {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'day_close'").get()) return { sealedDays: 0, problems: [], agencyBalanceMismatches: [] };
  const closes = db.prepare('SELECT * FROM day_close ORDER BY sequence').all() as StoredClose[];
  const problems: SealProblem[] = [];
  let prev = GENESIS_HASH;
  for (const c of closes) {
    const parts: SealProblem['parts'] = [];
    const digests = sealDigests(db, c);
    if (digests.ledger !== c.ledger_digest) parts.push('ledger');
    if (digests.events !== c.events_digest) parts.push('events');
    if (digests.slips !== c.slips_digest) parts.push('slips');
    if (digests.count !== c.count_digest) parts.push('count');
    if (c.prev_hash !== prev) parts.push('chain');
    const stored = { ledger: c.ledger_digest, events: c.events_digest, slips: c.slips_digest, count: c.count_digest };
    const report = storedReport(c.report);
    // The report must carry this close's seal, and hash with the stored digests to the stored hash.
    // Only the report digest is not stored apart: when the report still carries the row's hash, a
    // mismatch is the report's; when it does not, the hash (or the report's seal) was changed.
    const carriesSeal = report !== null && isSealOf(report.seal, c);
    const hashOk = report !== null && sealHash(c.prev_hash, stored, reportDigest(report)) === c.hash;
    if (!carriesSeal || !hashOk) parts.push('report');
    if (!hashOk && !carriesSeal && report !== null) parts.push('hash');
    if (activityMismatch(db, c.day)) parts.push('activity');
    if (parts.length) problems.push({ day: c.day, sequence: c.sequence, parts });
    prev = c.hash;
  }
  const balances = db
    .prepare(
      `SELECT coalesce(a.agency, b.agency) AS agency FROM agency_fee_balance a
         FULL JOIN (SELECT l.agency,
                  sum(CASE WHEN coalesce(o.kind, l.kind) IN ('phi', 'le_phi') THEN l.amount ELSE 0 END) AS collected,
                  sum(CASE WHEN coalesce(o.kind, l.kind) = 'agency_handover' THEN -l.amount ELSE 0 END) AS handed_over
             FROM ledger_entry l LEFT JOIN ledger_entry o ON l.kind = 'reversal' AND o.id = l.reverses
            WHERE l.agency IS NOT NULL AND coalesce(o.kind, l.kind) IN ('phi', 'le_phi', 'agency_handover')
            GROUP BY l.agency) b ON b.agency = a.agency
        WHERE a.collected IS NOT b.collected OR a.handed_over IS NOT b.handed_over
        ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  return { sealedDays: closes.length, problems, agencyBalanceMismatches: balances };
}
