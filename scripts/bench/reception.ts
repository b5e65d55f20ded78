import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants as perfConstants, PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { openApp, type App } from '../../main/app/compose';
import { appPaths, defaultAppRoot } from '../../main/app/paths';
import type { Db } from '../../main/db/database';
import { newContext, type CallContext, type Session } from '../../main/services/context';
import type { ConfirmInput, ReceptionService as Service } from '../../shared/api/reception';
import { MANAGER } from '../../test/support/app';
import { allocateItemNumbers, confirmInput } from '../../test/support/reception';
import { track } from './cleanup';
import { seededRandom } from './generate';
import { fmtCount, fmtGb, fmtMs, fmtRatio, hr, msSince, percentile, stats, table, time, type Stats } from './report';
import {
  GRAMS,
  pickProcedure,
  pickService,
  procedureTemplates,
  randomDelivery,
  randomPerson,
  randomRepresentative,
  readSeedInfo,
  seededDatabase,
  ZONES,
  type SeedInfo,
} from './receptionSeed';
import { fsyncFile, type SeededBenchOptions } from './seedKit';

/**
 * `reception.confirm` — the whole durable transaction (dossier code sequence,
 * S10 item number, checklist snapshot, ledger lines, event, audit, print jobs)
 * — timed through the real service on a copy of a 1,000,000-dossier database,
 * opened as the app opens it (WAL, synchronous=FULL). In the same run and the
 * same folder, interleaved with the confirms, the floors: a bare 4 KB write +
 * fsync, and a one-row commit in a WAL + synchronous=FULL database.
 *
 * Printing is not what is measured: the print queue is stopped before timing,
 * so `release()` after the commit kicks no worker (the jobs are still written
 * in the transaction). A separate, small pass with the queue live shows what
 * the clerk waits for when printers are idle.
 */

export const CONFIRM_BUDGET_P95_MS = 10;

export interface ReceptionBenchOptions extends SeededBenchOptions {
  runs?: number;
  warmup?: number;
  syncOffRuns?: number;
  liveRuns?: number;
}

export interface PlanRow {
  label: string;
  hot: boolean;
  sql: string;
  perConfirm: number;
  access: string;
  scan: boolean;
  /** Rows of the table a scanning statement walks, at the time of the run. */
  scanRows: number | null;
}

export interface ReceptionResult {
  cacheFile: string;
  reused: boolean;
  removedStale: string[];
  dbBytes: number;
  seed: SeedInfo;
  copyMs: number;
  openMs: number;
  rows: { dossiers: number; ledger: number; events: number; audit: number; s10Ranges: number; sequences: number; printJobs: number };
  runs: number;
  warmup: number;
  services: Record<Service, number>;
  firstConfirmMs: number;
  confirm: Stats;
  fsync: Stats;
  commit: Stats;
  walFrames: Stats | null;
  pageSize: number;
  checkpoints: { count: number; with: Stats | null; without: Stats } | null;
  syncOff: Stats;
  /** V8 garbage collections that overlapped the timed confirms. */
  gc: { pauses: number; major: number; msInConfirms: number; slowConfirms: number; slowWithGc: number; slowGcMs: number } | null;
  prepares: { confirms: number; perConfirm: number; distinct: number; msPerConfirm: number };
  live: { stats: Stats; kickMs: number; renderMs: number; sendingBeforeReturn: number; transmitMarkedBeforeReturn: number; devices: number } | null;
  byService: Partial<Record<Service, Stats>>;
  plans: PlanRow[];
  checks: string[];
  budgetMs: number;
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** mxFrame and nBackfill from the WAL index (the -shm file, native byte order): pages written, checkpoints run. */
function walIndexReader(dbFile: string): { read(): { mxFrame: number; nBackfill: number } | null; close(): void } {
  let fd: number | null = null;
  const buf = Buffer.alloc(100);
  const le = os.endianness() === 'LE';
  return {
    read() {
      try {
        fd ??= fs.openSync(`${dbFile}-shm`, 'r');
        if (fs.readSync(fd, buf, 0, 100, 0) < 100) return null;
        return le ? { mxFrame: buf.readUInt32LE(16), nBackfill: buf.readUInt32LE(96) } : { mxFrame: buf.readUInt32BE(16), nBackfill: buf.readUInt32BE(96) };
      } catch {
        return null;
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

// ── Query plans ──

const HOT: [RegExp, string][] = [
  [/^INSERT INTO dossier_sequence/, 'dossier_sequence upsert'],
  [/^SELECT \* FROM dossier WHERE idempotency_key = \?/, 'idempotency-key lookup'],
  [/^SELECT \* FROM s10_range ORDER BY/, 'S10 range read'],
  [/^UPDATE s10_range SET last_used/, 'S10 last_used update'],
];
const SEEKS = new Set(['SeekRowid', 'NotExists', 'SeekGE', 'SeekGT', 'SeekLE', 'SeekLT', 'NoConflict', 'NotFound', 'Found', 'DeferredSeek']);
const SCANS = new Set(['Rewind', 'Last']);

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/**
 * EXPLAIN QUERY PLAN where SQLite gives one; INSERTs (and the upsert) have none,
 * so their b-tree accesses are read from the EXPLAIN bytecode: which cursors seek
 * by key, which only append, and whether any walks a whole table or index.
 */
function planOf(db: Db, sql: string): { access: string; scan: boolean } {
  const args = new Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
  const eqp = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  if (eqp.length) {
    const scanned = eqp.filter((r) => /^SCAN /.test(r.detail) && !/CONSTANT ROW/.test(r.detail));
    return { access: eqp.map((r) => r.detail).join('; '), scan: scanned.length > 0 };
  }
  const names = new Map<number, string>();
  for (const r of db.prepare(`SELECT rootpage, name FROM sqlite_master WHERE rootpage > 0 ORDER BY type DESC`).all() as { rootpage: number; name: string }[])
    if (!names.has(r.rootpage)) names.set(r.rootpage, r.name);
  const ops = db.prepare(`EXPLAIN ${sql}`).all(...args) as { opcode: string; p1: number; p2: number; p3: number }[];
  const cursors = new Map<number, { name: string; write: boolean; ops: Set<string> }>();
  for (const op of ops)
    if ((op.opcode === 'OpenRead' || op.opcode === 'OpenWrite') && op.p3 === 0)
      cursors.set(op.p1, { name: names.get(op.p2) ?? `root ${op.p2}`, write: op.opcode === 'OpenWrite', ops: new Set() });
  for (const op of ops) cursors.get(op.p1)?.ops.add(op.opcode);
  const parts: string[] = [];
  let scan = false;
  const appended: string[] = [];
  const indexed: string[] = [];
  const looked: string[] = [];
  for (const c of cursors.values()) {
    const seeks = [...c.ops].filter((o) => SEEKS.has(o));
    const scans = [...c.ops].filter((o) => SCANS.has(o));
    if (scans.length) {
      scan = true;
      parts.push(`SCAN ${c.name}`);
    } else if (c.ops.has('NewRowid')) appended.push(c.name);
    else if (c.write && c.ops.has('IdxInsert')) indexed.push(seeks.includes('NoConflict') ? `${c.name} (unique check)` : c.name);
    else if (seeks.length) looked.push(`${c.name} (${seeks.join('/')})`);
  }
  if (appended.length) parts.push(`new rowid in ${appended.join(', ')}`);
  if (indexed.length) parts.push(`key insert into ${indexed.join(', ')}`);
  if (looked.length) parts.push(`key lookup ${looked.join(', ')}`);
  return { access: parts.join('; ') || '-', scan };
}

function collectPlans(db: Db, seen: Map<string, number>, confirms: number): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const [sql, n] of seen) {
    const line = oneLine(sql);
    const hot = HOT.find(([re]) => re.test(line));
    const { access, scan } = planOf(db, sql);
    const scanned = /SCAN (\w+)/.exec(access)?.[1];
    const scanRows = scanned ? count(db, `SELECT count(*) AS n FROM "${scanned}"`) : null;
    rows.push({ label: hot?.[1] ?? line, hot: !!hot, sql: line, perConfirm: n / confirms, access, scan, scanRows });
  }
  const order = (r: PlanRow) => (r.hot ? HOT.findIndex(([, l]) => l === r.label) : 100);
  return rows.sort((a, b) => order(a) - order(b));
}

/** Every `db.prepare` confirm makes (better-sqlite3 compiles each call: there is no statement cache). */
function recordPrepares(db: Db, body: () => void): { seen: Map<string, number>; calls: number; ms: number } {
  const seen = new Map<string, number>();
  let calls = 0;
  let ms = 0;
  const original = db.prepare;
  const target = db as unknown as { prepare: (sql: string) => unknown };
  target.prepare = function (this: Db, sql: string) {
    const t0 = hr();
    const statement = original.call(db, sql);
    ms += msSince(t0);
    calls++;
    seen.set(sql, (seen.get(sql) ?? 0) + 1);
    return statement;
  };
  try {
    body();
  } finally {
    Reflect.deleteProperty(target, 'prepare');
  }
  if (db.prepare !== original) throw new Error('could not restore db.prepare');
  return { seen, calls, ms };
}

// ── Inputs ──

function inputMaker(app: App, seed: number): { next(): ConfirmInput } {
  const rng = seededRandom(seed);
  const templates = procedureTemplates(app);
  const year = new Date().getFullYear();
  return {
    next() {
      const t = pickProcedure(rng, templates);
      const service = pickService(rng, t);
      const applicant = randomPerson(rng, year);
      const zones = ZONES.map(([z]) => z);
      return confirmInput(app, t.code, crypto.randomUUID(), {
        service,
        applicant,
        ...(rng() < 0.08 ? { representative: randomRepresentative(rng, year) } : {}),
        delivery: randomDelivery(rng, service, applicant),
        postal: { zoneId: zones[Math.floor(rng() ** 2 * zones.length)], grams: GRAMS[Math.floor(rng() * GRAMS.length)] },
        payment: rng() < 0.78 ? 'cash' : 'transfer',
      });
    },
  };
}

// ── The bench ──

export async function benchReception(o: ReceptionBenchOptions = {}): Promise<ReceptionResult> {
  const log = o.log ?? (() => {});
  const dossiers = o.dossiers ?? Number(process.env.BCCI_BENCH_DOSSIERS ?? 1_000_000);
  const runs = o.runs ?? 300;
  const warmup = o.warmup ?? 20;
  const syncOffRuns = o.syncOffRuns ?? 100;
  const profileRuns = 10;
  const liveRuns = o.liveRuns ?? 30;
  const liveWarmup = 3;
  const appRoot = defaultAppRoot();

  let seeded = await seededDatabase({ dossiers, appRoot, reseed: o.reseed, log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-bench-reception-'));
  const release = track(() => fs.rmSync(dir, { recursive: true, force: true }));
  const paths = appPaths(dir);
  const wal = walIndexReader(paths.dbFile);
  try {
    // A fresh copy of the cache per run; a cache that is not a complete seed is seeded again.
    let copyMs = 0;
    let openMs = 0;
    let app: App | null = null;
    let seed: SeedInfo | null = null;
    for (let attempt = 0; attempt < 2 && !seed; attempt++) {
      log(`  copying ${seeded.cacheFile} (${fmtGb(seeded.bytes)})…`);
      // Flushed before timing: gigabytes of dirty pages written back during the run would stall the fsyncs measured.
      copyMs = time(() => {
        fs.copyFileSync(seeded.cacheFile, paths.dbFile);
        fsyncFile(paths.dbFile);
      }).ms;
      const opened = time(() => openApp({ dataDir: dir, host: 'browser', startDevices: false, log }));
      openMs = opened.ms;
      app = opened.value;
      seed = readSeedInfo(app.db);
      if (!seed || seed.dossiers !== dossiers) {
        log(`  ${seeded.cacheFile} is not a complete seed: seeding again`);
        await app.close();
        app = null;
        seed = null;
        for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
        seeded = await seededDatabase({ dossiers, appRoot, reseed: true, log });
      }
    }
    if (!app || !seed) throw new Error('no seeded database');

    const checks: string[] = [];
    let result: Omit<ReceptionResult, 'live'>;
    let live: ReceptionResult['live'] = null;
    try {
      // Printing is not measured: no worker may run. startDevices:false leaves the queue un-resumed;
      // stopping it makes the `release(jobs)` after each commit a no-op (the jobs stay queued on disk).
      await app.services.printQueue.stop();
      const ctx = newContext();
      await app.services.auth.signIn(ctx, MANAGER.username, MANAGER.password);
      const session = ctx.session as Session;
      const db = app.db;
      const rows = {
        dossiers: count(db, 'SELECT count(*) AS n FROM dossier'),
        ledger: count(db, 'SELECT count(*) AS n FROM ledger_entry'),
        events: count(db, 'SELECT count(*) AS n FROM dossier_event'),
        audit: count(db, 'SELECT count(*) AS n FROM audit_log'),
        s10Ranges: count(db, 'SELECT count(*) AS n FROM s10_range'),
        sequences: count(db, 'SELECT count(*) AS n FROM dossier_sequence'),
        printJobs: count(db, 'SELECT count(*) AS n FROM print_job'),
      };
      const journal = String(db.pragma('journal_mode', { simple: true }));
      const synchronous = Number(db.pragma('synchronous', { simple: true }));
      if (journal !== 'wal' || synchronous !== 2) throw new Error(`app database opened with journal_mode=${journal}, synchronous=${synchronous} (expected wal, 2 = FULL)`);
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      const lastJobBefore = count(db, 'SELECT coalesce(max(id), 0) AS n FROM print_job');

      // Item numbers for every confirm of this run: a new range after the ones already used.
      const needed = warmup + runs + syncOffRuns + profileRuns + liveRuns + liveWarmup + 50;
      const lastEnd = count(db, 'SELECT coalesce(max(end_serial), 12344999) AS n FROM s10_range');
      allocateItemNumbers(app, ctx, lastEnd + 1, lastEnd + needed);

      const maker = inputMaker(app, 9_117);
      const build = (n: number) => Array.from({ length: n }, () => maker.next());
      const warmInputs = build(warmup);
      const timedInputs = build(runs);
      const confirm = (input: ConfirmInput) => (app as App).services.reception.confirm(ctx, session, input);

      // First confirm after opening (cold statement compile, cold caches), then warm-up.
      const first = time(() => confirm(warmInputs[0]));
      for (const input of warmInputs.slice(1)) confirm(input);

      // Floors in the same folder: a bare 4 KB write + fsync, and a one-row WAL commit.
      const fsyncFile = path.join(dir, 'fsync-floor.bin');
      const fd = fs.openSync(fsyncFile, 'w+');
      const floorDb = new Database(path.join(dir, 'floor.sqlite'));
      const stopFloors = track(() => {
        fs.closeSync(fd);
        floorDb.close();
      });
      let fsyncs: number[];
      let commits: number[];
      let confirms: number[];
      const frames: number[] = [];
      const windows: [number, number][] = new Array(runs);
      const gcEntries: PerformanceEntry[] = [];
      const checkpointed: boolean[] = [];
      try {
        fs.writeSync(fd, Buffer.alloc(1 << 20));
        fs.fsyncSync(fd);
        const page = Buffer.alloc(4096, 0x5a);
        const fsyncOnce = (i: number) => {
          fs.writeSync(fd, page, 0, page.length, (i % 256) * page.length);
          fs.fsyncSync(fd);
        };
        floorDb.pragma('journal_mode = WAL');
        floorDb.pragma('synchronous = FULL');
        floorDb.exec('CREATE TABLE floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL, v TEXT NOT NULL)');
        const insertFloor = floorDb.prepare('INSERT INTO floor (at, v) VALUES (?, ?)');
        const commitOne = floorDb.transaction(() => insertFloor.run(new Date().toISOString(), 'bench'));
        for (let i = 0; i < 20; i++) {
          fsyncOnce(i);
          commitOne.immediate();
        }

        // Interleaved, round-robin: every round runs each of the three once, rotating which goes first.
        log(`  timing ${runs} confirms, ${runs} fsyncs, ${runs} one-row commits (interleaved)…`);
        fsyncs = new Array<number>(runs);
        commits = new Array<number>(runs);
        confirms = new Array<number>(runs);
        let before = wal.read();
        const gcObserver = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
        gcObserver.observe({ entryTypes: ['gc'] });
        for (let r = 0; r < runs; r++) {
          for (let k = 0; k < 3; k++) {
            const which = (k + r) % 3;
            if (which === 0) {
              const t0 = hr();
              windows[r] = [performance.now(), 0];
              confirm(timedInputs[r]);
              confirms[r] = msSince(t0);
              windows[r][1] = performance.now();
              const after = wal.read();
              if (before && after) {
                frames.push(after.mxFrame >= before.mxFrame ? after.mxFrame - before.mxFrame : after.mxFrame);
                checkpointed.push(after.nBackfill !== before.nBackfill && after.nBackfill > 0);
              }
              before = after;
            } else if (which === 1) {
              const t0 = hr();
              fsyncOnce(r);
              fsyncs[r] = msSince(t0);
            } else {
              const t0 = hr();
              commitOne.immediate();
              commits[r] = msSince(t0);
            }
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
        gcEntries.push(...gcObserver.takeRecords());
        gcObserver.disconnect();
      } finally {
        await stopFloors();
      }

      // Diagnostics: the same confirms without the fsync, and what confirm prepares.
      log(`  diagnostics: ${syncOffRuns} confirms with synchronous=OFF, ${profileRuns} with db.prepare recorded…`);
      const offInputs = build(syncOffRuns);
      db.pragma('synchronous = OFF');
      const syncOff: number[] = [];
      try {
        for (const input of offInputs) syncOff.push(time(() => confirm(input)).ms);
      } finally {
        db.pragma('synchronous = FULL');
      }
      if (Number(db.pragma('synchronous', { simple: true })) !== 2) throw new Error('synchronous not restored to FULL');
      const profileInputs = build(profileRuns);
      const recorded = recordPrepares(db, () => {
        for (const input of profileInputs) confirm(input);
      });
      const plans = collectPlans(db, recorded.seen, profileRuns);

      // Sanity: every confirm wrote its dossier, and no print job left the queue.
      const confirmed = warmup + runs + syncOffRuns + profileRuns;
      const after = count(db, 'SELECT count(*) AS n FROM dossier');
      if (after !== rows.dossiers + confirmed) throw new Error(`expected ${rows.dossiers + confirmed} dossiers after the run, found ${after}`);
      checks.push(`${fmtCount(confirmed)} dossiers confirmed`);
      const jobs = db.prepare(`SELECT state, count(*) AS n FROM print_job WHERE id > ? GROUP BY state`).all(lastJobBefore) as { state: string; n: number }[];
      const notQueued = jobs.filter((j) => j.state !== 'queued').reduce((s, j) => s + j.n, 0);
      if (notQueued > 0) throw new Error(`${notQueued} print jobs left 'queued' while the queue was stopped`);
      checks.push(`${fmtCount(jobs.reduce((s, j) => s + j.n, 0))} print jobs written, all still queued`);

      // Which confirms a GC pause fell into, and how much of the slowest 5% it explains.
      const gcIn = windows.map(([a, b]) =>
        gcEntries.reduce((sum, e) => sum + Math.max(0, Math.min(b, e.startTime + e.duration) - Math.max(a, e.startTime)), 0),
      );
      const p95 = percentile(Float64Array.from(confirms).sort(), 95);
      const slow = confirms.map((ms, i) => (ms >= p95 ? i : -1)).filter((i) => i >= 0);
      const gc: ReceptionResult['gc'] = {
        pauses: gcEntries.filter((e) => windows.some(([a, b]) => e.startTime < b && e.startTime + e.duration > a)).length,
        major: gcEntries.filter((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR).length,
        msInConfirms: gcIn.reduce((a, b) => a + b, 0),
        slowConfirms: slow.length,
        slowWithGc: slow.filter((i) => gcIn[i] > 0).length,
        slowGcMs: slow.reduce((sum, i) => sum + gcIn[i], 0) / Math.max(1, slow.filter((i) => gcIn[i] > 0).length),
      };
      const ckptTimes = confirms.filter((_, i) => checkpointed[i]);
      const otherTimes = confirms.filter((_, i) => !checkpointed[i]);
      result = {
        cacheFile: seeded.cacheFile,
        reused: seeded.reused,
        removedStale: seeded.removedStale,
        dbBytes: seeded.bytes,
        seed,
        copyMs,
        openMs,
        rows,
        runs,
        warmup,
        services: { both: 0, send: 0, return: 0 },
        byService: {},
        firstConfirmMs: first.ms,
        confirm: stats(confirms),
        fsync: stats(fsyncs),
        commit: stats(commits),
        walFrames: frames.length === runs ? stats(frames) : null,
        pageSize,
        checkpoints: checkpointed.length === runs ? { count: ckptTimes.length, with: ckptTimes.length ? stats(ckptTimes) : null, without: stats(otherTimes) } : null,
        syncOff: stats(syncOff),
        gc,
        prepares: { confirms: profileRuns, perConfirm: recorded.calls / profileRuns, distinct: recorded.seen.size, msPerConfirm: recorded.ms / profileRuns },
        plans,
        checks,
        budgetMs: CONFIRM_BUDGET_P95_MS,
      };
      // Services of the timed confirms only.
      for (const input of timedInputs) result.services[input.service]++;
      for (const service of ['both', 'send', 'return'] as const) {
        const own = confirms.filter((_, i) => timedInputs[i].service === service);
        if (own.length) result.byService[service] = stats(own);
      }
    } finally {
      await app.close();
    }

    // With the queue live: a second app on the same file, printers idle before every confirm.
    if (liveRuns > 0) {
      log(`  ${liveRuns} confirms with the print queue live (emulated printers)…`);
      live = await livePass(dir, liveRuns, liveWarmup, log);
    }
    return { ...result, live };
  } finally {
    wal.close();
    await release();
  }
}

/**
 * The clerk's view with printers: the queue running (emulated printers), every
 * confirm made when the previous dossier's jobs have printed. Jobs queued by the
 * main pass (queue stopped) are cancelled first so they do not print here.
 */
async function livePass(dir: string, runs: number, warmup: number, log: (line: string) => void): Promise<NonNullable<ReceptionResult['live']>> {
  const app = openApp({ dataDir: dir, host: 'browser', startDevices: false, log });
  try {
    app.db.prepare(`UPDATE print_job SET state = 'cancelled' WHERE state = 'queued'`).run();
    const ctx: CallContext = newContext();
    await app.services.auth.signIn(ctx, MANAGER.username, MANAGER.password);
    const session = ctx.session as Session;
    const maker = inputMaker(app, 31_337);
    const inputs = Array.from({ length: warmup + runs }, () => maker.next());
    const times: number[] = [];
    let sending = 0;
    let marked = 0;
    let devices = 0;
    // Where the extra time goes: the worker kicks release() makes, and the rendering they do before their first await.
    const queue = app.services.printQueue as unknown as { kick(deviceId: number): void };
    const devicesService = app.services.devices as unknown as { render(job: unknown, document: unknown): Promise<Uint8Array> };
    const kick = queue.kick;
    const render = devicesService.render;
    let kickMs = 0;
    let renderMs = 0;
    queue.kick = function (deviceId: number) {
      const t0 = hr();
      kick.call(this, deviceId);
      kickMs += msSince(t0);
    };
    devicesService.render = function (job: unknown, document: unknown) {
      const t0 = hr();
      const bytes = render.call(this, job, document);
      renderMs += msSince(t0);
      return bytes;
    };
    let kickTotal = 0;
    let renderTotal = 0;
    const sendingOf = app.db.prepare(`SELECT count(*) AS n FROM print_job_event WHERE job_id = ? AND state = 'sending'`);
    const markedOf = app.db.prepare(`SELECT count(*) AS n FROM print_job WHERE id = ? AND transmit_started_at IS NOT NULL`);
    for (let i = 0; i < inputs.length; i++) {
      kickMs = 0;
      renderMs = 0;
      const t0 = hr();
      const { printJobs } = app.services.reception.confirm(ctx, session, inputs[i]);
      const ms = msSince(t0);
      // Read before yielding: what the workers did inside the confirm call.
      const k = kickMs;
      const rendered = renderMs;
      let s = 0;
      let m = 0;
      for (const j of printJobs) {
        s += (sendingOf.get(j.id) as { n: number }).n;
        m += (markedOf.get(j.id) as { n: number }).n;
      }
      await app.services.printQueue.idle();
      if (i < warmup) continue;
      times.push(ms);
      kickTotal += k;
      renderTotal += rendered;
      sending += s;
      marked += m;
      devices += new Set(printJobs.map((j) => j.deviceId)).size;
    }
    const states = app.db.prepare(`SELECT state, count(*) AS n FROM print_job WHERE state <> 'cancelled' GROUP BY state`).all() as { state: string; n: number }[];
    log(`    print jobs after the live pass: ${states.map((r) => `${r.state} ${r.n}`).join(', ')}`);
    Reflect.deleteProperty(queue, 'kick');
    Reflect.deleteProperty(devicesService, 'render');
    return { stats: stats(times), kickMs: kickTotal / runs, renderMs: renderTotal / runs, sendingBeforeReturn: sending / runs, transmitMarkedBeforeReturn: marked / runs, devices: devices / runs };
  } finally {
    await app.close();
  }
}

// ── Report ──

const row = (label: string, s: Stats) => [label, fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max)];

export function formatReception(r: ReceptionResult): string {
  const lines: string[] = [];
  const c = r.confirm;
  lines.push(`Reception confirm — ${fmtCount(r.rows.dossiers)} dossiers already in the database, WAL + synchronous=FULL as the app opens it`);
  lines.push(
    `  database: ${r.reused ? 'cached seed REUSED' : 'seeded now'} (${r.cacheFile}, ${fmtGb(r.dbBytes)}; seeded ${r.seed.seededAt.slice(0, 16).replace('T', ' ')} UTC in ${r.seed.seedSeconds} s), copied to a temp dir and flushed in ${(r.copyMs / 1000).toFixed(1)} s, opened in ${fmtMs(r.openMs)} ms`,
  );
  if (r.removedStale.length) lines.push(`  removed stale caches: ${r.removedStale.join(', ')}`);
  lines.push(
    `  rows: ${fmtCount(r.rows.dossiers)} dossiers (${r.seed.firstDay} … ${r.seed.lastDay}) · ${fmtCount(r.rows.ledger)} ledger lines · ${fmtCount(r.rows.events)} events · ${fmtCount(r.rows.audit)} audit lines · ${fmtCount(r.rows.sequences)} day sequences · ${fmtCount(r.rows.s10Ranges)} S10 ranges`,
  );
  lines.push(`  print queue: stopped before timing — the print jobs are written in the transaction, release() after the commit starts no worker`);
  lines.push(
    `  ${r.runs} timed confirms after ${r.warmup} warm-up (both ${r.services.both}, send ${r.services.send}, return ${r.services.return}; varied procedures, applicants, zones), interleaved round-robin with the floors`,
  );
  lines.push('');
  lines.push(
    ...table(
      ['', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        row('confirm (whole durable transaction)', c),
        row('floor: bare fsync (4 KB write + fsync)', r.fsync),
        row('floor: one-row commit (WAL, sync=FULL)', r.commit),
        ['ratio confirm / fsync', fmtRatio(c.p50 / r.fsync.p50), fmtRatio(c.p95 / r.fsync.p95), fmtRatio(c.p99 / r.fsync.p99), fmtRatio(c.max / r.fsync.max)],
        ['ratio confirm / one-row commit', fmtRatio(c.p50 / r.commit.p50), fmtRatio(c.p95 / r.commit.p95), fmtRatio(c.p99 / r.commit.p99), fmtRatio(c.max / r.commit.max)],
      ],
    ),
  );
  lines.push('');
  lines.push(`first confirm after opening the database: ${fmtMs(r.firstConfirmMs)} ms`);
  lines.push(
    `budget p95 ≤ ${r.budgetMs} ms with ${fmtCount(r.rows.dossiers)} dossiers:  ${c.p95 <= r.budgetMs ? 'PASS' : 'FAIL'}  (p95 ${fmtMs(c.p95)} ms; fsync floor p95 ${fmtMs(r.fsync.p95)} ms)`,
  );
  lines.push('');
  lines.push('where the time goes (diagnostics, not budgeted):');
  const d: string[][] = [];
  d.push([
    'confirm by service (timed run)',
    (['both', 'send', 'return'] as const)
      .flatMap((s) => {
        const x = r.byService[s];
        return x ? [`${s} p50 ${fmtMs(x.p50)} / p95 ${fmtMs(x.p95)} ms (${x.n})`] : [];
      })
      .join(' · '),
  ]);
  d.push([`confirm with synchronous=OFF (same work, no fsync), ${r.syncOff.n} calls`, `p50 ${fmtMs(r.syncOff.p50)} ms, p95 ${fmtMs(r.syncOff.p95)} ms, max ${fmtMs(r.syncOff.max)} ms`]);
  d.push([
    'headroom for a slower disk',
    `budget ${r.budgetMs} ms − p95 without fsync ${fmtMs(r.syncOff.p95)} ms ≈ ${fmtMs(r.budgetMs - r.syncOff.p95)} ms left for the commit's fsync (here p95 ${fmtMs(r.fsync.p95)} ms)`,
  ]);
  if (r.walFrames)
    d.push([
      'WAL pages written per confirm',
      `median ${r.walFrames.p50} (min ${r.walFrames.min}, max ${r.walFrames.max}) ≈ ${fmtCount(Math.round((r.walFrames.p50 * (r.pageSize + 24)) / 1024))} KB per commit, then one fsync of the WAL`,
    ]);
  if (r.checkpoints) {
    const k = r.checkpoints;
    d.push([
      'auto-checkpoint (every 1,000 WAL pages)',
      k.with
        ? `ran inside ${k.count} of ${r.runs} confirms: those p50 ${fmtMs(k.with.p50)} ms, max ${fmtMs(k.with.max)} ms; the others p50 ${fmtMs(k.without.p50)}, p95 ${fmtMs(k.without.p95)}, p99 ${fmtMs(k.without.p99)} ms`
        : `none during the ${r.runs} timed confirms`,
    ]);
  }
  if (r.gc)
    d.push([
      'V8 garbage collection',
      `${r.gc.pauses} pauses overlapped the timed confirms (${fmtMs(r.gc.msInConfirms)} ms in all; ${r.gc.major} major in the run); of the ${r.gc.slowConfirms} confirms ≥ p95, ${r.gc.slowWithGc} had a GC pause inside (${fmtMs(r.gc.slowGcMs)} ms each on average)`,
    ]);
  d.push([
    'db.prepare calls per confirm',
    `${r.prepares.perConfirm.toFixed(0)} (${r.prepares.distinct} distinct SQL), ${fmtMs(r.prepares.msPerConfirm)} ms compiling — better-sqlite3 does not cache statements`,
  ]);
  if (r.live)
    d.push([
      `print queue live (emulated printers idle), ${r.live.stats.n} calls`,
      `p50 ${fmtMs(r.live.stats.p50)} ms, p95 ${fmtMs(r.live.stats.p95)} ms, max ${fmtMs(r.live.stats.max)} ms — inside the call, release() kicks ${r.live.devices.toFixed(1)} printer workers that run to their first await: ${fmtMs(r.live.kickMs)} ms on average, of which rendering printer bytes ${fmtMs(r.live.renderMs)} ms; ${r.live.sendingBeforeReturn.toFixed(1)} jobs already 'sending' (2 autocommits each) when confirm returned`,
    ]);
  lines.push(...table(['', ''], d, ['l', 'l']).slice(1).map((l) => `  ${l}`));
  lines.push('');
  lines.push("query plans of confirm's statements (EXPLAIN QUERY PLAN; an INSERT has none, so its b-tree accesses are read from EXPLAIN):");
  const hot = r.plans.filter((p) => p.hot);
  lines.push(...table(['  hot statement', '×/confirm', 'plan'], hot.map((p) => [`  ${p.label}`, p.perConfirm.toFixed(0), p.access + (p.scan ? `  ← walks all ${fmtCount(p.scanRows ?? 0)} rows` : '')]), ['l', 'r', 'l']));
  const others = r.plans.filter((p) => !p.hot);
  const short = (s: string) => (s.length > 78 ? `${s.slice(0, 77)}…` : s);
  lines.push('');
  lines.push(
    ...table(
      [`  the other ${others.length} statements`, '×/confirm', 'access'],
      others.map((p) => [`  ${short(p.label)}`, p.perConfirm % 1 ? p.perConfirm.toFixed(1) : p.perConfirm.toFixed(0), p.access + (p.scan ? `  ← walks all ${fmtCount(p.scanRows ?? 0)} rows` : '')]),
      ['l', 'r', 'l'],
    ),
  );
  const scans = r.plans.filter((p) => p.scan);
  lines.push('');
  lines.push(`full scans: ${scans.length === 0 ? 'none' : scans.map((p) => p.label).join(', ')} · checks: ${r.checks.join(' · ')}`);
  return lines.join('\n');
}
