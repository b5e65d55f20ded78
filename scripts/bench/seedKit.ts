/**
 * What the bench seeders (receptionSeed, lifecycleSeed, dayCloseSeed) share: the seeded
 * generator's helpers, the calendar, the cache of seeded files in the OS temp dir (keyed by the
 * migrations, the sample catalogue, the seed format and the seeders' text, this file's included),
 * the app's first run a seed starts from, the bulk-load connection, the row statements, and the
 * life after the counter that the lifecycle and day-close seeds both simulate: the clerks, the
 * per-day queue of later steps, the agencies' trips, delivery lists, item numbers and log books.
 *
 * Every helper draws from the generator exactly as the seeders did inline: a draw moved or added
 * here changes every seeded row after it.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../../main/app/compose';
import { loadMigrations } from '../../main/db/database';
import type { CallContext } from '../../main/services/context';
import type { Delivery, Person, ReceptionService as Service } from '../../shared/api/reception';
import type { DossierLifecycle } from '../../shared/dossier/lifecycle';
import { t } from '../../shared/messages/vi';
import { formatS10 } from '../../shared/scan/s10';
import { foldVietnamese } from '../../shared/text/fold';
import { vietnamDay } from '../../shared/time/vietnam';
import { POINT, setUpAndSignIn } from '../../test/support/app';
import { track } from './cleanup';
import type { ProcedureTemplate } from './receptionSeed';

// ── The seeded generator ──

export type Rng = () => number;
export const MINUTE = 60_000;
export const DAY_MS = 86_400_000;
/** S10 item numbers come from Vietnam Post in ranges of this many. */
export const S10_RANGE_SIZE = 10_000;

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, a: number, b: number) => a + rng() * (b - a);
export const pad2 = (n: number) => String(n).padStart(2, '0');

export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

/** A v4-shaped UUID from the seeded generator (the renderer uses crypto.randomUUID()). */
export function seededUuid(rng: Rng): string {
  const h = () => ((rng() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  const [a, b, c, d] = [h(), h(), h(), h()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[Math.floor(rng() * 4)]}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}

/** Folding a name the way the app stores it, memoised (names repeat a lot). */
export function foldCache(): (name: string) => string {
  const folded = new Map<string, string>();
  return (name) => {
    let f = folded.get(name);
    if (f === undefined) folded.set(name, (f = foldVietnamese(name)));
    return f;
  };
}

// ── Days ──

export interface Days {
  first: string;
  day: (i: number) => string;
  /** 00:00 Vietnam time of day i, epoch ms. */
  start: (i: number) => number;
  dow: (i: number) => number;
  of: (ms: number) => number;
  at: (i: number, minutes: number) => number;
}

export function dayTable(first: string): Days {
  const start0 = Date.parse(`${first}T00:00:00+07:00`);
  const names: string[] = [];
  const day = (i: number) => (names[i] ??= addDays(first, i));
  const dow0 = new Date(`${first}T00:00:00Z`).getUTCDay();
  return {
    first,
    day,
    start: (i) => start0 + i * DAY_MS,
    dow: (i) => (dow0 + i) % 7,
    of: (ms) => Math.floor((ms - start0) / DAY_MS),
    at: (i, minutes) => start0 + i * DAY_MS + Math.round(minutes * MINUTE),
  };
}

/** `years` of days ending yesterday (Vietnam time): day 0 … lastDay. */
export function seedCalendar(years: number): { days: Days; firstDayStr: string; lastDayStr: string; lastDay: number } {
  const lastDayStr = addDays(vietnamDay(new Date()), -1);
  const firstDayStr = addDays(lastDayStr, -(Math.round(years * 365.25) - 1));
  const days = dayTable(firstDayStr);
  return { days, firstDayStr, lastDayStr, lastDay: days.of(Date.parse(`${lastDayStr}T12:00:00+07:00`)) };
}

/**
 * Dossiers per day 0 … last: weekdays full, Saturday half, Sunday almost closed, growing over time
 * (`growth`: the weight's start and its rise to the last day) with a random day-to-day spread
 * (`jitter`: the factor's floor and width).
 */
export function dailyCounts(rng: Rng, total: number, days: Days, last: number, shape: { growth: readonly [number, number]; jitter: readonly [number, number] }): number[] {
  const w: number[] = [];
  for (let i = 0; i <= last; i++) {
    const wd = days.dow(i);
    w.push((wd === 0 ? 0.04 : wd === 6 ? 0.5 : 1) * (shape.growth[0] + (i / last) * shape.growth[1]) * (shape.jitter[0] + rng() * shape.jitter[1]));
  }
  const sum = w.reduce((a, b) => a + b, 0);
  const n = w.map((x) => Math.floor((x / sum) * total));
  const frac = w.map((x, i) => ({ i, f: ((x / sum) * total) % 1 })).sort((a, b) => b.f - a.f);
  let left = total - n.reduce((a, b) => a + b, 0);
  for (const { i } of frac) {
    if (left-- <= 0) break;
    n[i]++;
  }
  return n;
}

// ── The cache ──

export interface SeededDb {
  /** The cached file (never opened for writing by a run). */
  cacheFile: string;
  reused: boolean;
  /** Stale caches of an older schema / seed removed this time. */
  removedStale: string[];
  bytes: number;
}

/** What every seeded bench section takes. */
export interface SeededBenchOptions {
  dossiers?: number;
  reseed?: boolean;
  log?: (line: string) => void;
}

const here = fileURLToPath(import.meta.url);

/** A seeder's source file next to this one, for the cache key. */
export const benchSource = (name: string) => path.join(path.dirname(here), name);

/**
 * `<stem>-v<migrations>-<hash>.sqlite` in the OS temp dir. The hash covers the migrations, the
 * sample catalogue, the seed format and what writes the rows (the seeders' `sources` and this
 * file): a change to any of them must not reuse an old cache.
 */
export function cacheFileFor(appRoot: string, stem: string, format: string, sources: readonly string[]): string {
  const migrations = loadMigrations(path.join(appRoot, 'main', 'db', 'migrations'));
  const hash = crypto.createHash('sha256');
  for (const m of migrations) hash.update(`${m.version}:${m.sql}\n`);
  hash.update(fs.readFileSync(path.join(appRoot, 'resources', 'catalogue', 'sample-catalogue.json')));
  hash.update(`seed-format:${format}`);
  for (const f of [...sources, here]) hash.update(fs.readFileSync(f));
  return path.join(os.tmpdir(), `${stem}-v${migrations.length}-${hash.digest('hex').slice(0, 8)}.sqlite`);
}

/** The cached seeded database: reused when present, else seeded now (stale caches of the same stem removed). */
export async function cachedSeed(cacheFile: string, reseed: boolean | undefined, seed: () => Promise<void>): Promise<SeededDb> {
  const stale = /-v\d+-[0-9a-f]{8}\.sqlite(-wal|-shm)?$/;
  const prefix = path.basename(cacheFile).replace(/-v\d+-[0-9a-f]{8}\.sqlite$/, '-v');
  const removedStale: string[] = [];
  for (const f of fs.readdirSync(os.tmpdir())) {
    const full = path.join(os.tmpdir(), f);
    if (f.startsWith(prefix) && stale.test(f) && !full.startsWith(cacheFile)) {
      fs.rmSync(full, { force: true });
      removedStale.push(full);
    }
  }
  if (reseed) for (const f of [cacheFile, `${cacheFile}-wal`, `${cacheFile}-shm`]) fs.rmSync(f, { force: true });
  if (fs.existsSync(cacheFile)) return { cacheFile, reused: true, removedStale, bytes: fs.statSync(cacheFile).size };
  await seed();
  return { cacheFile, reused: false, removedStale, bytes: fs.statSync(cacheFile).size };
}

/** The marker a seeder leaves in `setting`; null when the file is not a complete seed of this format. */
export function readSeedMarker<T extends { format: number }>(db: Database.Database, marker: string, format: number): T | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(marker) as { value: string } | undefined;
  if (!row) return null;
  const info = JSON.parse(row.value) as T;
  return info.format === format ? info : null;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Seeds in a fresh temp data dir (`body` returns the database file it filled), then moves the
 * flushed file into place as `cacheFile` (through a temporary name, so a cache file is whole).
 */
export async function seedIntoCache(cacheFile: string, dirPrefix: string, body: (dir: string) => Promise<string>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  const release = track(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const file = await body(dir);
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) throw new Error(`seeded database left ${f} behind`);
    // Written with synchronous=OFF: flush it now, or its writeback would disturb the fsyncs a run measures.
    fsyncFile(file);
    const partial = `${cacheFile}.partial-${process.pid}`;
    fs.renameSync(file, partial);
    fs.renameSync(partial, cacheFile);
  } finally {
    await release();
  }
}

/** The app's first run in `dir` (migrations, sample catalogue, the point and its manager signed in), and `prepare` on it before it closes. */
export async function firstRun<T>(dir: string, log: (line: string) => void, prepare: (app: App) => T): Promise<{ file: string; managerId: number; prepared: T }> {
  const app = openApp({ dataDir: dir, host: 'browser', startDevices: false, log });
  try {
    await app.services.printQueue.stop();
    const ctx: CallContext = await setUpAndSignIn(app);
    const managerId = (ctx.session as NonNullable<CallContext['session']>).userId;
    return { file: app.paths.dbFile, managerId, prepared: prepare(app) };
  } finally {
    await app.close();
  }
}

/**
 * Bulk rows on a connection of our own: no journal, no fsync, a big cache (`cacheKiB`), no foreign
 * keys, the file held exclusively. Out of WAL first (SQLite will not go from WAL straight to OFF),
 * and out of better-sqlite3's defensive mode (which refuses journal_mode=OFF): otherwise both
 * silently keep the old mode.
 */
export function startBulkLoad(db: Database.Database, cacheKiB: number): void {
  db.unsafeMode(true);
  db.pragma('journal_mode = DELETE');
  const journal = db.pragma('journal_mode = OFF', { simple: true });
  if (journal !== 'off') throw new Error(`seed: journal_mode is ${String(journal)}, not off`);
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${cacheKiB}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
}

/** Back to what the app expects of the file: WAL, not held. */
export function endBulkLoad(db: Database.Database): void {
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.unsafeMode(false);
}

// ── Rows ──

/** The statements every seeder writes with. */
export function rowStatements(db: Database.Database) {
  return {
    insDossier: db.prepare(
      `INSERT INTO dossier (id, code, idempotency_key, item_number, procedure_id, procedure_code, procedure_name, agency, service,
         applicant, applicant_id, applicant_name, applicant_folded, applicant_phone, representative, delivery, checklist,
         originals, copies, received_at, received_day, received_by, agency_receives_on, result_date, payment_method,
         total_amount, log_book_number, status, status_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insEvent: db.prepare('INSERT INTO dossier_event (dossier_id, at, type, user_id, detail) VALUES (?, ?, ?, ?, ?)'),
    insRange: db.prepare(`INSERT INTO s10_range (prefix, country, start_serial, end_serial, last_used, created_at, created_by) VALUES ('EA', 'VN', ?, ?, ?, ?, ?)`),
  };
}

/**
 * Six clerks of the point over the years besides the manager (who works the counter too), as a
 * weighted list for `weighted(rng, …)`: the first `retired` of them disabled now and less busy.
 */
export function addClerks(db: Database.Database, managerId: number, o: { prefix: string; retired: number; createdAt: string; name: () => string }): (readonly [number, number])[] {
  const hash = (db.prepare('SELECT password_hash AS h FROM app_user WHERE id = ?').get(managerId) as { h: string }).h;
  const clerks: (readonly [number, number])[] = [[managerId, 1]];
  const insUser = db.prepare(`INSERT INTO app_user (username, full_name, role, password_hash, disabled, created_at) VALUES (?, ?, 'clerk', ?, ?, ?)`);
  for (let i = 0; i < 6; i++) {
    const name = o.name();
    clerks.push([Number(insUser.run(`${o.prefix}${i + 1}`, name, hash, i < o.retired ? 1 : 0, o.createdAt).lastInsertRowid), i < o.retired ? 2 : 4]);
  }
  return clerks;
}

/** Status → dossiers, most first. */
export function statusCounts(db: Database.Database): Record<string, number> {
  const byStatus: Record<string, number> = {};
  for (const r of db.prepare('SELECT status, count(*) AS n FROM dossier GROUP BY status ORDER BY n DESC').all() as { status: string; n: number }[]) byStatus[r.status] = r.n;
  return byStatus;
}

// ── Life after the counter (the lifecycle and day-close seeds) ──

export const RELATIONS = ['Vợ', 'Chồng', 'Con', 'Cha', 'Mẹ', 'Anh trai', 'Chị gái', 'Em', 'Hàng xóm'];
export const POSTMEN = ['Nguyễn Văn Tâm', 'Trần Quốc Huy', 'Lê Minh Phúc', 'Phạm Thị Hạnh', 'Đàng Văn Sang'];
export const CARRIERS = ['Xe thư tuyến tỉnh', 'Bưu tá Trần Văn Lộc', 'Xe thư nội tỉnh Phan Rang', 'Bưu tá Chế Minh Thành'];

interface Item {
  at: number;
  run: () => void;
}

export interface Manifest {
  id: number;
  number: string;
  agency: string;
  createdAt: number;
  createdBy: number;
  dispatchAt: number;
  dispatchedBy: number;
  carrier: string;
  agencyAt: number;
  receiver: string;
  recordedBy: number;
}

/** A dossier as the simulation leaves it at the horizon: what the counter decided, and where its history ended. */
export interface SimulatedDossier {
  id: number;
  code: string;
  idempotencyKey: string;
  itemNumber: string | null;
  proc: ProcedureTemplate;
  service: Service;
  applicantJson: string;
  idNumber: string | null;
  person: Person;
  representative: object | null;
  delivery: Delivery;
  /** A result registered for return (no reception at this point): `agencyCode` and the amount `due` on delivery. */
  registered: boolean;
  agencyCode: string | null;
  due: number;
  snap: { checklist: string; originals: number; copies: number } | null;
  r: number;
  dayStr: string;
  byAtCounter: number;
  agencyDay: number | null;
  resultDay: number | null;
  payment: string;
  total: number;
  book: number;
  state: DossierLifecycle | null;
  last: number;
}

export interface DeliveryList {
  id: number;
  number: string;
  postman: string;
  positions: number;
}

/**
 * The point's life over `years` ending yesterday: the calendar and the dossiers per day, the
 * clerks (`<clerkPrefix>1…6`, named by `clerkName`), the statements, the per-day queue later steps
 * wait in until their day is written (in time order, so row ids follow time), the agencies' trips,
 * the delivery lists, the S10 item numbers from `s10First` on and the yearly log books.
 * Draws, in this order: the daily counts, the clerks' names, which agencies take a manifest only
 * Monday, Wednesday and Friday, which get a morning trip; then the helpers' own draws as called.
 */
export function counterLife(
  db: Database.Database,
  rng: Rng,
  o: {
    dossiers: number;
    years: number;
    shape: Parameters<typeof dailyCounts>[4];
    templates: readonly ProcedureTemplate[];
    managerId: number;
    clerkPrefix: string;
    clerkName: () => string;
    s10First: number;
  },
) {
  const { days, firstDayStr, lastDayStr, lastDay } = seedCalendar(o.years);
  const counts = dailyCounts(rng, o.dossiers, days, lastDay, o.shape);
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayOfMs = (ms: number) => days.day(days.of(ms));
  const clerks = addClerks(db, o.managerId, { prefix: o.clerkPrefix, retired: 1, createdAt: iso(days.start(0)), name: o.clerkName });
  const clerk = () => weighted(rng, clerks);

  const st = {
    ...rowStatements(db),
    insLedger: db.prepare(
      `INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insAudit: db.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)'),
    insDue: db.prepare('INSERT INTO dossier_due (dossier_id, amount, label, agency_dossier_code) VALUES (?, ?, ?, ?)'),
    insManifest: db.prepare(`INSERT INTO manifest (id, number, agency, status, created_at, created_by) VALUES (?, ?, ?, 'open', ?, ?)`),
    insManifestItem: db.prepare('INSERT INTO manifest_item (manifest_id, dossier_id, added_at, added_by) VALUES (?, ?, ?, ?)'),
    insList: db.prepare('INSERT INTO delivery_list (id, number, postman, created_at, created_by, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)'),
    insListItem: db.prepare('INSERT INTO delivery_list_item (list_id, dossier_id, position) VALUES (?, ?, ?)'),
    insSequence: db.prepare('INSERT INTO dossier_sequence (point_code, day, last) VALUES (?, ?, ?) ON CONFLICT (point_code, day) DO UPDATE SET last = excluded.last'),
  };

  // Later steps wait here, per day, and are written in time order when their day comes.
  const buckets = new Map<number, Item[]>();
  let flushed = -1;
  const later = (at: number, run: () => void) => {
    const d = days.of(at);
    if (d <= flushed) throw new Error(`seed: a step dated ${days.day(d)} queued after that day was written`);
    let b = buckets.get(d);
    if (!b) buckets.set(d, (b = []));
    b.push({ at, run });
  };
  const flush = (day: number) => {
    const b = buckets.get(day);
    flushed = day;
    if (!b) return;
    buckets.delete(day);
    b.sort((a, c) => a.at - c.at);
    for (const item of b) item.run();
  };
  const drained = () => {
    const leftOver = [...buckets.keys()].filter((d) => d <= lastDay);
    if (leftOver.length) throw new Error(`seed: ${leftOver.length} days of steps left unwritten`);
  };

  const tally = { events: 0, ledgerLines: 0, audits: 0 };
  const auditNow = (at: number, userId: number | null, action: string, entity: string, entityId: string, detail: unknown) => {
    st.insAudit.run(iso(at), userId, action, entity, entityId, JSON.stringify(detail));
    tally.audits++;
  };
  const audit = (at: number, userId: number | null, action: string, entity: string, entityId: string, detail: unknown) =>
    later(at, () => auditNow(at, userId, action, entity, entityId, detail));
  const ledger = (at: number, userId: number, dossierId: number | null, kind: string, label: string, agency: string | null, amount: number, method: string, reverses: number | null, note: string | null) => {
    tally.ledgerLines++;
    return Number(st.insLedger.run(iso(at), dayOfMs(at), userId, dossierId, kind, label, agency, amount, method, reverses, note).lastInsertRowid);
  };

  // Agencies: most take a manifest every working day, some only Monday, Wednesday and Friday.
  const agencies = [...new Set(o.templates.map((x) => x.agency))];
  const everyOtherDay = new Set(agencies.filter(() => rng() < 0.3));
  // The carrier's trip: mid-morning for the agencies in town (signed for the same afternoon), late afternoon for the others (next morning).
  const morningTrip = new Set(agencies.filter(() => rng() < 0.4));
  const tripMinutes = (agency: string) => (morningTrip.has(agency) ? 9 * 60 + 30 : 16 * 60);
  const nextPostDay = (i: number) => (days.dow(i + 1) === 0 ? i + 2 : i + 1);
  const nextAgencyDay = (i: number) => {
    let d = i + 1;
    while (days.dow(d) === 0 || days.dow(d) === 6) d++;
    return d;
  };
  const dispatchDayFor = (agency: string, from: number) => {
    let d = from;
    for (;;) {
      const wd = days.dow(d);
      if (wd !== 0 && wd !== 6 && (!everyOtherDay.has(agency) || wd === 1 || wd === 3 || wd === 5)) return d;
      d++;
    }
  };
  /** The day `addAt` falls on and the day its manifest leaves: too late for today's trip, the next one. */
  const tripFor = (agency: string, addAt: number) => {
    const addDay = days.of(addAt);
    let dispatchDay = dispatchDayFor(agency, addDay);
    if (dispatchDay === addDay && addAt > days.at(addDay, tripMinutes(agency) - 10)) dispatchDay = dispatchDayFor(agency, addDay + 1);
    return { addDay, dispatchDay };
  };

  const lists = new Map<string, DeliveryList>();
  let listId = 0;
  const listFor = (day: number, postman: number): DeliveryList => {
    const key = `${day}|${postman}`;
    let l = lists.get(key);
    if (!l) {
      const createdAt = days.at(day, between(rng, 7 * 60 + 20, 7 * 60 + 40));
      const by = clerk();
      const ll: DeliveryList = { id: ++listId, number: `DS-${POINT.code}-${days.day(day).slice(2).replaceAll('-', '')}-${pad2(postman + 1)}`, postman: POSTMEN[postman], positions: 0 };
      l = ll;
      lists.set(key, ll);
      st.insList.run(ll.id, ll.number, ll.postman, iso(createdAt), by, seededUuid(rng));
      audit(createdAt, by, 'delivery.list', 'delivery_list', ll.number, { postman: ll.postman });
    }
    return l;
  };

  let serial = o.s10First - 1;
  const ranges: { start: number; createdAt: string }[] = [];
  const nextItemNumber = (at: number) => {
    serial++;
    if ((serial - o.s10First) % S10_RANGE_SIZE === 0) ranges.push({ start: serial, createdAt: iso(at - 3 * DAY_MS) });
    return formatS10('EA', String(serial).padStart(8, '0'), 'VN');
  };
  const logBook = new Map<string, number>();
  /** The next number in the log book of `day`'s year. */
  const nextBook = (day: string) => {
    const book = (logBook.get(day.slice(0, 4)) ?? 0) + 1;
    logBook.set(day.slice(0, 4), book);
    return book;
  };
  /** The log books' last numbers and the item-number ranges Vietnam Post allocated (all used up but the last). */
  const writeBooks = () => {
    for (const [y, n] of logBook) st.insSequence.run(POINT.code, y, n);
    ranges.forEach((rg, i) => st.insRange.run(rg.start, rg.start + S10_RANGE_SIZE - 1, i === ranges.length - 1 ? serial : rg.start + S10_RANGE_SIZE - 1, rg.createdAt, o.managerId));
  };

  /** The dossier's row (and what is due on a registered result), as it stands at the horizon. */
  const writeDossier = (d: SimulatedDossier) => {
    if (!d.state) throw new Error(`seed: dossier ${d.code} has no history`);
    st.insDossier.run(
      d.id,
      d.code,
      d.idempotencyKey,
      d.itemNumber,
      d.proc.rowId,
      d.proc.code,
      d.proc.name,
      d.proc.agency,
      d.service,
      d.applicantJson,
      d.idNumber,
      d.person.fullName,
      fold(d.person.fullName),
      d.person.phone,
      d.representative ? JSON.stringify(d.representative) : null,
      JSON.stringify(d.delivery),
      d.registered ? JSON.stringify({ returnOnly: true, agencyDossierCode: d.agencyCode }) : (d.snap?.checklist ?? '{}'),
      d.snap?.originals ?? 0,
      d.snap?.copies ?? 0,
      iso(d.r),
      d.dayStr,
      d.byAtCounter,
      d.agencyDay !== null ? days.day(d.agencyDay) : null,
      d.resultDay !== null ? days.day(d.resultDay) : null,
      d.payment,
      d.total,
      `${String(d.book).padStart(4, '0')}/${d.dayStr.slice(0, 4)}`,
      d.state.state,
      iso(d.last),
    );
    if (d.registered) st.insDue.run(d.id, d.due, t('lifecycle.register.dueLabel'), d.agencyCode);
  };
  const fold = foldCache();

  return {
    days,
    firstDayStr,
    lastDayStr,
    lastDay,
    counts,
    iso,
    dayOfMs,
    clerk,
    st,
    later,
    flush,
    drained,
    tally,
    audit,
    auditNow,
    ledger,
    morningTrip,
    tripMinutes,
    nextPostDay,
    nextAgencyDay,
    tripFor,
    lists,
    listFor,
    procedureWeights: o.templates.map((x) => [x, x.weight] as const),
    returnTemplates: o.templates.filter((x) => x.services.includes('return')),
    /** Applicants seen lately: some people come back. */
    recent: [] as Person[],
    nextItemNumber,
    nextBook,
    writeBooks,
    writeDossier,
  };
}
