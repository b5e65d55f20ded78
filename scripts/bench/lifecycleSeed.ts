/**
 * The database the lifecycle bench reads: 1,000,000 dossiers over two years at one transaction
 * point with their whole life after the counter — handover manifests, agency receipts, supplement
 * requests, results back, delivery lists, failed attempts, hand-overs — about 10,000,000 rows in
 * `dossier_event`, statuses that are the fold of those events, and the ledger lines reception
 * writes (plus reversals of cancelled dossiers and the money collected on delivery).
 *
 * Seeded once with direct SQL in large transactions on a connection of our own (no journal — WAL
 * switched off first — synchronous=OFF; the migrations' indexes and the FTS trigger stay in place), then
 * cached in the OS temp dir keyed by the migrations, the sample catalogue, the seed format and the
 * seeders' text. The bench opens the cached file read-only through the app (`openApp`).
 *
 * Each dossier's life is simulated when it is received; its later steps wait in per-day buckets
 * and are written in time order, so row ids follow time as in a real database (a dossier's events
 * are spread over weeks of other dossiers' rows, not packed together).
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../../main/app/compose';
import { loadMigrations } from '../../main/db/database';
import type { CallContext } from '../../main/services/context';
import type { Delivery, FeeLine, Person, ReceptionService as Service } from '../../shared/api/reception';
import { applyEvent, type DossierLifecycle } from '../../shared/dossier/lifecycle';
import { t } from '../../shared/messages/vi';
import { formatDossierCode } from '../../shared/reception/codes';
import { formatS10 } from '../../shared/scan/s10';
import { foldVietnamese } from '../../shared/text/fold';
import { vietnamDay } from '../../shared/time/vietnam';
import { POINT, setUpAndSignIn } from '../../test/support/app';
import { track } from './cleanup';
import { seededRandom } from './generate';
import { fmtCount } from './report';
import { GRAMS, procedureTemplates, randomDelivery, randomPerson, randomRepresentative, ZONES, type ProcedureTemplate } from './receptionSeed';

/** Part of the cache key, with the migrations, the sample catalogue and the seeders' text. */
const SEED_FORMAT = 1;
const SEED_MARKER = 'bench.lifecycleSeed';
const YEARS = 2;
/** Events per dossier the loop rates are steered to (a little over 10: the last weeks' dossiers are young). */
const EVENTS_TARGET = 10.25;
const S10_RANGE_SIZE = 10_000;
const S10_FIRST_SERIAL = 20_000_000;
const BATCH = 25_000;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const between = (rng: Rng, a: number, b: number) => a + rng() * (b - a);
const pad2 = (n: number) => String(n).padStart(2, '0');

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

function seededUuid(rng: Rng): string {
  const h = () => ((rng() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  const [a, b, c, d] = [h(), h(), h(), h()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[Math.floor(rng() * 4)]}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

// ── People: the reception seed's, with a sprinkle of rare given names ──

/** Given names seen a few hundred times in a million (the bench's "rare name" queries). */
export const RARE_GIVEN = ['Khuê', 'Diệp', 'Quế', 'Thục', 'Tường', 'Chiêu', 'Nghi', 'Triều', 'Luân', 'Điệp', 'Sương', 'Kiều', 'Nguyệt', 'Xoan', 'Lụa', 'Thơm', 'Cúc', 'Lài', 'Mận', 'Khiêm', 'Toản', 'Vỹ', 'Quyền', 'Ngạn'];

function lifecyclePerson(rng: Rng, year: number): Person {
  const p = randomPerson(rng, year);
  if (rng() >= 0.025) return p;
  const words = p.fullName.split(' ');
  words[words.length - 1] = pick(rng, RARE_GIVEN);
  const fullName = words.join(' ');
  return { ...p, fullName, ...(p.email ? { email: `${foldVietnamese(fullName).replace(/ /g, '.')}${Math.floor(rng() * 100)}@gmail.com` } : {}) };
}

const RELATIONS = ['Vợ', 'Chồng', 'Con', 'Cha', 'Mẹ', 'Anh trai', 'Chị gái', 'Em', 'Hàng xóm'];
const POSTMEN = ['Nguyễn Văn Tâm', 'Trần Quốc Huy', 'Lê Minh Phúc', 'Phạm Thị Hạnh', 'Đàng Văn Sang'];
const CARRIERS = ['Xe thư tuyến tỉnh', 'Bưu tá Trần Văn Lộc', 'Xe thư nội tỉnh Phan Rang', 'Bưu tá Chế Minh Thành'];
const FAIL_REASONS = ['Vắng nhà', 'Không liên lạc được', 'Người nhận hẹn phát lại', 'Địa chỉ chưa rõ, đang xác minh', 'Người nhận đi vắng dài ngày'];
const SUPPLEMENT_REASONS: readonly (readonly [string, string[]])[] = [
  ['Thiếu giấy tờ chứng minh nơi cư trú', ['Xác nhận thông tin về cư trú']],
  ['Bản sao chưa được chứng thực', ['Bản sao có chứng thực giấy khai sinh']],
  ['Ảnh không đúng quy cách', ['02 ảnh 4x6 nền trắng']],
  ['Tờ khai ghi sai thông tin', ['Tờ khai (bản khai lại)', 'Giấy tờ tùy thân (bản sao)']],
];
const REFUSAL_REASONS = ['Không thuộc thẩm quyền giải quyết', 'Hồ sơ không đủ điều kiện', 'Quá thời hạn bổ sung hồ sơ'];
/** What the lifecycle bench's counter receives: mostly send-and-return, some return-only, a few results registered for return. */
const KIND_MIX: readonly (readonly [Service | 'registered', number])[] = [
  ['both', 88],
  ['send', 2],
  ['return', 7],
  ['registered', 3],
];

// ── Days ──

interface Days {
  first: string;
  day: (i: number) => string;
  /** 00:00 Vietnam time of day i, epoch ms. */
  start: (i: number) => number;
  dow: (i: number) => number;
  of: (ms: number) => number;
  at: (i: number, minutes: number) => number;
}

function dayTable(first: string): Days {
  const start0 = Date.parse(`${first}T00:00:00+07:00`);
  const cache = new Map<number, string>();
  const day = (i: number) => {
    let d = cache.get(i);
    if (d === undefined) cache.set(i, (d = new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10)));
    return d;
  };
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

/** Dossiers per day over `years` ending on day `last`: weekdays full, Saturday half, Sunday almost closed, growing over time. */
function dailyCounts(rng: Rng, total: number, days: Days, last: number): number[] {
  const w: number[] = [];
  for (let i = 0; i <= last; i++) {
    const wd = days.dow(i);
    w.push((wd === 0 ? 0.04 : wd === 6 ? 0.5 : 1) * (0.5 + (i / last) * 1.0) * (0.7 + rng() * 0.6));
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

export interface LifecycleSeedInfo {
  format: number;
  dossiers: number;
  events: number;
  ledgerLines: number;
  auditLines: number;
  manifests: number;
  deliveryLists: number;
  byStatus: Record<string, number>;
  firstDay: string;
  lastDay: string;
  seededAt: string;
  seedSeconds: number;
  /** Insert phase only (rows + indexes + FTS, in the big transactions). */
  insertSeconds: number;
  /** The loop rates' multiplier (manifest shuffles, supplements, failed deliveries), averaged over the dossiers. */
  loopRate: number;
}

export interface LifecycleSeededDb {
  cacheFile: string;
  reused: boolean;
  removedStale: string[];
  bytes: number;
}

const here = fileURLToPath(import.meta.url);

function cacheFileFor(dossiers: number, appRoot: string): string {
  const migrations = loadMigrations(path.join(appRoot, 'main', 'db', 'migrations'));
  const hash = crypto.createHash('sha256');
  for (const m of migrations) hash.update(`${m.version}:${m.sql}\n`);
  hash.update(fs.readFileSync(path.join(appRoot, 'resources', 'catalogue', 'sample-catalogue.json')));
  hash.update(`seed-format:${SEED_FORMAT}`);
  // What it writes: this seeder and the reception seed's generators it reuses.
  hash.update(fs.readFileSync(here));
  hash.update(fs.readFileSync(path.join(path.dirname(here), 'receptionSeed.ts')));
  const label = dossiers === 1_000_000 ? '1m' : String(dossiers);
  return path.join(os.tmpdir(), `bcci-bench-lifecycle-${label}-v${migrations.length}-${hash.digest('hex').slice(0, 8)}.sqlite`);
}

export function readLifecycleSeedInfo(db: Database.Database): LifecycleSeedInfo | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(SEED_MARKER) as { value: string } | undefined;
  if (!row) return null;
  const info = JSON.parse(row.value) as LifecycleSeedInfo;
  return info.format === SEED_FORMAT ? info : null;
}

/** The cached seeded database: reused when present, else seeded now (stale caches of this seed removed). */
export async function lifecycleDatabase(o: { dossiers: number; appRoot: string; reseed?: boolean; log: (line: string) => void }): Promise<LifecycleSeededDb> {
  const cacheFile = cacheFileFor(o.dossiers, o.appRoot);
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
  if (o.reseed) for (const f of [cacheFile, `${cacheFile}-wal`, `${cacheFile}-shm`]) fs.rmSync(f, { force: true });
  if (fs.existsSync(cacheFile)) return { cacheFile, reused: true, removedStale, bytes: fs.statSync(cacheFile).size };
  await seed(cacheFile, o);
  return { cacheFile, reused: false, removedStale, bytes: fs.statSync(cacheFile).size };
}

async function seed(cacheFile: string, o: { dossiers: number; appRoot: string; log: (line: string) => void }): Promise<void> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-bench-lcseed-'));
  const release = track(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    // 1. The app itself: migrations (indexes, FTS5 table and its trigger), sample catalogue, first run.
    const app = openApp({ dataDir: dir, host: 'browser', startDevices: false, log: o.log });
    let templates: ProcedureTemplate[];
    let managerId: number;
    try {
      await app.services.printQueue.stop();
      const ctx: CallContext = await setUpAndSignIn(app);
      managerId = (ctx.session as NonNullable<CallContext['session']>).userId;
      templates = procedureTemplates(app);
    } finally {
      await app.close();
    }
    const file = app.paths.dbFile;
    o.log(`  seeding ${fmtCount(o.dossiers)} dossiers with their lifecycle (~${fmtCount(o.dossiers * 10)} events) into ${file}…`);

    // 2. Bulk rows on a connection of our own: no journal, no fsync, a big cache; the schema's indexes stay.
    const db = new Database(file);
    try {
      // Out of WAL first (SQLite will not go from WAL straight to OFF), and out of better-sqlite3's
      // defensive mode (which refuses journal_mode=OFF): otherwise both silently keep the old mode.
      db.unsafeMode(true);
      db.pragma('journal_mode = DELETE');
      const journal = db.pragma('journal_mode = OFF', { simple: true });
      if (journal !== 'off') throw new Error(`seed: journal_mode is ${String(journal)}, not off`);
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -2000000');
      db.pragma('temp_store = MEMORY');
      db.pragma('foreign_keys = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      const info = seedRows(db, { ...o, templates, managerId });
      info.seedSeconds = Math.round((Date.now() - started) / 100) / 10;
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SEED_MARKER, JSON.stringify(info));
      db.pragma('locking_mode = NORMAL');
      db.pragma('journal_mode = WAL');
      db.unsafeMode(false);
      o.log(
        `  seeded in ${info.seedSeconds} s (inserts ${info.insertSeconds} s): ${fmtCount(info.dossiers)} dossiers, ${fmtCount(info.events)} events, ${fmtCount(info.ledgerLines)} ledger lines, ${fmtCount(info.auditLines)} audit lines, ${fmtCount(info.manifests)} manifests, ${fmtCount(info.deliveryLists)} delivery lists`,
      );
    } finally {
      db.close();
    }
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) throw new Error(`seeded database left ${f} behind`);
    const fd = fs.openSync(file, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const partial = `${cacheFile}.partial-${process.pid}`;
    fs.renameSync(file, partial);
    fs.renameSync(partial, cacheFile);
  } finally {
    await release();
  }
}

// ── The rows ──

interface Item {
  at: number;
  run: () => void;
}

interface Manifest {
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

interface DeliveryList {
  id: number;
  number: string;
  postman: string;
  positions: number;
}

function seedRows(db: Database.Database, o: { dossiers: number; templates: ProcedureTemplate[]; managerId: number; log: (line: string) => void }): LifecycleSeedInfo {
  const rng = seededRandom(20_260_301);
  const lastDayStr = new Date(Date.parse(`${vietnamDay(new Date())}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const firstDayStr = new Date(Date.parse(`${lastDayStr}T00:00:00Z`) - (Math.round(YEARS * 365.25) - 1) * DAY_MS).toISOString().slice(0, 10);
  const days = dayTable(firstDayStr);
  const lastDay = days.of(Date.parse(`${lastDayStr}T12:00:00+07:00`));
  const counts = dailyCounts(rng, o.dossiers, days, lastDay);
  /** "Now" for the seed: mid-afternoon of the last counter day (today's manifests still open). Nothing later is written. */
  const horizon = days.at(lastDay, 15 * 60 + 30);
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayOfMs = (ms: number) => days.day(days.of(ms));

  // Clerks of the point over the years (the manager also works the counter).
  const hash = (db.prepare('SELECT password_hash AS h FROM app_user WHERE id = ?').get(o.managerId) as { h: string }).h;
  const clerks: (readonly [number, number])[] = [[o.managerId, 1]];
  const insUser = db.prepare(`INSERT INTO app_user (username, full_name, role, password_hash, disabled, created_at) VALUES (?, ?, 'clerk', ?, ?, ?)`);
  for (let i = 0; i < 6; i++) {
    const p = randomPerson(rng, 1990);
    clerks.push([Number(insUser.run(`lc.clerk${i + 1}`, p.fullName, hash, i < 1 ? 1 : 0, iso(days.start(0))).lastInsertRowid), i < 1 ? 2 : 4]);
  }
  const clerk = () => weighted(rng, clerks);

  const insDossier = db.prepare(
    `INSERT INTO dossier (id, code, idempotency_key, item_number, procedure_id, procedure_code, procedure_name, agency, service,
       applicant, applicant_id, applicant_name, applicant_folded, applicant_phone, representative, delivery, checklist,
       originals, copies, received_at, received_day, received_by, agency_receives_on, result_date, payment_method,
       total_amount, log_book_number, status, status_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLedger = db.prepare(
    `INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare('INSERT INTO dossier_event (dossier_id, at, type, user_id, detail) VALUES (?, ?, ?, ?, ?)');
  const insAudit = db.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const insDue = db.prepare('INSERT INTO dossier_due (dossier_id, amount, label, agency_dossier_code) VALUES (?, ?, ?, ?)');
  const insManifest = db.prepare(`INSERT INTO manifest (id, number, agency, status, created_at, created_by) VALUES (?, ?, ?, 'open', ?, ?)`);
  const insManifestItem = db.prepare('INSERT INTO manifest_item (manifest_id, dossier_id, added_at, added_by) VALUES (?, ?, ?, ?)');
  const updManifest = db.prepare(
    `UPDATE manifest SET created_at = ?, status = ?, dispatched_at = ?, dispatched_by = ?, carrier = ?, agency_received_at = ?, agency_receiver = ?, agency_recorded_by = ? WHERE id = ?`,
  );
  const insList = db.prepare('INSERT INTO delivery_list (id, number, postman, created_at, created_by, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)');
  const insListItem = db.prepare('INSERT INTO delivery_list_item (list_id, dossier_id, position) VALUES (?, ?, ?)');
  const insSequence = db.prepare('INSERT INTO dossier_sequence (point_code, day, last) VALUES (?, ?, ?) ON CONFLICT (point_code, day) DO UPDATE SET last = excluded.last');
  const insRange = db.prepare(`INSERT INTO s10_range (prefix, country, start_serial, end_serial, last_used, created_at, created_by) VALUES ('EA', 'VN', ?, ?, ?, ?, ?)`);

  // Later steps wait here, per day, and are written in time order when their day comes.
  const buckets = new Map<number, Item[]>();
  const later = (at: number, run: () => void) => {
    const d = days.of(at);
    let b = buckets.get(d);
    if (!b) buckets.set(d, (b = []));
    b.push({ at, run });
  };
  let events = 0;
  let ledgerLines = 0;
  let audits = 0;
  const audit = (at: number, userId: number | null, action: string, entity: string, entityId: string, detail: unknown) =>
    later(at, () => {
      insAudit.run(iso(at), userId, action, entity, entityId, JSON.stringify(detail));
      audits++;
    });
  const ledger = (at: number, userId: number, dossierId: number, kind: string, label: string, agency: string | null, amount: number, method: string, reverses: number | null, note: string | null) => {
    ledgerLines++;
    return Number(insLedger.run(iso(at), dayOfMs(at), userId, dossierId, kind, label, agency, amount, method, reverses, note).lastInsertRowid);
  };

  // Agencies: most take a manifest every working day, some only Monday, Wednesday and Friday.
  const agencies = [...new Set(o.templates.map((t) => t.agency))];
  const everyOtherDay = new Set(agencies.filter(() => rng() < 0.3));
  // The carrier's trip: mid-morning for the agencies in town (signed for the same afternoon), late afternoon for the others (next morning).
  const morningTrip = new Set(agencies.filter(() => rng() < 0.4));
  const tripMinutes = (agency: string) => (morningTrip.has(agency) ? 9 * 60 + 30 : 16 * 60);
  const manifests = new Map<string, Manifest>();
  const manifestSeq = new Map<number, number>();
  let manifestId = 0;
  const lists = new Map<string, DeliveryList>();
  let listId = 0;
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
  const manifestFor = (agency: string, addAt: number, by: number): Manifest => {
    const addDay = days.of(addAt);
    let dispatchDay = dispatchDayFor(agency, addDay);
    // Too late for today's trip: the next one.
    if (dispatchDay === addDay && addAt > days.at(addDay, tripMinutes(agency) - 10)) dispatchDay = dispatchDayFor(agency, addDay + 1);
    const key = `${agency}|${dispatchDay}`;
    let m = manifests.get(key);
    if (!m) {
      const createdDay = days.of(addAt);
      const seq = (manifestSeq.get(createdDay) ?? 0) + 1;
      manifestSeq.set(createdDay, seq);
      const dispatchAt = days.at(dispatchDay, between(rng, tripMinutes(agency), tripMinutes(agency) + 45));
      m = {
        id: ++manifestId,
        number: `BK-${POINT.code}-${days.day(createdDay).slice(2).replaceAll('-', '')}-${pad2(seq)}`,
        agency,
        createdAt: addAt,
        createdBy: by,
        dispatchAt,
        dispatchedBy: clerk(),
        carrier: pick(rng, CARRIERS),
        agencyAt: morningTrip.has(agency) ? days.at(dispatchDay, between(rng, 13.5 * 60, 17 * 60)) : days.at(nextAgencyDay(dispatchDay), between(rng, 7.5 * 60, 11 * 60)),
        receiver: randomPerson(rng, 1985).fullName,
        recordedBy: clerk(),
      };
      manifests.set(key, m);
      insManifest.run(m.id, m.number, agency, iso(addAt), by);
      const mm = m;
      if (mm.dispatchAt <= horizon) audit(mm.dispatchAt, mm.dispatchedBy, 'manifest.dispatch', 'manifest', mm.number, { carrier: mm.carrier });
      if (mm.agencyAt <= horizon) audit(mm.agencyAt, mm.recordedBy, 'manifest.agencyReceipt', 'manifest', mm.number, { receiver: mm.receiver, feesHandedOver: 0 });
    } else if (addAt < m.createdAt) m.createdAt = addAt;
    return m;
  };
  const listFor = (day: number, postman: number): DeliveryList => {
    const key = `${day}|${postman}`;
    let l = lists.get(key);
    if (!l) {
      const createdAt = days.at(day, between(rng, 7 * 60 + 20, 7 * 60 + 40));
      const by = clerk();
      l = { id: ++listId, number: `DS-${POINT.code}-${days.day(day).slice(2).replaceAll('-', '')}-${pad2(postman + 1)}`, postman: POSTMEN[postman], positions: 0 };
      insList.run(l.id, l.number, l.postman, iso(createdAt), by, seededUuid(rng));
      const ll = l;
      audit(createdAt, by, 'delivery.list', 'delivery_list', ll.number, { postman: ll.postman });
    }
    lists.set(key, l);
    return l;
  };

  // Loop rates (manifest shuffles, supplement requests, failed deliveries) are scaled by `boost`,
  // steered so that the history averages EVENTS_TARGET events per dossier.
  let boost = 1.4;
  let boostSum = 0;
  const procedureWeights = o.templates.map((t) => [t, t.weight] as const);
  const returnTemplates = o.templates.filter((t) => t.services.includes('return'));
  const folded = new Map<string, string>();
  const fold = (name: string) => {
    let f = folded.get(name);
    if (f === undefined) folded.set(name, (f = foldVietnamese(name)));
    return f;
  };
  const recent: Person[] = [];
  let dossierId = 0;
  let serial = S10_FIRST_SERIAL - 1;
  const ranges: { start: number; createdAt: string }[] = [];
  const logBook = new Map<string, number>();
  const nextItemNumber = (at: number) => {
    serial++;
    if ((serial - S10_FIRST_SERIAL) % S10_RANGE_SIZE === 0) ranges.push({ start: serial, createdAt: iso(at - 3 * DAY_MS) });
    return formatS10('EA', String(serial).padStart(8, '0'), 'VN');
  };

  /** One dossier received (or a result registered) at `r`: the row as it stands at the horizon, its history queued. */
  const simulate = (day: number, seq: number, r: number): number => {
    const id = ++dossierId;
    const dayStr = days.day(day);
    const year = Number(dayStr.slice(0, 4));
    const u = () => rng();
    const kind = weighted(rng, KIND_MIX);
    const registered = kind === 'registered';
    const proc = registered ? pick(rng, returnTemplates) : weighted(rng, procedureWeights);
    const service: Service = kind === 'registered' ? 'return' : proc.services.includes(kind) ? kind : proc.services[0];
    const sends = service === 'send' || service === 'both';
    const person = recent.length > 50 && u() < 0.1 ? pick(rng, recent) : lifecyclePerson(rng, year);
    if (recent.length < 5000) recent.push(person);
    else recent[Math.floor(u() * recent.length)] = person;
    const idNumber = registered && u() < 0.2 ? null : person.idNumber;
    const applicantJson = registered
      ? JSON.stringify({ fullName: person.fullName, phone: person.phone, ...(idNumber ? { idNumber } : {}) })
      : JSON.stringify(person);
    const representative = !registered && u() < 0.08 ? randomRepresentative(rng, year) : null;
    const delivery: Delivery = randomDelivery(rng, service, person);
    const byAtCounter = clerk();
    const code = formatDossierCode(POINT.code, dayStr, seq);
    const book = (logBook.get(dayStr.slice(0, 4)) ?? 0) + 1;
    logBook.set(dayStr.slice(0, 4), book);
    const snap = registered ? null : (proc.snapshot[service] ?? null);
    const lines: FeeLine[] = registered ? [] : (proc.lines.get(`${service}|${weighted(rng, ZONES)}|${pick(rng, GRAMS)}`) ?? []);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const payment = registered || total <= 0 ? 'none' : u() < 0.78 ? 'cash' : 'transfer';
    const itemNumber = sends || (registered && delivery.kind === 'address') ? nextItemNumber(r) : null;
    const due = registered ? pick(rng, [18_000, 22_000, 25_000, 30_000, 35_000, 45_000]) : 0;
    const agencyCode = registered ? `${proc.code.replace(/\./g, '')}-${digits(rng, 6)}` : null;
    const agencyDay = sends ? nextPostDay(day) : null;
    let resultDay = agencyDay !== null ? agencyDay + Math.ceil((proc.processingDays * 7) / 5) : null;

    let state: DossierLifecycle | null = null;
    let last = r;
    let emitted = 0;
    /** One step, when it happened before the horizon: checked against the state machine, queued for its day. */
    const emit = (type: string, when: number, user: number, detail: Record<string, unknown>): boolean => {
      if (when > horizon) return false;
      const at = Math.max(when, last);
      const step = applyEvent(state, { type, ...detail });
      if (!step.ok) throw new Error(`seed: dossier ${code}: ${step.message}`);
      state = { state: step.state, manifestId: step.manifestId };
      last = at;
      emitted++;
      const json = JSON.stringify(detail);
      later(at, () => {
        insEvent.run(id, iso(at), type, user, json);
        events++;
      });
      return true;
    };
    const pLoop = (base: number, cap: number) => Math.min(cap, base * boost);
    const collect = (at: number, user: number) => {
      if (due > 0) later(at, () => void ledger(at, user, id, 'cod', t('lifecycle.cod.label', { code }), null, due, 'cash', null, null));
    };

    /** Held at the counter from `at` until the citizen (or the representative) collects it, or it goes back. */
    const hold = (at: number) => {
      if (!emit('held_for_pickup', at, clerk(), {})) return;
      if (u() < 0.02) {
        emit('returned_to_agency', at + between(rng, 30, 45) * DAY_MS, clerk(), { reason: 'Quá thời hạn lưu giữ, công dân không đến nhận', requestKey: seededUuid(rng) });
        return;
      }
      let d = days.of(at) + Math.min(40, Math.floor(-Math.log(1 - u()) * 3.5));
      if (days.dow(d) === 0) d++;
      const when = Math.max(at + 10 * MINUTE, days.at(d, between(rng, 7.5 * 60, 17 * 60)));
      const rep = representative && u() < 0.6 ? representative : null;
      const who = rep ? { name: rep.fullName, relation: rep.relation, id: rep.idNumber } : { name: person.fullName, relation: t('lifecycle.id.applicant'), id: person.idNumber };
      const by = clerk();
      if (emit('delivered', when, by, { receiverName: who.name, relation: who.relation, idChecked: true, atCounter: true, requestKey: seededUuid(rng), idTail: who.id.slice(-4), collected: due })) {
        collect(last, by);
        audit(last, by, 'delivery.handOver', 'dossier', code, { who: rep ? 'representative' : 'applicant', collected: due });
      }
    };

    /** The result back at the post at `x`: held at the counter, or taken out to the address until it ends. */
    const returnPhase = (x: number) => {
      if (delivery.kind !== 'address') return hold(x);
      const postman = delivery.commune.length % POSTMEN.length;
      let d = days.of(x);
      for (let attempt = 1; ; attempt++) {
        d = nextPostDay(d);
        const list = listFor(d, postman);
        if (!emit('out_for_delivery', days.at(d, between(rng, 7 * 60 + 45, 8 * 60 + 30)), clerk(), { listId: list.id, number: list.number, postman: list.postman })) return;
        const position = ++list.positions;
        later(last, () => insListItem.run(list.id, id, position));
        const outcomeAt = days.at(d, between(rng, 9 * 60, 16 * 60 + 30));
        const by = clerk();
        if (u() >= pLoop(attempt === 1 ? 0.32 : 0.28, 0.8)) {
          if (u() < 0.005) {
            emit('returned_to_agency', outcomeAt, by, { reason: 'Không có địa chỉ này', requestKey: seededUuid(rng) });
            return;
          }
          const self = u() < 0.7;
          const receiverName = self ? person.fullName : randomPerson(rng, year).fullName;
          const relation = self ? t('lifecycle.id.applicant') : pick(rng, RELATIONS);
          if (emit('delivered', outcomeAt, by, { receiverName, relation, idChecked: u() < 0.6, atCounter: false, requestKey: seededUuid(rng), collected: due })) collect(last, by);
          return;
        }
        const retry = attempt < 5 && u() < 0.88;
        const nextAttempt = retry ? days.day(nextPostDay(d)) : undefined;
        if (!emit('delivery_failed', outcomeAt, by, { reason: pick(rng, FAIL_REASONS), ...(nextAttempt ? { nextAttempt } : {}), requestKey: seededUuid(rng) })) return;
        if (retry) continue;
        if (attempt >= 5 && u() < 0.3) emit('returned_to_agency', days.at(nextPostDay(d), between(rng, 8 * 60, 10 * 60)), clerk(), { reason: 'Phát không thành công nhiều lần', requestKey: seededUuid(rng) });
        else hold(days.at(nextPostDay(d), between(rng, 7.5 * 60, 8.5 * 60)));
        return;
      }
    };

    /** Everything after the counter, until the horizon or the end. */
    const life = () => {
      if (registered) return returnPhase(r);
      if (u() < 0.006) {
        const at = r + between(rng, 5, 150) * MINUTE;
        const reason = 'Công dân xin rút hồ sơ';
        if (!emit('cancelled', at, o.managerId, { reason })) return;
        later(last, () => {
          lines.forEach((l, i) => ledger(at, o.managerId, id, 'reversal', t('reception.reversalOf', { label: l.label }), l.agency, -l.amount, payment, lineIds[i] ?? null, reason));
        });
        audit(last, o.managerId, 'dossier.cancel', 'dossier', code, { reason, actor: 'counter' });
        return;
      }
      if (!sends) {
        // Return only: the citizen applied at the agency; the result reaches the post some days later.
        let d = day + 1 + Math.floor(between(rng, 0, Math.max(2, proc.processingDays)));
        if (days.dow(d) === 0) d++;
        const x = Math.max(r + 30 * MINUTE, days.at(d, between(rng, 8 * 60, 16 * 60)));
        if (emit('result_received', x, clerk(), { returnOnly: true })) returnPhase(last);
        return;
      }
      // Into a manifest: the same day when received before 15:00 on a working day, else the next one.
      const minutes = (r - days.start(day)) / MINUTE;
      const addDay = minutes < 15 * 60 && days.dow(day) !== 0 ? day : nextPostDay(day);
      const addAt = addDay === day ? Math.min(r + between(rng, 15, 90) * MINUTE, days.at(day, 15 * 60 + 50)) : days.at(addDay, between(rng, 7 * 60 + 45, 14 * 60 + 45));
      if (addAt > horizon) return;
      const by = clerk();
      const m = manifestFor(proc.agency, addAt, by);
      if (!emit('added_to_manifest', addAt, by, { manifestId: m.id, number: m.number })) return;
      let itemAt = last;
      if (u() < pLoop(0.07, 0.3)) {
        // Scanned into the wrong pile, or pulled back to check a paper: off the manifest and on again.
        const off = Math.min(itemAt + between(rng, 5, 60) * MINUTE, m.dispatchAt - 12 * MINUTE);
        const on = Math.min(off + between(rng, 2, 30) * MINUTE, m.dispatchAt - 5 * MINUTE);
        if (emit('removed_from_manifest', off, clerk(), { manifestId: m.id, number: m.number })) {
          if (!emit('added_to_manifest', on, by, { manifestId: m.id, number: m.number })) return; // off the manifest at the horizon
          itemAt = last;
        }
      }
      const addedAt = itemAt;
      later(addedAt, () => insManifestItem.run(m.id, id, iso(addedAt), by));
      if (!emit('dispatched', m.dispatchAt, m.dispatchedBy, { manifestId: m.id, number: m.number, carrier: m.carrier })) return;
      if (u() < 0.008) {
        emit('agency_refused', m.agencyAt, m.recordedBy, { reason: pick(rng, REFUSAL_REASONS), number: m.number, receiver: m.receiver });
        return;
      }
      const newDate = u() < 0.05 && resultDay !== null ? resultDay + 2 + Math.floor(u() * 9) : null;
      if (!emit('agency_received', m.agencyAt, m.recordedBy, { ...(newDate !== null ? { resultDate: days.day(newDate) } : {}), number: m.number, receiver: m.receiver })) return;
      if (newDate !== null) resultDay = newDate;
      // The agency's requests: a supplement (sometimes twice or three times), rarely a refusal after waiting.
      for (let cycle = 0; cycle < 3 && u() < pLoop(cycle === 0 ? 0.22 : 0.18, 0.6); cycle++) {
        const asked = last + between(rng, 1, Math.max(2, proc.processingDays * 0.6)) * DAY_MS;
        const [reason, items] = pick(rng, SUPPLEMENT_REASONS);
        const by2 = clerk();
        if (!emit('supplement_requested', asked, by2, { reason, items, ...(u() < 0.5 ? { reference: `${100 + Math.floor(u() * 900)}/TB` } : {}) })) return;
        audit(last, by2, 'agency.supplement', 'dossier', code, { reason });
        const w = u();
        if (w < 0.005) return; // the citizen never came back: waiting still
        if (w < 0.035) {
          emit('agency_refused', asked + between(rng, 20, 40) * DAY_MS, clerk(), { reason: 'Quá thời hạn bổ sung hồ sơ' });
          return;
        }
        if (!emit('supplement_sent', asked + between(rng, 2, 15) * DAY_MS, clerk(), {})) return;
        if (resultDay !== null) resultDay += Math.ceil((last - asked) / DAY_MS);
      }
      if (service === 'send') return; // the post's part ends at the agency
      // The result back at the post: mostly on time, some late.
      const late = u();
      let d = Math.max((resultDay as number) + Math.floor(late < 0.7 ? between(rng, -2, 2) : late < 0.95 ? between(rng, 2, 7) : between(rng, 7, 21)), days.of(last) + 1);
      if (days.dow(d) === 0) d++;
      if (emit('result_received', days.at(d, between(rng, 8 * 60, 16 * 60 + 30)), clerk(), {})) returnPhase(last);
    };

    // At the counter.
    const lineIds: number[] = [];
    if (registered) {
      emit('result_registered', r, byAtCounter, { code, itemNumber, agencyDossierCode: agencyCode, amountDue: due });
      audit(r, byAtCounter, 'result.register', 'dossier', code, { procedure: proc.code, amountDue: due });
    } else {
      later(r, () => {
        for (const l of lines) lineIds.push(ledger(r, byAtCounter, id, l.kind, l.label, l.agency, l.amount, payment, null, l.exemptReason ?? null));
      });
      emit('received', r, byAtCounter, { code, itemNumber, service, total });
      audit(r, byAtCounter, 'dossier.receive', 'dossier', code, { procedure: proc.code, total });
    }
    life();

    const final = state as DossierLifecycle | null;
    if (!final) throw new Error(`seed: dossier ${code} has no history`);
    insDossier.run(
      id,
      code,
      seededUuid(rng),
      itemNumber,
      proc.rowId,
      proc.code,
      proc.name,
      proc.agency,
      service,
      applicantJson,
      idNumber,
      person.fullName,
      fold(person.fullName),
      person.phone,
      representative ? JSON.stringify(representative) : null,
      JSON.stringify(delivery),
      registered ? JSON.stringify({ returnOnly: true, agencyDossierCode: agencyCode }) : (snap?.checklist ?? '{}'),
      snap?.originals ?? 0,
      snap?.copies ?? 0,
      iso(r),
      dayStr,
      byAtCounter,
      agencyDay !== null ? days.day(agencyDay) : null,
      resultDay !== null ? days.day(resultDay) : null,
      payment,
      total,
      `${String(book).padStart(4, '0')}/${dayStr.slice(0, 4)}`,
      final.state,
      iso(last),
    );
    if (registered) insDue.run(id, due, t('lifecycle.register.dueLabel'), agencyCode);
    return emitted;
  };

  const flush = (day: number) => {
    const b = buckets.get(day);
    if (!b) return;
    buckets.delete(day);
    b.sort((a, c) => a.at - c.at);
    for (const item of b) item.run();
  };

  const t0 = Date.now();
  let nextLog = 100_000;
  let sumEvents = 0;
  let day = 0;
  while (day <= lastDay) {
    db.transaction(() => {
      const stop = dossierId + BATCH;
      while (day <= lastDay && dossierId < stop) {
        const n = counts[day];
        // The counter opens at 07:30; on the last day only until "now".
        const span = ((day === lastDay ? 15 * 60 + 25 : 17 * 60) - 450) / Math.max(n, 1);
        let dayEvents = 0;
        for (let seq = 1; seq <= n; seq++) dayEvents += simulate(day, seq, days.at(day, 450 + (seq - 1) * span + rng() * span));
        if (n > 0) insSequence.run(POINT.code, days.day(day), n);
        flush(day);
        sumEvents += dayEvents;
        // Integral steering towards EVENTS_TARGET per dossier (the young dossiers of the last weeks pull it up at the end).
        boostSum += boost * n;
        if (n > 0) boost = Math.min(3, Math.max(0.3, boost + (0.002 * (EVENTS_TARGET * dossierId - sumEvents)) / n));
        day++;
      }
    })();
    if (dossierId >= nextLog) {
      o.log(`    ${fmtCount(dossierId)} dossiers, ${fmtCount(events)} events written (${((Date.now() - t0) / 1000).toFixed(0)} s, loop rate ×${boost.toFixed(2)})`);
      nextLog += 100_000;
    }
  }
  const leftOver = [...buckets.keys()].filter((d) => d <= lastDay);
  if (leftOver.length) throw new Error(`seed: ${leftOver.length} days of steps left unwritten`);

  db.transaction(() => {
    for (const [y, n] of logBook) insSequence.run(POINT.code, y, n);
    ranges.forEach((rg, i) => insRange.run(rg.start, rg.start + S10_RANGE_SIZE - 1, i === ranges.length - 1 ? serial : rg.start + S10_RANGE_SIZE - 1, rg.createdAt, o.managerId));
    for (const m of manifests.values()) {
      const status = m.agencyAt <= horizon ? 'received' : m.dispatchAt <= horizon ? 'dispatched' : 'open';
      updManifest.run(
        iso(m.createdAt),
        status,
        status === 'open' ? null : iso(m.dispatchAt),
        status === 'open' ? null : m.dispatchedBy,
        status === 'open' ? null : m.carrier,
        status === 'received' ? iso(m.agencyAt) : null,
        status === 'received' ? m.receiver : null,
        status === 'received' ? m.recordedBy : null,
        m.id,
      );
    }
  })();
  const insertSeconds = Math.round((Date.now() - t0) / 100) / 10;
  const byStatus: Record<string, number> = {};
  for (const r of db.prepare('SELECT status, count(*) AS n FROM dossier GROUP BY status ORDER BY n DESC').all() as { status: string; n: number }[]) byStatus[r.status] = r.n;
  return {
    format: SEED_FORMAT,
    dossiers: dossierId,
    events,
    ledgerLines,
    auditLines: audits,
    manifests: manifests.size,
    deliveryLists: lists.size,
    byStatus,
    firstDay: firstDayStr,
    lastDay: lastDayStr,
    seededAt: new Date().toISOString(),
    seedSeconds: 0,
    insertSeconds,
    loopRate: Math.round((boostSum / Math.max(1, dossierId)) * 100) / 100,
  };
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}
