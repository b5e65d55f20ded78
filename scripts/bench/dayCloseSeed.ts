/**
 * The database the day-close bench closes days in: five years at one transaction point with
 * 2,000,000 dossiers (≈1,100–1,600 a working day) and their life after the counter — manifests,
 * agency receipts (with the fees handed over per manifest), supplements, results back, delivery
 * lists, failed attempts, counter hand-overs — ≈6 events a dossier, the ledger lines reception and
 * the lifecycle write (phi / lệ phí per agency, postage, cod, agency_handover, reversals of
 * cancelled dossiers and a few next-day corrections), guidance slips, incidents, the clerks' shift
 * closes, print jobs (the last PRINT_JOB_DAYS days only, see below) and the running aggregates
 * `dossier_activity` / `agency_fee_balance` kept by the migration's triggers as the rows go in.
 *
 * The history is sealed: every day before the last OPEN_DAYS calendar days is counted and closed
 * through the real DayCloseService (clock set to 17:45 that day), in order, so the hash chain, the
 * stored Z reports and the closed-day triggers are as the app leaves them. The last OPEN_DAYS days
 * are left open: the bench closes each of them once, in order.
 *
 * Rows go in with direct SQL on a connection of our own (journal off, synchronous=OFF, the
 * migrations' indexes and triggers in place), in time order (later steps wait in per-day buckets),
 * so row ids follow time as in a real database. Cached in the OS temp dir, keyed by the migrations,
 * the sample catalogue, the seed format and the seeders' text.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { openApp } from '../../main/app/compose';
import { loadMigrations } from '../../main/db/database';
import { newContext, type Session } from '../../main/services/context';
import { DENOMINATIONS } from '../../shared/dayClose/cash';
import type { Delivery, FeeLine, ReceptionService as Service } from '../../shared/api/reception';
import { applyEvent, type DossierLifecycle } from '../../shared/dossier/lifecycle';
import { t } from '../../shared/messages/vi';
import { formatDossierCode } from '../../shared/reception/codes';
import { MANAGER, POINT, setUpAndSignIn, testApp } from '../../test/support/app';
import { allocateItemNumbers, confirmInput } from '../../test/support/reception';
import { seededRandom } from './generate';
import { fmtCount } from './report';
import { GRAMS, pickService, procedureTemplates, randomDelivery, randomPerson, randomRepresentative, ZONES, type ProcedureTemplate } from './receptionSeed';
import {
  addDays,
  benchSource,
  between,
  cachedSeed,
  cacheFileFor,
  CARRIERS,
  counterLife,
  DAY_MS,
  endBulkLoad,
  firstRun,
  MINUTE,
  pad2,
  pick,
  POSTMEN,
  readSeedMarker,
  RELATIONS,
  seededUuid,
  seedIntoCache,
  startBulkLoad,
  statusCounts,
  weighted,
  type Manifest as BaseManifest,
  type Rng,
  type SeededDb,
} from './seedKit';

/** Part of the cache key, with the migrations, the sample catalogue and the seeders' text. */
const SEED_FORMAT = 1;
const SEED_MARKER = 'bench.dayCloseSeed';
const YEARS = 5;
/** Calendar days at the end left open for the bench to close (5 weeks: 25 weekdays, 5 Saturdays, 5 Sundays). */
export const OPEN_DAYS = 35;
/**
 * Print jobs are written for the last PRINT_JOB_DAYS days only (receipt, envelope list and label per
 * dossier as reception writes them, guidance slips, a few reprints). The app never purges print
 * jobs, so five real years would hold ~5,000,000 of them (~12 GB of JSON); the close reads them only
 * through the partial indexes on unprinted jobs and reprints, so the older ones are left out to keep
 * the file (copied every run) smaller.
 */
export const PRINT_JOB_DAYS = 120;
const S10_FIRST_SERIAL = 30_000_000;
const BATCH = 25_000;

/** A count sheet for `amount` đồng, biggest notes first, and what it adds up to (≤ amount; 0 for a negative amount). */
export function countSheet(amount: number): { denominations: { value: number; count: number }[]; total: number } {
  let rest = Math.max(0, amount);
  const denominations: { value: number; count: number }[] = [];
  for (const value of DENOMINATIONS) {
    const count = Math.floor(rest / value);
    if (count > 0) denominations.push({ value, count });
    rest -= count * value;
  }
  return { denominations, total: Math.max(0, amount) - rest };
}

/** The cash the manager keeps in the drawers overnight (the float); the rest of the count leaves at the close. */
export const FLOAT_KEPT = 2_000_000;

/**
 * What the manager remits at a close (to the bank or the provincial post): what was counted above
 * the float kept — plus whatever the next day is known to pay out of the drawers beyond what it
 * takes in (fees handed to agencies) — in whole 100.000 đ; never more than counted.
 */
export function cashToRemit(counted: number, nextDayNetCash: number): number {
  const keep = FLOAT_KEPT + Math.max(0, -nextDayNetCash);
  return counted > keep ? Math.floor((counted - keep) / 100_000) * 100_000 : 0;
}

/** The note of a remittance: the bank's paying-in slip of the day. */
export const remittanceNote = (day: string) => `Nộp ngân hàng, giấy nộp tiền GNT-${day.replaceAll('-', '')}`;

const FAIL_REASONS = ['Vắng nhà', 'Không liên lạc được', 'Người nhận hẹn phát lại', 'Địa chỉ chưa rõ, đang xác minh'];
const SUPPLEMENT_REASONS: readonly (readonly [string, string[]])[] = [
  ['Thiếu giấy tờ chứng minh nơi cư trú', ['Xác nhận thông tin về cư trú']],
  ['Bản sao chưa được chứng thực', ['Bản sao có chứng thực giấy khai sinh']],
  ['Ảnh không đúng quy cách', ['02 ảnh 4x6 nền trắng']],
];
const REFUSAL_REASONS = ['Không thuộc thẩm quyền giải quyết', 'Hồ sơ không đủ điều kiện'];
const SHIFT_REASONS = ['Trả lại tiền thừa nhầm cho khách', 'Thu thiếu tiền lẻ của khách', 'Tiền bàn giao cơ quan lấy từ quỹ két'];

// ── The cache ──

export interface DayCloseSeedInfo {
  format: number;
  dossiers: number;
  events: number;
  ledgerLines: number;
  auditLines: number;
  slips: number;
  printJobs: number;
  incidents: number;
  manifests: number;
  deliveryLists: number;
  shiftCloses: number;
  byStatus: Record<string, number>;
  firstDay: string;
  lastDay: string;
  /** Days sealed through the service while seeding (every day before the open ones). */
  sealedDays: number;
  sealedFirst: string | null;
  sealedLast: string | null;
  /** The days left open, in order: the bench closes each once. */
  openDays: string[];
  /** How the running aggregates were filled: by the migration's triggers as rows went in, or recomputed in bulk after. */
  aggregates: 'triggers' | 'bulk';
  seededAt: string;
  seedSeconds: number;
  insertSeconds: number;
  /** Rebuilding the secondary indexes dropped while the rows went in. */
  indexSeconds: number;
  /** Bulk mode only: the aggregate recompute after the inserts. */
  aggregateSeconds: number;
  shiftSeconds: number;
  sealSeconds: number;
  /** Median ms of one history close (count + close through the service, synchronous=OFF) while seeding. */
  sealCloseMs: number;
}

/**
 * How `dossier_activity` / `agency_fee_balance` are filled. Measured on a 100,000-dossier seed: the
 * migration's triggers add ~17 µs to every event inserted (≈3.5 min over 12M events) where the
 * migration's own INSERT … SELECT over the finished rows takes seconds; both give the same tables
 * (BCCI_BENCH_DAYCLOSE_AGGREGATES=triggers seeds the slow way, to compare).
 */
function aggregatesMode(): 'triggers' | 'bulk' {
  return process.env.BCCI_BENCH_DAYCLOSE_AGGREGATES === 'triggers' ? 'triggers' : 'bulk';
}

export function readDayCloseSeedInfo(db: Database.Database): DayCloseSeedInfo | null {
  return readSeedMarker<DayCloseSeedInfo>(db, SEED_MARKER, SEED_FORMAT);
}

/** The cached seeded database: reused when present, else seeded now (stale caches of this seed removed). */
export async function dayCloseDatabase(o: { dossiers: number; appRoot: string; reseed?: boolean; log: (line: string) => void }): Promise<SeededDb> {
  const label = `${o.dossiers === 2_000_000 ? '2m' : String(o.dossiers)}${aggregatesMode() === 'triggers' ? '-triggers' : ''}`;
  const sources = [benchSource('dayCloseSeed.ts'), benchSource('receptionSeed.ts')];
  const cacheFile = cacheFileFor(o.appRoot, `bcci-bench-dayclose-${label}`, `${SEED_FORMAT}:${aggregatesMode()}`, sources);
  return cachedSeed(cacheFile, o.reseed, () => seed(cacheFile, o));
}

interface Samples {
  receipt: string;
  envelope: string;
  label: string;
  slipMissing: string;
  slipDocument: string;
}

/** The documents reception prints and a guidance slip's lines, from one real confirm in a throwaway app. */
async function samplesFromTheApp(): Promise<Samples> {
  const app = testApp();
  try {
    await app.services.printQueue.stop();
    const ctx = await setUpAndSignIn(app);
    allocateItemNumbers(app, ctx);
    const input = confirmInput(app, '3.000333', 'sample-confirm', { service: 'both' });
    const { dossier } = app.services.reception.confirm(ctx, ctx.session as Session, input);
    const doc = (key: string) => (app.db.prepare('SELECT document FROM print_job WHERE idempotency_key = ?').pluck().get(`dossier:${dossier.id}:${key}`) as string | undefined) ?? '{}';
    app.services.reception.guidance(ctx, ctx.session as Session, {
      procedureCode: input.procedureCode,
      versionId: input.versionId,
      answers: { conditions: input.answers.conditions, items: {} },
      applicantName: 'Trần Văn Bình',
      idempotencyKey: 'sample-guide',
    });
    const slip = app.db.prepare('SELECT missing FROM guidance_slip').pluck().get() as string;
    const slipDocument = app.db.prepare(`SELECT document FROM print_job WHERE idempotency_key = 'guidance:sample-guide'`).pluck().get() as string;
    return { receipt: doc('receipt'), envelope: doc('envelope-list'), label: doc('label'), slipMissing: slip, slipDocument };
  } finally {
    await app.dispose();
  }
}

/**
 * The statements that fill the running aggregates, exactly as the migration that creates them
 * runs them over existing rows (its `INSERT INTO dossier_activity / agency_fee_balance … SELECT`).
 */
function aggregateStatements(appRoot: string): string[] {
  const migration = loadMigrations(path.join(appRoot, 'main', 'db', 'migrations')).find((m) => /CREATE TABLE dossier_activity/.test(m.sql));
  const statements = migration?.sql.match(/^INSERT INTO (dossier_activity|agency_fee_balance)\b[\s\S]*?;/gm) ?? [];
  if (!statements.some((x) => x.startsWith('INSERT INTO dossier_activity')) || !statements.some((x) => x.startsWith('INSERT INTO agency_fee_balance')))
    throw new Error('seed: the migration that fills dossier_activity / agency_fee_balance was not found');
  return statements;
}

async function seed(cacheFile: string, o: { dossiers: number; appRoot: string; log: (line: string) => void }): Promise<void> {
  const started = Date.now();
  await seedIntoCache(cacheFile, 'bcci-bench-dcseed-', async (dir) => {
    // 1. The app itself: migrations (indexes, triggers, FTS), sample catalogue, first run.
    const { file, managerId, prepared: templates } = await firstRun(dir, o.log, procedureTemplates);
    const samples = await samplesFromTheApp();
    o.log(`  seeding ${fmtCount(o.dossiers)} dossiers over ${YEARS} years (≈6 events each, aggregates by ${aggregatesMode()}) into ${file}…`);

    // 2. Bulk rows on a connection of our own: no journal, no fsync, a big cache; indexes and triggers stay.
    const db = new Database(file);
    let info: DayCloseSeedInfo;
    try {
      startBulkLoad(db, 2_000_000);
      info = seedRows(db, { ...o, templates, managerId, samples, aggregateSql: aggregateStatements(o.appRoot) });
      const ts = Date.now();
      info.shiftCloses = seedShiftCloses(db, managerId, seededRandom(77_001));
      info.shiftSeconds = Math.round((Date.now() - ts) / 100) / 10;
      o.log(`    ${fmtCount(info.shiftCloses)} shift closes (count + close per clerk and day) in ${info.shiftSeconds} s`);
      endBulkLoad(db);
    } finally {
      db.close();
    }

    // 3. The history sealed through the service, day by day, as a manager closes it at 17:45.
    const sealed = await sealHistory(dir, info, o.log);
    info.sealedDays = sealed.days;
    info.sealedFirst = sealed.first;
    info.sealedLast = sealed.last;
    info.sealSeconds = sealed.seconds;
    info.sealCloseMs = sealed.medianMs;
    info.seedSeconds = Math.round((Date.now() - started) / 100) / 10;
    const marker = new Database(file);
    try {
      marker.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SEED_MARKER, JSON.stringify(info));
      marker.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      marker.close();
    }
    o.log(
      `  seeded in ${info.seedSeconds} s (rows ${info.insertSeconds} s, shifts ${info.shiftSeconds} s, seals ${info.sealSeconds} s): ${fmtCount(info.dossiers)} dossiers, ${fmtCount(info.events)} events, ${fmtCount(info.ledgerLines)} ledger lines, ${fmtCount(info.slips)} slips, ${fmtCount(info.printJobs)} print jobs, ${fmtCount(info.sealedDays)} days sealed`,
    );
    return file;
  });
}

// ── The rows ──

interface Manifest extends BaseManifest {
  /** Agency fees (phi, lệ phí) of its dossiers per payment method, handed over at the agency receipt. */
  fees: Map<string, number>;
  handsOver: boolean;
  handed: number;
}

function seedRows(
  db: Database.Database,
  o: { dossiers: number; templates: ProcedureTemplate[]; managerId: number; samples: Samples; aggregateSql: string[]; log: (line: string) => void },
): DayCloseSeedInfo {
  const rng = seededRandom(20_261_121);
  const u = rng;
  const mode = aggregatesMode();

  // Bulk mode (measurement only): the aggregate triggers off while rows go in, recomputed after.
  const aggregateTriggers =
    mode === 'bulk'
      ? (db
          .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('dossier_event_activity', 'guidance_slip_activity', 'ledger_entry_agency_balance')`)
          .all() as { name: string; sql: string }[])
      : [];
  for (const tr of aggregateTriggers) db.exec(`DROP TRIGGER ${tr.name}`);

  // Secondary indexes are rebuilt after the rows (the UNIQUE ones stay: they cannot be dropped). Measured:
  // a dossier row costs ~110 µs with its eight indexes in place against ~40 µs without.
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('dossier', 'dossier_event', 'ledger_entry', 'audit_log', 'print_job', 'manifest_item', 'delivery_list_item', 'guidance_slip', 'incident')`,
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);

  // The calendar, the clerks (the manager also works the counter and hands the fees over), the agencies' trips…
  const world = counterLife(db, rng, {
    dossiers: o.dossiers,
    years: YEARS,
    shape: { growth: [0.8, 0.3], jitter: [0.85, 0.3] },
    templates: o.templates,
    managerId: o.managerId,
    clerkPrefix: 'dc.clerk',
    clerkName: () => randomPerson(rng, 1990).fullName,
    s10First: S10_FIRST_SERIAL,
  });
  const { days, lastDay, counts, iso, dayOfMs, clerk, st, later, audit, auditNow, ledger, tally, morningTrip, tripMinutes, nextPostDay, nextAgencyDay, listFor, procedureWeights, returnTemplates, recent } = world;
  const printFrom = lastDay - PRINT_JOB_DAYS + 1;
  /** Nothing later than the end of the last counter day is written. */
  const horizon = days.at(lastDay, 17 * 60 + 30);

  const insSlip = db.prepare('INSERT INTO guidance_slip (at, day, user_id, procedure_id, applicant_name, missing, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insIncident = db.prepare('INSERT INTO incident (dossier_id, kind, note, at, day, user_id, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insJob = db.prepare(
    `INSERT INTO print_job (idempotency_key, device_id, kind, title, document, reprint_of, state, attempts, transmit_started_at, created_by, created_at, updated_at, printed_at)
     VALUES (?, ?, ?, ?, ?, ?, 'printed', 1, ?, ?, ?, ?, ?)`,
  );
  const updManifest = db.prepare(
    `UPDATE manifest SET created_at = ?, status = ?, dispatched_at = ?, dispatched_by = ?, carrier = ?, agency_received_at = ?, agency_receiver = ?, agency_recorded_by = ?, fees_handed_over = ? WHERE id = ?`,
  );
  let slips = 0;
  let printJobs = 0;
  let incidents = 0;
  const job = (at: number, key: string, device: number, kind: string, title: string, document: string, reprintOf: number | null, by: number) => {
    printJobs++;
    const sent = iso(at + 1500);
    return Number(insJob.run(key, device, kind, title, document, reprintOf, sent, by, iso(at), iso(at + 4000), iso(at + 4000)).lastInsertRowid);
  };

  const manifests = new Map<string, Manifest>();
  const manifestSeq = new Map<number, number>();
  let manifestId = 0;
  const manifestFor = (agency: string, addAt: number, by: number): Manifest => {
    const { addDay, dispatchDay } = world.tripFor(agency, addAt);
    const key = `${agency}|${dispatchDay}`;
    let m = manifests.get(key);
    if (!m) {
      const seq = (manifestSeq.get(addDay) ?? 0) + 1;
      manifestSeq.set(addDay, seq);
      const mm: Manifest = {
        id: ++manifestId,
        number: `BK-${POINT.code}-${days.day(addDay).slice(2).replaceAll('-', '')}-${pad2(seq)}`,
        agency,
        createdAt: addAt,
        createdBy: by,
        dispatchAt: days.at(dispatchDay, between(rng, tripMinutes(agency), tripMinutes(agency) + 45)),
        dispatchedBy: clerk(),
        carrier: pick(rng, CARRIERS),
        agencyAt: morningTrip.has(agency) ? days.at(dispatchDay, between(rng, 13.5 * 60, 16.5 * 60)) : days.at(nextAgencyDay(dispatchDay), between(rng, 8 * 60, 11 * 60)),
        receiver: randomPerson(rng, 1985).fullName,
        recordedBy: o.managerId,
        fees: new Map(),
        handsOver: rng() < 0.95,
        handed: 0,
      };
      m = mm;
      manifests.set(key, mm);
      st.insManifest.run(mm.id, mm.number, agency, iso(addAt), by);
      if (mm.dispatchAt <= horizon) audit(mm.dispatchAt, mm.dispatchedBy, 'manifest.dispatch', 'manifest', mm.number, { carrier: mm.carrier });
      if (mm.agencyAt <= horizon) {
        // The agency signs; the fees collected on its behalf for these dossiers leave the drawer (one line per payment method).
        later(mm.agencyAt, () => {
          if (mm.handsOver)
            for (const [method, amount] of [...mm.fees].sort()) {
              if (amount === 0) continue;
              ledger(mm.agencyAt, mm.recordedBy, null, 'agency_handover', t('lifecycle.handover.label', { number: mm.number }), mm.agency, -amount, method, null, `manifest:${mm.id}`);
              mm.handed += amount;
            }
          auditNow(mm.agencyAt, mm.recordedBy, 'manifest.agencyReceipt', 'manifest', mm.number, { receiver: mm.receiver, refused: 0, newDates: 0, feesHandedOver: mm.handed });
        });
      }
    } else if (addAt < m.createdAt) m.createdAt = addAt;
    return m;
  };

  let dossierId = 0;

  /** One dossier received (or a result registered) at `r`: the row as it stands at the horizon, its history queued. */
  const simulate = (day: number, seq: number, r: number): void => {
    const id = ++dossierId;
    const dayStr = days.day(day);
    const year = Number(dayStr.slice(0, 4));
    const registered = u() < 0.03;
    const proc = registered ? pick(rng, returnTemplates) : weighted(rng, procedureWeights);
    const service: Service = registered ? 'return' : pickService(rng, proc);
    const sends = service === 'send' || service === 'both';
    const person = recent.length > 50 && u() < 0.1 ? pick(rng, recent) : randomPerson(rng, year);
    if (recent.length < 5000) recent.push(person);
    else recent[Math.floor(u() * recent.length)] = person;
    const idNumber = registered && u() < 0.2 ? null : person.idNumber;
    const applicantJson = registered ? JSON.stringify({ fullName: person.fullName, phone: person.phone, ...(idNumber ? { idNumber } : {}) }) : JSON.stringify(person);
    const representative = !registered && u() < 0.08 ? randomRepresentative(rng, year) : null;
    const delivery: Delivery = randomDelivery(rng, service, person);
    const byAtCounter = clerk();
    const code = formatDossierCode(POINT.code, dayStr, seq);
    const book = world.nextBook(dayStr);
    const snap = registered ? null : (proc.snapshot[service] ?? null);
    const lines: FeeLine[] = registered ? [] : (proc.lines.get(`${service}|${weighted(rng, ZONES)}|${pick(rng, GRAMS)}`) ?? []);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const payment = registered || total <= 0 ? 'none' : u() < 0.78 ? 'cash' : 'transfer';
    const fees = lines.filter((l) => l.kind === 'phi' || l.kind === 'le_phi').reduce((s, l) => s + l.amount, 0);
    const itemNumber = sends || (registered && delivery.kind === 'address') ? world.nextItemNumber(r) : null;
    const due = registered ? pick(rng, [18_000, 22_000, 25_000, 30_000, 35_000]) : 0;
    const agencyCode = registered ? `${proc.code.replace(/\./g, '')}-${Math.floor(u() * 1e6)}` : null;
    const agencyDay = sends ? nextPostDay(day) : null;
    let resultDay = agencyDay !== null ? agencyDay + Math.ceil((proc.processingDays * 7) / 5) : null;
    const printed = day >= printFrom;

    let state: DossierLifecycle | null = null;
    let last = r;
    /** One step, when it happened before the horizon: checked against the state machine, queued for its day. */
    const emit = (type: string, when: number, user: number, detail: Record<string, unknown>): boolean => {
      if (when > horizon) return false;
      const at = Math.max(when, last);
      if (at > horizon) return false;
      const step = applyEvent(state, { type, ...detail });
      if (!step.ok) throw new Error(`seed: dossier ${code}: ${step.message}`);
      state = { state: step.state, manifestId: step.manifestId };
      last = at;
      const json = JSON.stringify(detail);
      later(at, () => {
        st.insEvent.run(id, iso(at), type, user, json);
        tally.events++;
      });
      return true;
    };
    const collect = (at: number, user: number) => {
      if (due > 0) later(at, () => void ledger(at, user, id, 'cod', t('lifecycle.cod.label', { code }), null, due, 'cash', null, null));
    };

    /** Held at the counter from `at` until the citizen (or the representative) collects it, or it goes back. */
    const hold = (at: number) => {
      if (!emit('held_for_pickup', at, clerk(), {})) return;
      if (u() < 0.015) {
        emit('returned_to_agency', at + between(rng, 30, 45) * DAY_MS, clerk(), { reason: 'Quá thời hạn lưu giữ, công dân không đến nhận', requestKey: seededUuid(rng) });
        return;
      }
      let d = days.of(at) + Math.min(30, Math.floor(-Math.log(1 - u()) * 3));
      if (days.dow(d) === 0) d++;
      const when = Math.max(at + 10 * MINUTE, days.at(d, between(rng, 7.5 * 60, 16.8 * 60)));
      const rep = representative && u() < 0.6 ? representative : null;
      const by = clerk();
      const who = rep ? { name: rep.fullName, relation: rep.relation } : { name: person.fullName, relation: t('lifecycle.id.applicant') };
      if (emit('delivered', when, by, { receiverName: who.name, relation: who.relation, idChecked: true, atCounter: true, requestKey: seededUuid(rng), collected: due })) {
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
        later(last, () => st.insListItem.run(list.id, id, position));
        const outcomeAt = days.at(d, between(rng, 9 * 60, 16 * 60 + 30));
        const by = clerk();
        if (u() >= 0.18) {
          if (u() < 0.004) {
            emit('returned_to_agency', outcomeAt, by, { reason: 'Không có địa chỉ này', requestKey: seededUuid(rng) });
            return;
          }
          const self = u() < 0.7;
          if (emit('delivered', outcomeAt, by, { receiverName: self ? person.fullName : randomPerson(rng, year).fullName, relation: self ? t('lifecycle.id.applicant') : pick(rng, RELATIONS), idChecked: u() < 0.6, atCounter: false, requestKey: seededUuid(rng), collected: due }))
            collect(last, by);
          return;
        }
        const retry = attempt < 3 && u() < 0.85;
        const nextAttempt = retry ? days.day(nextPostDay(d)) : undefined;
        if (!emit('delivery_failed', outcomeAt, by, { reason: pick(rng, FAIL_REASONS), ...(nextAttempt ? { nextAttempt } : {}), requestKey: seededUuid(rng) })) return;
        if (retry) continue;
        hold(days.at(nextPostDay(d), between(rng, 7.5 * 60, 8.5 * 60)));
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
      // A next-day correction of the postage now and then (no agency money moves: the manifest's fees stay as handed over).
      const postal = lines.findIndex((l) => l.kind === 'postal_send' || l.kind === 'postal_return');
      if (postal >= 0 && payment !== 'none' && u() < 0.0008) {
        const at = days.at(nextPostDay(day), between(rng, 8 * 60, 11 * 60));
        if (at <= horizon) {
          const l = lines[postal];
          later(at, () => {
            ledger(at, o.managerId, id, 'reversal', t('reception.reversalOf', { label: l.label }), l.agency, -l.amount, payment, lineIds[postal] ?? null, 'Thu nhầm cước, hoàn cho công dân');
            auditNow(at, o.managerId, 'ledger.reverse', 'ledger_entry', String(lineIds[postal]), { reason: 'Thu nhầm cước' });
          });
        }
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
      const minutes = (r - days.at(day, 0)) / MINUTE;
      const addDay = minutes < 15 * 60 && days.dow(day) !== 0 ? day : nextPostDay(day);
      const addAt = addDay === day ? Math.min(r + between(rng, 15, 90) * MINUTE, days.at(day, 15 * 60 + 50)) : days.at(addDay, between(rng, 7 * 60 + 45, 14 * 60 + 45));
      if (addAt > horizon) return;
      const by = clerk();
      const m = manifestFor(proc.agency, addAt, by);
      if (!emit('added_to_manifest', addAt, by, { manifestId: m.id, number: m.number })) return;
      if (fees !== 0) m.fees.set(payment, (m.fees.get(payment) ?? 0) + fees);
      const addedAt = last;
      later(addedAt, () => st.insManifestItem.run(m.id, id, iso(addedAt), by));
      if (!emit('dispatched', m.dispatchAt, m.dispatchedBy, { manifestId: m.id, number: m.number, carrier: m.carrier })) return;
      if (u() < 0.0001) {
        const at = m.dispatchAt + between(rng, 1, 3) * DAY_MS;
        const kind = u() < 0.4 ? 'lost' : 'damaged';
        if (at <= horizon)
          later(at, () => {
            insIncident.run(id, kind, kind === 'lost' ? 'Thất lạc trên đường chuyển' : 'Bì hồ sơ bị rách, ướt', iso(at), dayOfMs(at), o.managerId, seededUuid(rng));
            incidents++;
          });
      }
      if (u() < 0.008) {
        emit('agency_refused', m.agencyAt, m.recordedBy, { reason: pick(rng, REFUSAL_REASONS), number: m.number, receiver: m.receiver });
        return;
      }
      const newDate = u() < 0.05 && resultDay !== null ? resultDay + 2 + Math.floor(u() * 9) : null;
      if (!emit('agency_received', m.agencyAt, m.recordedBy, { ...(newDate !== null ? { resultDate: days.day(newDate) } : {}), number: m.number, receiver: m.receiver })) return;
      if (newDate !== null) resultDay = newDate;
      if (u() < 0.1) {
        const asked = last + between(rng, 1, Math.max(2, proc.processingDays * 0.6)) * DAY_MS;
        const [reason, items] = pick(rng, SUPPLEMENT_REASONS);
        if (!emit('supplement_requested', asked, clerk(), { reason, items })) return;
        if (u() < 0.03) {
          emit('agency_refused', asked + between(rng, 20, 40) * DAY_MS, clerk(), { reason: 'Quá thời hạn bổ sung hồ sơ' });
          return;
        }
        if (!emit('supplement_sent', asked + between(rng, 2, 12) * DAY_MS, clerk(), {})) return;
        if (resultDay !== null) resultDay += Math.ceil((last - asked) / DAY_MS);
      }
      if (service === 'send') return; // the post's part ends at the agency
      const late = u();
      let d = Math.max((resultDay as number) + Math.floor(late < 0.75 ? between(rng, -2, 1) : late < 0.95 ? between(rng, 1, 6) : between(rng, 6, 20)), days.of(last) + 1);
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
      if (printed) {
        let receipt = 0;
        later(r, () => {
          receipt = job(r, `dossier:${id}:receipt`, 1, 'receipt', `GIẤY TIẾP NHẬN HỒ SƠ ${code}`, o.samples.receipt, null, byAtCounter);
          if (sends) {
            job(r, `dossier:${id}:envelope-list`, 1, 'receipt', `BẢN KÊ GIẤY TỜ TRONG BÌ HỒ SƠ ${code}`, o.samples.envelope, null, byAtCounter);
            job(r, `dossier:${id}:label`, 2, 'label', `${itemNumber} ${code}`, o.samples.label, null, byAtCounter);
          }
        });
        // Now and then the citizen asks for the receipt again (a reprint, listed on the day's report).
        const reprint = u() < 0.004 ? Math.min(r + between(rng, 10, 120) * MINUTE, days.at(day, 17 * 60 + 20)) : null;
        if (reprint !== null && reprint <= horizon) {
          const key = seededUuid(rng);
          later(reprint, () => {
            const rj = job(reprint, `reprint:${receipt}:${key}`, 1, 'receipt', `GIẤY TIẾP NHẬN HỒ SƠ ${code}`, o.samples.receipt, receipt, byAtCounter);
            auditNow(reprint, byAtCounter, 'print.reprint', 'print_job', String(rj), { original: receipt, title: `GIẤY TIẾP NHẬN HỒ SƠ ${code}` });
          });
        }
      }
    }
    life();

    world.writeDossier({ id, code, idempotencyKey: seededUuid(rng), itemNumber, proc, service, applicantJson, idNumber, person, representative, delivery, registered, agencyCode, due, snap, r, dayStr, byAtCounter, agencyDay, resultDay, payment, total, book, state: state as DossierLifecycle | null, last });
  };

  /** Guidance slips of a day: people whose papers were incomplete, sent home with the list of what is missing. */
  const guide = (day: number, n: number) => {
    const closeAt = days.dow(day) === 6 ? 11.5 * 60 : days.dow(day) === 0 ? 10 * 60 : 17 * 60;
    for (let i = 0; i < n; i++) {
      const at = days.at(day, between(rng, 7.5 * 60, closeAt));
      const proc = weighted(rng, procedureWeights);
      const by = clerk();
      const name = u() < 0.7 ? randomPerson(rng, 2000).fullName : null;
      const key = seededUuid(rng);
      later(at, () => {
        const slipId = Number(insSlip.run(iso(at), days.day(day), by, proc.rowId, name, o.samples.slipMissing, key).lastInsertRowid);
        slips++;
        auditNow(at, by, 'reception.guidance', 'guidance_slip', String(slipId), { procedure: proc.code, missing: 2 });
        if (day >= printFrom) job(at, `guidance:${key}`, 1, 'receipt', 'PHIẾU HƯỚNG DẪN BỔ SUNG HỒ SƠ', o.samples.slipDocument, null, by);
      });
    }
  };

  const t0 = Date.now();
  let nextLog = 200_000;
  let day = 0;
  while (day <= lastDay) {
    db.transaction(() => {
      const stop = dossierId + BATCH;
      while (day <= lastDay && dossierId < stop) {
        const n = counts[day];
        const wd = days.dow(day);
        const open = wd === 0 ? 8 * 60 : 7.5 * 60;
        const close = wd === 0 ? 10 * 60 : wd === 6 ? 11.5 * 60 : 17 * 60;
        const span = (close - open) / Math.max(n, 1);
        for (let seq = 1; seq <= n; seq++) simulate(day, seq, days.at(day, open + (seq - 1) * span + rng() * span));
        guide(day, Math.round(n * 0.04 * between(rng, 0.5, 1.5)));
        if (n > 0) st.insSequence.run(POINT.code, days.day(day), n);
        world.flush(day);
        day++;
      }
    })();
    if (dossierId >= nextLog) {
      o.log(`    ${fmtCount(dossierId)} dossiers, ${fmtCount(tally.events)} events, ${fmtCount(tally.ledgerLines)} ledger lines (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      nextLog += 200_000;
    }
  }
  world.drained();

  db.transaction(() => {
    world.writeBooks();
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
        status === 'received' && m.handsOver ? m.handed : null,
        m.id,
      );
    }
  })();
  const insertSeconds = Math.round((Date.now() - t0) / 100) / 10;
  o.log(`    rows written in ${insertSeconds} s`);

  let aggregateSeconds = 0;
  if (mode === 'bulk') {
    const ta = Date.now();
    db.transaction(() => {
      db.exec('DELETE FROM dossier_activity; DELETE FROM agency_fee_balance;');
      for (const sql of o.aggregateSql) db.exec(sql);
      for (const tr of aggregateTriggers) db.exec(tr.sql);
    })();
    aggregateSeconds = Math.round((Date.now() - ta) / 100) / 10;
    o.log(`    aggregates recomputed in bulk (${o.aggregateSql.length} INSERT … SELECT of the migration) in ${aggregateSeconds} s`);
  }

  const ti = Date.now();
  for (const ix of indexes) db.exec(ix.sql);
  const indexSeconds = Math.round((Date.now() - ti) / 100) / 10;
  o.log(`    ${indexes.length} indexes rebuilt in ${indexSeconds} s`);

  const openDays = Array.from({ length: OPEN_DAYS }, (_, i) => days.day(lastDay - OPEN_DAYS + 1 + i));
  return {
    format: SEED_FORMAT,
    dossiers: dossierId,
    events: tally.events,
    ledgerLines: tally.ledgerLines,
    auditLines: tally.audits,
    slips,
    printJobs,
    incidents,
    manifests: manifests.size,
    deliveryLists: world.lists.size,
    shiftCloses: 0,
    byStatus: statusCounts(db),
    firstDay: world.firstDayStr,
    lastDay: world.lastDayStr,
    sealedDays: 0,
    sealedFirst: null,
    sealedLast: null,
    openDays,
    aggregates: mode,
    seededAt: new Date().toISOString(),
    seedSeconds: 0,
    insertSeconds,
    indexSeconds,
    aggregateSeconds,
    shiftSeconds: 0,
    sealSeconds: 0,
    sealCloseMs: 0,
  };
}

/**
 * Every clerk closes their shift at the end of each day they worked: a blind count (the exact
 * amount, now and then a small difference with a reason) and the close over their drawer's lines
 * since the previous close, as the shift close writes them. Ledger ids follow time, so a drawer's
 * lines of a day are exactly those after its previous close.
 */
function seedShiftCloses(db: Database.Database, managerId: number, rng: Rng): number {
  // A reversal is paid out of (or back into) the drawer of the line it reverses, whoever wrote it.
  const lines = `SELECT l.id, l.day, l.at, l.kind, l.amount, l.payment_method,
      CASE WHEN l.kind = 'reversal' THEN coalesce((SELECT o.user_id FROM ledger_entry o WHERE o.id = l.reverses), l.user_id) ELSE l.user_id END AS drawer
    FROM ledger_entry l`;
  const groups = db
    .prepare(
      `SELECT day, drawer AS userId, max(id) AS lastId, count(*) AS lines, min(at) AS openedAt, max(at) AS lastAt,
              coalesce(sum(CASE WHEN payment_method = 'cash' THEN amount END), 0) AS cash,
              coalesce(sum(CASE WHEN payment_method = 'transfer' THEN amount END), 0) AS transfer
         FROM (${lines}) GROUP BY day, drawer ORDER BY day, drawer`,
    )
    .all() as { day: string; userId: number; lastId: number; lines: number; openedAt: string; lastAt: string; cash: number; transfer: number }[];
  const money = new Map<string, { kind: string; paymentMethod: string; lines: number; amount: number }[]>();
  for (const m of db
    .prepare(`SELECT day, drawer, kind, payment_method AS paymentMethod, count(*) AS lines, sum(amount) AS amount FROM (${lines}) GROUP BY day, drawer, kind, payment_method ORDER BY day, drawer, kind, payment_method`)
    .all() as { day: string; drawer: number; kind: string; paymentMethod: string; lines: number; amount: number }[]) {
    const key = `${m.day}|${m.drawer}`;
    let list = money.get(key);
    if (!list) money.set(key, (list = []));
    list.push({ kind: m.kind, paymentMethod: m.paymentMethod, lines: m.lines, amount: m.amount });
  }
  const insCount = db.prepare(
    `INSERT INTO cash_count (scope, day, at, user_id, denominations, cash_counted, transfer_confirmed, cash_expected, transfer_expected,
       after_ledger_id, last_ledger_id, line_count, idempotency_key) VALUES ('shift', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insShift = db.prepare(
    `INSERT INTO shift_close (clerk_id, day, opened_at, closed_at, after_ledger_id, last_ledger_id, line_count, count_id, cash_expected, cash_counted,
       transfer_expected, transfer_confirmed, reason, approved_by, money, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAudit = db.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const after = new Map<number, number>();
  db.transaction(() => {
    for (const g of groups) {
      const prev = after.get(g.userId) ?? 0;
      const closeAt = Math.max(Date.parse(g.lastAt) + 10 * MINUTE, Date.parse(`${g.day}T17:05:00+07:00`)) + Math.floor(rng() * 20) * MINUTE;
      const countAt = new Date(closeAt - 4 * MINUTE).toISOString();
      const closedAt = new Date(closeAt).toISOString();
      const short = g.cash > 100_000 && rng() < 0.06 ? pick(rng, [10_000, 20_000, 5_000]) : 0;
      const sheet = countSheet(g.cash - short);
      const difference = sheet.total - g.cash;
      const reason = difference === 0 ? null : g.cash < 0 ? SHIFT_REASONS[2] : pick(rng, SHIFT_REASONS.slice(0, 2));
      const approvedBy = Math.abs(difference) > 50_000 ? managerId : null;
      const countId = Number(
        insCount.run(g.day, countAt, g.userId, JSON.stringify(sheet.denominations.map((n) => [n.value, n.count])), sheet.total, g.transfer, g.cash, g.transfer, prev, g.lastId, g.lines, seededUuid(rng))
          .lastInsertRowid,
      );
      const id = Number(
        insShift.run(g.userId, g.day, g.openedAt, closedAt, prev, g.lastId, g.lines, countId, g.cash, sheet.total, g.transfer, g.transfer, reason, approvedBy, JSON.stringify(money.get(`${g.day}|${g.userId}`) ?? []), seededUuid(rng))
          .lastInsertRowid,
      );
      insAudit.run(countAt, g.userId, 'shift.count', 'cash_count', String(countId), JSON.stringify({ day: g.day, cash: sheet.total, transfer: g.transfer }));
      insAudit.run(closedAt, g.userId, 'shift.close', 'shift_close', String(id), JSON.stringify({ cashDifference: difference, transferDifference: 0, reason, approvedBy }));
      after.set(g.userId, g.lastId);
    }
  })();
  return groups.length;
}

/**
 * Closes every day before the open ones through the real DayCloseService, in order, with the
 * clock at 17:45 that day: the manager's blind count of the drawers (the opening float carried from
 * the previous close plus the day's net cash, counted exactly), the close remitting what was counted
 * above the float kept (FLOAT_KEPT, see `cashToRemit`, so the float stays near 2.000.000 đ over five
 * years instead of growing by every day's takings), the pending work overridden (results still
 * waiting at the counter are normal), the Z report stored and sealed into the hash chain. The Z
 * report print jobs are marked printed afterwards.
 */
async function sealHistory(dir: string, info: DayCloseSeedInfo, log: (line: string) => void): Promise<{ days: number; first: string | null; last: string | null; seconds: number; medianMs: number }> {
  const t0 = Date.now();
  const firstOpen = info.openDays[0];
  const toSeal: string[] = [];
  for (let d = info.firstDay; d < firstOpen; d = addDays(d, 1)) toSeal.push(d);
  let now = Date.parse(`${info.firstDay}T17:45:00+07:00`);
  const app = openApp({ dataDir: dir, host: 'browser', startDevices: false, clock: () => new Date(now), log: () => {} });
  const times: number[] = [];
  try {
    await app.services.printQueue.stop();
    app.db.pragma('synchronous = OFF');
    const ctx = newContext();
    await app.services.auth.signIn(ctx, MANAGER.username, MANAGER.password);
    const session = ctx.session as Session;
    const expect = app.db.prepare(
      `SELECT coalesce(sum(CASE WHEN payment_method = 'cash' THEN amount END), 0) AS cash, coalesce(sum(CASE WHEN payment_method = 'transfer' THEN amount END), 0) AS transfer FROM ledger_entry WHERE day = ?`,
    );
    // The drawers hold the previous close's counted cash less its remittance (the opening float) plus the day's net cash.
    let opening = 0;
    log(`  sealing ${fmtCount(toSeal.length)} history days through DayCloseService (${toSeal[0]} … ${toSeal[toSeal.length - 1]})…`);
    let nextLog = Date.now() + 30_000;
    for (const [i, day] of toSeal.entries()) {
      now = Date.parse(`${day}T17:45:00+07:00`);
      const e = expect.get(day) as { cash: number; transfer: number };
      const sheet = countSheet(opening + e.cash);
      const ts = process.hrtime.bigint();
      const count = app.services.dayClose.countDay(ctx, session, { day, denominations: sheet.denominations, transferConfirmed: e.transfer, idempotencyKey: `seed-day-count:${day}` });
      now += 60_000;
      const nextDay = addDays(day, 1);
      const remitted = cashToRemit(sheet.total, (expect.get(nextDay) as { cash: number }).cash);
      opening = sheet.total - remitted;
      await app.services.dayClose.closeDay(ctx, session, {
        day,
        countId: count.id,
        ...(count.needsReason ? { reason: 'Tiền lẻ không đủ mệnh giá để đếm' } : {}),
        ...(count.needsApproval ? { approval: { username: MANAGER.username, password: MANAGER.password } } : {}),
        overrideReason: 'Kết quả chờ công dân đến nhận và hồ sơ chờ chuyển theo lịch: bình thường',
        cashRemitted: remitted,
        ...(remitted > 0 ? { remittanceNote: remittanceNote(day) } : {}),
        idempotencyKey: `seed-day-close:${day}`,
      });
      times.push(Number(process.hrtime.bigint() - ts) / 1e6);
      if (Date.now() > nextLog) {
        log(`    ${fmtCount(i + 1)} / ${fmtCount(toSeal.length)} days sealed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        nextLog = Date.now() + 30_000;
      }
    }
    app.db.prepare(`UPDATE print_job SET state = 'printed', attempts = 1, transmit_started_at = created_at, printed_at = created_at, updated_at = created_at WHERE state = 'queued'`).run();
    app.db.pragma('synchronous = FULL');
  } finally {
    await app.close();
  }
  times.sort((a, b) => a - b);
  return {
    days: toSeal.length,
    first: toSeal[0] ?? null,
    last: toSeal[toSeal.length - 1] ?? null,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    medianMs: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10,
  };
}
