import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../main/app/compose';
import { appPaths, defaultAppRoot } from '../../main/app/paths';
import type { Db } from '../../main/db/database';
import { newContext, type CallContext, type Session } from '../../main/services/context';
import { sealDigests, type DayCloseFacts } from '../../main/services/dayClose/seal';
import { buildDayReport } from '../../main/services/reports/reportBuilders';
import type { DayReport, PeriodReport } from '../../shared/api/dayClose';
import { MANAGER } from '../../test/support/app';
import { track } from './cleanup';
import { cashToRemit, countSheet, dayCloseDatabase, FLOAT_KEPT, PRINT_JOB_DAYS, readDayCloseSeedInfo, remittanceNote, type DayCloseSeedInfo } from './dayCloseSeed';
import { fmtCount, fmtGb, fmtMs, fmtRatio, hr, msSince, stats, table, type Stats } from './report';
import { addDays, DAY_MS, fsyncFile, type SeededBenchOptions } from './seedKit';

/**
 * The end of a busy day — the manager's blind count (`dayClose.countDay`) and the close
 * (`dayClose.closeDay`: pending work, the seal's digests over the day's rows, the Z report built
 * and stored, the print job) — timed through the real service on a copy of a five-year database
 * (2,000,000 dossiers, ≈12,000,000 events, the history sealed), opened as the app opens it (WAL,
 * synchronous=FULL). A closed day cannot be closed again, so the seed leaves its last 35 days
 * open and every timed close is a different day, in order. Then the report upward for one year
 * (and five, for information), and the Z report's PDF / XLSX builds.
 *
 * Next to them, in the same run, the same totals by a naive full scan (ledger lines and events of
 * the day by NOT INDEXED scans, the period's counts from dossier_event / dossier without the
 * aggregates), and a check that the numbers are the same.
 *
 * The print queue is stopped before timing: the Z report's print job is written in the close's
 * transaction, and `release()` after the commit starts no worker.
 */

export const CLOSE_BUDGET_P95_MS = 200;
export const PERIOD_BUDGET_MS = 2000;

export interface DayCloseBenchOptions extends SeededBenchOptions {
  periodRuns?: number;
}

export interface CloseRun {
  day: string;
  weekday: number;
  ms: number;
  countMs: number;
  closeMs: number;
  received: number;
  events: number;
  ledgerLines: number;
  exactCount: boolean;
  approval: boolean;
}

export interface Comparison {
  what: string;
  serviceMs: number;
  naiveMs: number;
  agree: boolean;
  mismatches: string[];
}

export interface DayCloseResult {
  cacheFile: string;
  reused: boolean;
  removedStale: string[];
  dbBytes: number;
  seed: DayCloseSeedInfo;
  copyMs: number;
  openMs: number;
  rows: { dossiers: number; events: number; ledger: number; slips: number; sealedBefore: number; printJobs: number; activityRows: number };
  closes: CloseRun[];
  busy: Stats;
  all: Stats;
  light: Stats | null;
  breakdown: { label: string; ms: number }[];
  breakdownDay: string;
  files: { pdf: Stats; xlsx: Stats; pdfBytes: number; xlsxBytes: number };
  period: { label: string; from: string; to: string; days: number; stats: Stats; first: number; activityRows: number }[];
  dayChecks: Comparison[];
  allDays: { days: number; agree: number; naiveMs: number; mismatches: string[] };
  balances: { agencies: number; agree: boolean; naiveMs: number; mismatches: string[] };
  periodChecks: Comparison[];
  plans: { sql: string; plan: string[] }[];
  checks: string[];
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const vn = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);
const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/** `sum(amount)` rows by `key` → a map, for comparing service and naive numbers. */
function diff(label: string, service: Record<string, number>, naive: Record<string, number>): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(service), ...Object.keys(naive)])) {
    const a = service[k] ?? 0;
    const b = naive[k] ?? 0;
    if (a !== b) out.push(`${label} ${k}: service ${a}, scan ${b}`);
  }
  return out;
}

// ── What the Z report says, flattened to comparable numbers ──

function reportNumbers(r: DayReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of r.money.byKind) for (const k of ['cash', 'transfer', 'none', 'lines'] as const) if (m[k] !== 0) out[`money.${m.kind}.${k}`] = m[k];
  for (const [k, v] of Object.entries(r.activity)) if (v !== 0) out[`activity.${k}`] = v;
  for (const a of r.agencies) for (const k of ['collected', 'reversed', 'handedOver'] as const) if (a[k] !== 0) out[`agency.${a.agency}.${k}`] = a[k];
  out['voids.cancelled'] = r.voids.cancelled.length;
  out['voids.reversals'] = r.voids.reversals.length;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

// ── The naive scans ──

const EVENT_TO_ACTIVITY: Record<string, string> = {
  received: 'received',
  dispatched: 'dispatched',
  result_received: 'resultsReceived',
  result_registered: 'resultsReceived',
  delivered: 'delivered',
  returned_to_agency: 'returnedToAgency',
  cancelled: 'cancelled',
};

const NAIVE_LEDGER = `SELECT day, kind, payment_method AS m, count(*) AS n, sum(amount) AS s FROM ledger_entry NOT INDEXED WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3`;
const NAIVE_AGENCY = `SELECT l.day, l.agency, CASE WHEN l.kind IN ('phi', 'le_phi') THEN 'collected' WHEN coalesce(o.kind, l.kind) = 'agency_handover' THEN 'handedOver' ELSE 'reversed' END AS what,
    sum(CASE WHEN coalesce(o.kind, l.kind) = 'agency_handover' THEN -l.amount ELSE l.amount END) AS s
  FROM ledger_entry l NOT INDEXED LEFT JOIN ledger_entry o ON l.kind = 'reversal' AND o.id = l.reverses
  WHERE l.day BETWEEN ? AND ? AND l.agency IS NOT NULL AND coalesce(o.kind, l.kind) IN ('phi', 'le_phi', 'agency_handover') GROUP BY 1, 2, 3`;
const NAIVE_EVENTS = `SELECT date(at, '+7 hours') AS day, type, count(*) AS n FROM dossier_event NOT INDEXED WHERE date(at, '+7 hours') BETWEEN ? AND ? GROUP BY 1, 2`;
const NAIVE_SLIPS = `SELECT day, count(*) AS n FROM guidance_slip NOT INDEXED WHERE day BETWEEN ? AND ? GROUP BY 1`;

/** The day totals for [from, to] from full scans only, per day. */
function naiveDays(db: Db, from: string, to: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const of = (day: string) => {
    let r = out.get(day);
    if (!r) out.set(day, (r = {}));
    return r;
  };
  const add = (r: Record<string, number>, k: string, v: number) => (r[k] = (r[k] ?? 0) + v);
  for (const x of db.prepare(NAIVE_LEDGER).all(from, to) as { day: string; kind: string; m: string; n: number; s: number }[]) {
    const r = of(x.day);
    add(r, `money.${x.kind}.${x.m}`, x.s);
    add(r, `money.${x.kind}.lines`, x.n);
    if (x.kind === 'reversal') add(r, 'voids.reversals', x.n);
  }
  for (const x of db.prepare(NAIVE_AGENCY).all(from, to) as { day: string; agency: string; what: string; s: number }[]) add(of(x.day), `agency.${x.agency}.${x.what}`, x.s);
  for (const x of db.prepare(NAIVE_EVENTS).all(from, to) as { day: string; type: string; n: number }[]) {
    const key = EVENT_TO_ACTIVITY[x.type];
    if (key) add(of(x.day), `activity.${key}`, x.n);
    if (x.type === 'cancelled') add(of(x.day), 'voids.cancelled', x.n);
  }
  for (const x of db.prepare(NAIVE_SLIPS).all(from, to) as { day: string; n: number }[]) add(of(x.day), 'activity.guided', x.n);
  for (const r of out.values()) for (const [k, v] of Object.entries(r)) if (v === 0) delete r[k];
  return out;
}

/** The period's totals from dossier_event / dossier / guidance_slip by full scans (no aggregate table). */
function naivePeriod(db: Db, from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string, v: number) => (out[k] = (out[k] ?? 0) + v);
  for (const x of db.prepare(`SELECT type, count(*) AS n FROM dossier_event NOT INDEXED WHERE date(at, '+7 hours') BETWEEN ? AND ? GROUP BY 1`).all(from, to) as { type: string; n: number }[]) {
    const key = EVENT_TO_ACTIVITY[x.type];
    if (key && key !== 'dispatched') add(`totals.${key}`, x.n);
  }
  add('totals.guided', db.prepare('SELECT count(*) FROM guidance_slip NOT INDEXED WHERE day BETWEEN ? AND ?').pluck().get(from, to) as number);
  const q = db
    .prepare(
      `SELECT coalesce(sum(date(e.at, '+7 hours') <= d.result_date), 0) AS onTime, coalesce(sum(date(e.at, '+7 hours') > d.result_date), 0) AS late
         FROM dossier_event e NOT INDEXED JOIN dossier d ON d.id = e.dossier_id
        WHERE e.type = 'delivered' AND d.result_date IS NOT NULL AND date(e.at, '+7 hours') BETWEEN ? AND ?`,
    )
    .get(from, to) as { onTime: number; late: number };
  add('quality.onTime', q.onTime);
  add('quality.late', q.late);
  for (const x of db
    .prepare(
      `SELECT d.agency, count(*) AS n FROM dossier_event e NOT INDEXED JOIN dossier d ON d.id = e.dossier_id
        WHERE e.type = 'received' AND date(e.at, '+7 hours') BETWEEN ? AND ? GROUP BY 1`,
    )
    .all(from, to) as { agency: string; n: number }[])
    add(`byAgency.${x.agency}.received`, x.n);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

function periodNumbers(r: PeriodReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.totals)) out[`totals.${k}`] = v;
  out['quality.onTime'] = r.quality.onTime;
  out['quality.late'] = r.quality.late;
  for (const a of r.byAgency) out[`byAgency.${a.name}.received`] = a.received;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

// ── Query plans of what the close prepared ──

function planLines(db: Db, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]))];
  const positional = (sql.replace(/'[^']*'/g, '').match(/\?/g) ?? []).length;
  const st = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length ? st.all(Object.fromEntries(named.map((n) => [n, null]))) : st.all(...new Array<null>(positional).fill(null))) as { detail: string }[];
  return rows.map((r) => r.detail);
}

// ── The bench ──

export async function benchDayClose(o: DayCloseBenchOptions = {}): Promise<DayCloseResult> {
  const log = o.log ?? (() => {});
  const dossiers = o.dossiers ?? Number(process.env.BCCI_BENCH_DAYCLOSE_DOSSIERS ?? 2_000_000);
  const periodRuns = o.periodRuns ?? 5;
  const appRoot = defaultAppRoot();

  let seeded = await dayCloseDatabase({ dossiers, appRoot, reseed: o.reseed, log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-bench-dayclose-run-'));
  const release = track(() => fs.rmSync(dir, { recursive: true, force: true }));
  const paths = appPaths(dir);
  let now = Date.now();
  try {
    // A fresh copy of the cache per run (the run closes days); a cache that is not a complete seed is seeded again.
    let copyMs = 0;
    let openMs = 0;
    let app: App | null = null;
    let seed: DayCloseSeedInfo | null = null;
    for (let attempt = 0; attempt < 2 && !seed; attempt++) {
      log(`  copying ${seeded.cacheFile} (${fmtGb(seeded.bytes)})…`);
      const t0 = hr();
      fs.copyFileSync(seeded.cacheFile, paths.dbFile);
      fsyncFile(paths.dbFile);
      copyMs = msSince(t0);
      const t1 = hr();
      app = openApp({ dataDir: dir, host: 'browser', startDevices: false, clock: () => new Date(now), log: () => {} });
      openMs = msSince(t1);
      seed = readDayCloseSeedInfo(app.db);
      if (!seed || seed.dossiers !== dossiers) {
        log(`  ${seeded.cacheFile} is not a complete seed: seeding again`);
        await app.close();
        app = null;
        seed = null;
        for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
        seeded = await dayCloseDatabase({ dossiers, appRoot, reseed: true, log });
      }
    }
    if (!app || !seed) throw new Error('no seeded database');
    const db = app.db;
    const checks: string[] = [];
    try {
      await app.services.printQueue.stop();
      const journal = String(db.pragma('journal_mode', { simple: true }));
      const synchronous = Number(db.pragma('synchronous', { simple: true }));
      if (journal !== 'wal' || synchronous !== 2) throw new Error(`app database opened with journal_mode=${journal}, synchronous=${synchronous} (expected wal, 2 = FULL)`);
      const openDays = seed.openDays;
      now = vn(openDays[0], '17:40');
      const ctx: CallContext = newContext();
      await app.services.auth.signIn(ctx, MANAGER.username, MANAGER.password);
      const session = ctx.session as Session;
      const one = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
      const rows = {
        dossiers: one('SELECT max(id) FROM dossier'),
        events: one('SELECT max(id) FROM dossier_event'),
        ledger: one('SELECT max(id) FROM ledger_entry'),
        slips: one('SELECT max(id) FROM guidance_slip'),
        sealedBefore: one('SELECT count(*) FROM day_close'),
        printJobs: one('SELECT max(id) FROM print_job'),
        activityRows: one('SELECT count(*) FROM dossier_activity'),
      };
      for (const day of openDays) if (app.services.dayClose.isClosed(day)) throw new Error(`${day} is already closed in the seed`);

      // What every SQL text the close prepares (better-sqlite3 compiles on prepare; stmt() caches per text).
      const prepared = new Set<string>();
      const original = db.prepare;
      const target = db as unknown as { prepare: (sql: string) => unknown };
      target.prepare = function (this: Db, sql: string) {
        prepared.add(sql);
        return original.call(db, sql);
      };

      // ── The closes: every open day once, in order, the clock at 17:45 that day ──
      log(`  closing ${openDays.length} open days (${openDays[0]} … ${openDays[openDays.length - 1]}), countDay + closeDay timed…`);
      const closes: CloseRun[] = [];
      const reports = new Map<string, DayReport>();
      const dayEvents = new Map<string, number>();
      const shiftSums = db.prepare('SELECT coalesce(sum(cash_expected), 0) AS cash, coalesce(sum(transfer_expected), 0) AS transfer FROM shift_close WHERE day = ?');
      // The float the drawers start from: what the previous close counted less what it remitted.
      const previousClose = db.prepare('SELECT cash_counted AS counted, cash_remitted AS remitted FROM day_close WHERE day < ? ORDER BY day DESC LIMIT 1');
      const floatBefore = (day: string) => {
        const p = previousClose.get(day) as { counted: number; remitted: number } | undefined;
        return p ? p.counted - p.remitted : 0;
      };
      // The manager knows what tomorrow pays out of the drawers (fees handed to agencies), as the seed's closes did.
      const dayNetCash = db.prepare(`SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE day = ? AND payment_method = 'cash'`).pluck();
      const firstFloat = floatBefore(openDays[0]);
      try {
        for (const day of openDays) {
          now = vn(day, '17:45');
          // The manager counts the drawers: the opening float plus what the clerks' shift closes handed in (blind: not read from the ledger).
          const s = shiftSums.get(day) as { cash: number; transfer: number };
          const sheet = countSheet(floatBefore(day) + s.cash);
          const remitted = cashToRemit(sheet.total, dayNetCash.get(addDays(day, 1)) as number);
          const key = `bench-${process.pid}-${Date.now()}-${day}`;
          const t0 = hr();
          const count = app.services.dayClose.countDay(ctx, session, { day, denominations: sheet.denominations, transferConfirmed: s.transfer, idempotencyKey: `${key}:count` });
          const countMs = msSince(t0);
          now += 60_000;
          const t1 = hr();
          const closed = await app.services.dayClose.closeDay(ctx, session, {
            day,
            countId: count.id,
            ...(count.needsReason ? { reason: 'Tiền lẻ dưới 200 đ không có mệnh giá để đếm' } : {}),
            ...(count.needsApproval ? { approval: { username: MANAGER.username, password: MANAGER.password } } : {}),
            overrideReason: 'Kết quả chờ công dân đến nhận và hồ sơ chờ chuyển theo lịch: bình thường',
            cashRemitted: remitted,
            ...(remitted > 0 ? { remittanceNote: remittanceNote(day) } : {}),
            idempotencyKey: `${key}:close`,
          });
          const closeMs = msSince(t1);
          const ms = msSince(t0);
          dayEvents.set(day, one(`SELECT coalesce(sum(n), 0) FROM dossier_activity WHERE day = ? AND metric NOT IN ('guided', 'delivered_on_time', 'delivered_late')`, day));
          await app.services.printQueue.idle();
          const r = closed.report;
          reports.set(day, r);
          closes.push({
            day,
            weekday: weekday(day),
            ms,
            countMs,
            closeMs,
            received: r.activity.received,
            events: dayEvents.get(day) as number,
            ledgerLines: r.money.totals.lines,
            exactCount: !count.needsReason,
            approval: count.needsApproval,
          });
        }
      } finally {
        Reflect.deleteProperty(target, 'prepare');
      }
      const busyRuns = closes.filter((c) => c.weekday >= 1 && c.weekday <= 5);
      const lightRuns = closes.filter((c) => c.weekday === 0 || c.weekday === 6);
      const closedNow = one('SELECT count(*) FROM day_close');
      if (closedNow !== rows.sealedBefore + openDays.length) throw new Error(`expected ${rows.sealedBefore + openDays.length} day closes, found ${closedNow}`);
      checks.push(`${openDays.length} days closed and sealed (${rows.sealedBefore} + ${openDays.length} in the chain)`);
      const queued = one(`SELECT count(*) FROM print_job WHERE state = 'queued' AND idempotency_key LIKE 'dayClose:%'`);
      checks.push(`${queued} Z report print jobs written, all still queued (queue stopped)`);

      // ── Where a close's time goes (read-only pieces again, on the last busy days, median of 3) ──
      const breakdownDay = busyRuns[busyRuns.length - 1].day;
      const facts = db.prepare('SELECT * FROM day_close WHERE day = ?').get(breakdownDay) as DayCloseFacts;
      const med = (fn: () => unknown) => {
        const t: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t0 = hr();
          fn();
          t.push(msSince(t0));
        }
        return t.sort((a, b) => a - b)[1];
      };
      const built = buildDayReport(db, breakdownDay, new Date(now));
      const breakdown = [
        {
          label: "day's expectation (ledger by day)",
          ms: med(() => db.prepare(`SELECT coalesce(sum(CASE WHEN payment_method = 'cash' THEN amount END), 0), count(*), max(id) FROM ledger_entry WHERE day = ?`).get(breakdownDay)),
        },
        { label: 'pending work (dayClose.pending)', ms: med(() => app?.services.dayClose.pending(breakdownDay)) },
        { label: 'seal digests (ledger, events, slips, counts)', ms: med(() => sealDigests(db, facts)) },
        { label: 'day report figures (buildDayReport)', ms: med(() => buildDayReport(db, breakdownDay, new Date(now))) },
        { label: 'report JSON (stringify)', ms: med(() => JSON.stringify(built)) },
      ];

      // ── Z report files ──
      log('  building Z report files (PDF, XLSX) for 3 closed days…');
      const fileDays = busyRuns.slice(-3).map((c) => c.day);
      const pdf: number[] = [];
      const xlsx: number[] = [];
      let pdfBytes = 0;
      let xlsxBytes = 0;
      for (const day of fileDays) {
        let t0 = hr();
        const p = await app.services.dayClose.file(day, 'pdf');
        pdf.push(msSince(t0));
        pdfBytes = Buffer.from(p.contentBase64, 'base64').length;
        t0 = hr();
        const x = await app.services.dayClose.file(day, 'xlsx');
        xlsx.push(msSince(t0));
        xlsxBytes = Buffer.from(x.contentBase64, 'base64').length;
      }

      // ── Reports upward ──
      const lastDay = openDays[openDays.length - 1];
      const ranges = [
        { label: 'one year', from: addDays(lastDay, -364), to: lastDay, runs: periodRuns },
        { label: 'five years', from: seed.firstDay, to: lastDay, runs: Math.max(2, Math.ceil(periodRuns / 2)) },
      ];
      const period: DayCloseResult['period'] = [];
      const periodReports = new Map<string, PeriodReport>();
      for (const r of ranges) {
        log(`  reports.period ${r.label} (${r.from} … ${r.to}) × ${r.runs}…`);
        const t: number[] = [];
        for (let i = 0; i < r.runs; i++) {
          const t0 = hr();
          const report = app.services.reports.period(r.from, r.to);
          t.push(msSince(t0));
          periodReports.set(r.label, report);
        }
        period.push({
          label: r.label,
          from: r.from,
          to: r.to,
          days: Math.round((Date.parse(r.to) - Date.parse(r.from)) / DAY_MS) + 1,
          stats: stats(t),
          first: t[0],
          activityRows: one('SELECT count(*) FROM dossier_activity WHERE day BETWEEN ? AND ?', r.from, r.to),
        });
      }

      // ── Baselines: the same totals by naive full scans ──
      log('  naive full scans: day totals (3 days, then all closed days at once), agency balances, periods…');
      const dayChecks: Comparison[] = [];
      for (const c of [busyRuns[0], busyRuns[Math.floor(busyRuns.length / 2)], busyRuns[busyRuns.length - 1]]) {
        const t0 = hr();
        const naive = naiveDays(db, c.day, c.day).get(c.day) ?? {};
        const naiveMs = msSince(t0);
        const mismatches = diff(c.day, reportNumbers(reports.get(c.day) as DayReport), naive);
        dayChecks.push({ what: `${WEEKDAYS[c.weekday]} ${c.day}`, serviceMs: c.ms, naiveMs, agree: mismatches.length === 0, mismatches });
      }
      const t0 = hr();
      const allNaive = naiveDays(db, openDays[0], lastDay);
      const allMs = msSince(t0);
      const allMismatches: string[] = [];
      let agreeDays = 0;
      // And the float: each Z report's opening cash is what the Z report before it counted less what it remitted.
      let carried = firstFloat;
      const floats: number[] = [];
      for (const day of openDays) {
        const r = reports.get(day) as DayReport;
        const m = diff(day, reportNumbers(r), allNaive.get(day) ?? {});
        if (r.openingCash !== carried) m.push(`${day} openingCash: service ${r.openingCash}, previous close counted − remitted ${carried}`);
        floats.push(r.openingCash);
        carried = r.count ? r.count.cashCounted - r.count.cashRemitted : carried;
        if (m.length === 0) agreeDays++;
        allMismatches.push(...m);
      }
      checks.push(
        `opening floats of the ${openDays.length} open days ${fmtCount(Math.min(...floats))} … ${fmtCount(Math.max(...floats))} đ (each close remits what was counted above ${fmtCount(FLOAT_KEPT)} đ and tomorrow's payouts)`,
      );
      // The running fee balances (agency_fee_balance, shown as "outstanding") against every ledger line ever.
      const tb = hr();
      const owed = db
        .prepare(
          `SELECT agency, sum(amount) AS s FROM ledger_entry NOT INDEXED
            WHERE agency IS NOT NULL AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover') GROUP BY agency`,
        )
        .all() as { agency: string; s: number }[];
      const balancesMs = msSince(tb);
      const lastReport = reports.get(lastDay) as DayReport;
      const balanceMismatches = diff(
        'outstanding',
        Object.fromEntries(lastReport.agencies.map((a) => [a.agency, a.outstanding]).filter(([, v]) => v !== 0)),
        Object.fromEntries(owed.map((x) => [x.agency, x.s]).filter(([, v]) => v !== 0)),
      );
      const periodChecks: Comparison[] = [];
      for (const p of period) {
        const t1 = hr();
        const naive = naivePeriod(db, p.from, p.to);
        const naiveMs = msSince(t1);
        const mismatches = diff(p.label, periodNumbers(periodReports.get(p.label) as PeriodReport), naive);
        periodChecks.push({ what: `${p.label} ${p.from} … ${p.to}`, serviceMs: p.stats.p50, naiveMs, agree: mismatches.length === 0, mismatches });
      }

      const plans = [...prepared]
        .filter((sql) => /^\s*(SELECT|WITH)/i.test(sql))
        .map((sql) => ({ sql: sql.replace(/\s+/g, ' ').trim(), plan: planLines(db, sql) }));

      return {
        cacheFile: seeded.cacheFile,
        reused: seeded.reused,
        removedStale: seeded.removedStale,
        dbBytes: seeded.bytes,
        seed,
        copyMs,
        openMs,
        rows,
        closes,
        busy: stats(busyRuns.map((c) => c.ms)),
        all: stats(closes.map((c) => c.ms)),
        light: lightRuns.length ? stats(lightRuns.map((c) => c.ms)) : null,
        breakdown,
        breakdownDay,
        files: { pdf: stats(pdf), xlsx: stats(xlsx), pdfBytes, xlsxBytes },
        period,
        dayChecks,
        allDays: { days: openDays.length, agree: agreeDays, naiveMs: allMs, mismatches: allMismatches },
        balances: { agencies: owed.length, agree: balanceMismatches.length === 0, naiveMs: balancesMs, mismatches: balanceMismatches },
        periodChecks,
        plans,
        checks,
      };
    } finally {
      await app.close();
    }
  } finally {
    await release();
  }
}

// ── Output ──

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function formatDayClose(r: DayCloseResult): string {
  const s = r.seed;
  const lines: string[] = [];
  const busyOk = r.busy.p95 <= CLOSE_BUDGET_P95_MS;
  const year = r.period.find((p) => p.label === 'one year');
  const yearOk = !!year && year.stats.max <= PERIOD_BUDGET_MS;
  const allAgree = r.dayChecks.every((c) => c.agree) && r.allDays.agree === r.allDays.days && r.balances.agree && r.periodChecks.every((c) => c.agree);
  lines.push(`Day close and reports upward — ${fmtCount(s.dossiers)} dossiers over five years, WAL + synchronous=FULL as the app opens it`);
  lines.push(
    `  database: ${r.reused ? 'cached' : 'seeded now'} (${r.cacheFile}, ${fmtGb(r.dbBytes)}; seeded ${s.seededAt.slice(0, 16).replace('T', ' ')} UTC in ${s.seedSeconds} s: rows ${s.insertSeconds} s + indexes ${s.indexSeconds} s + aggregates ${s.aggregateSeconds} s (${s.aggregates}) + shift closes ${s.shiftSeconds} s + sealing ${s.sealSeconds} s), copied and flushed in ${(r.copyMs / 1000).toFixed(1)} s, opened in ${fmtMs(r.openMs)} ms`,
  );
  if (r.removedStale.length) lines.push(`  removed stale caches: ${r.removedStale.join(', ')}`);
  lines.push(
    `  rows: ${fmtCount(r.rows.dossiers)} dossiers (${s.firstDay} … ${s.lastDay}) · ${fmtCount(r.rows.events)} events (${(r.rows.events / r.rows.dossiers).toFixed(1)}/dossier) · ${fmtCount(r.rows.ledger)} ledger lines · ${fmtCount(r.rows.slips)} guidance slips · ${fmtCount(s.shiftCloses)} shift closes · ${fmtCount(s.manifests)} manifests · ${fmtCount(r.rows.printJobs)} print jobs (last ${PRINT_JOB_DAYS} days only) · ${fmtCount(r.rows.activityRows)} dossier_activity rows`,
  );
  lines.push(
    `  history: ${fmtCount(s.sealedDays)} days sealed through DayCloseService while seeding (${s.sealedFirst} … ${s.sealedLast}, median ${fmtMs(s.sealCloseMs)} ms a close with synchronous=OFF); the last ${r.closes.length} days left open for this run`,
  );
  lines.push(`  print queue: stopped before timing — the Z report's print job is written in the close's transaction; release() after the commit starts no worker`);
  lines.push('');
  lines.push(`countDay + closeDay, one close per open day in order (clock 17:45 that day; pending work overridden with a reason, as every real day needs):`);
  const row = (label: string, x: Stats | null) => (x ? [label, String(x.n), fmtMs(x.p50), fmtMs(x.p95), fmtMs(x.max)] : [label, '0', '-', '-', '-']);
  const busy = r.closes.filter((c) => c.weekday >= 1 && c.weekday <= 5);
  const avg = (f: (c: CloseRun) => number) => Math.round(busy.reduce((a, c) => a + f(c), 0) / Math.max(1, busy.length));
  lines.push(
    ...table(
      ['', 'days', 'p50 ms', 'p95 ms', 'max ms'],
      [
        row(`busy days (Mon–Fri; avg ${fmtCount(avg((c) => c.received))} received, ${fmtCount(avg((c) => c.events))} events, ${fmtCount(avg((c) => c.ledgerLines))} ledger lines)`, r.busy),
        row('  of which countDay', stats(busy.map((c) => c.countMs))),
        row('  of which closeDay (Z report, seal, pending, print job)', stats(busy.map((c) => c.closeMs))),
        row('Saturdays and Sundays (light)', r.light),
        row('all closes', r.all),
      ],
    ).map((l) => `  ${l}`),
  );
  const first = r.closes[0];
  lines.push(`  first close after opening the database (cold statements, ${first.day}): ${fmtMs(first.ms)} ms`);
  const inexact = r.closes.filter((c) => !c.exactCount).length;
  const approvals = r.closes.filter((c) => c.approval).length;
  lines.push(`  counts: ${r.closes.length - inexact} exact, ${inexact} with a reason (a 100 đ remainder: the smallest note is 200 đ), ${approvals} needing an approval (password hash inside the timing)`);
  lines.push(`budget p95 ≤ ${CLOSE_BUDGET_P95_MS} ms on a busy day with five years of history:  ${verdict(busyOk)}  (p95 ${fmtMs(r.busy.p95)} ms over ${r.busy.n} busy days)`);
  lines.push('');
  lines.push(`where a close's time goes (the read-only pieces again on ${r.breakdownDay}, median of 3):`);
  lines.push(...table(['', 'ms'], r.breakdown.map((b) => [b.label, fmtMs(b.ms)])).map((l) => `  ${l}`));
  lines.push(
    `Z report files (information, ${r.files.pdf.n} days): PDF p50 ${fmtMs(r.files.pdf.p50)} ms / max ${fmtMs(r.files.pdf.max)} ms (${fmtCount(r.files.pdfBytes)} bytes), XLSX p50 ${fmtMs(r.files.xlsx.p50)} ms / max ${fmtMs(r.files.xlsx.max)} ms (${fmtCount(r.files.xlsxBytes)} bytes)`,
  );
  lines.push('');
  lines.push('reports.period (the report upward), several runs:');
  lines.push(
    ...table(
      ['', 'from … to', 'aggregate rows', 'runs', 'first ms', 'p50 ms', 'max ms'],
      r.period.map((p) => [p.label, `${p.from} … ${p.to}`, fmtCount(p.activityRows), String(p.stats.n), fmtMs(p.first), fmtMs(p.stats.p50), fmtMs(p.stats.max)]),
    ).map((l) => `  ${l}`),
  );
  lines.push(`budget one-year period report ≤ ${PERIOD_BUDGET_MS} ms:  ${verdict(yearOk)}  (max ${year ? fmtMs(year.stats.max) : '-'} ms)`);
  lines.push('');
  lines.push('the same totals by a naive full scan in this run (ledger_entry / dossier_event / guidance_slip NOT INDEXED, no aggregate table):');
  lines.push(
    ...table(
      ['', 'service ms', 'naive scan ms', 'ratio', 'totals agree'],
      [
        ...r.dayChecks.map((c) => [`day close ${c.what}`, fmtMs(c.serviceMs), fmtMs(c.naiveMs), fmtRatio(c.naiveMs / c.serviceMs), c.agree ? 'yes' : 'NO']),
        [`all ${r.allDays.days} closed days, one grouped scan`, fmtMs(r.closes.reduce((a, c) => a + c.ms, 0)), fmtMs(r.allDays.naiveMs), '-', `${r.allDays.agree}/${r.allDays.days} days`],
        [`agency balances (${r.balances.agencies} agencies, all history)`, '-', fmtMs(r.balances.naiveMs), '-', r.balances.agree ? 'yes' : 'NO'],
        ...r.periodChecks.map((c) => [`period ${c.what}`, fmtMs(c.serviceMs), fmtMs(c.naiveMs), fmtRatio(c.naiveMs / c.serviceMs), c.agree ? 'yes' : 'NO']),
      ],
    ).map((l) => `  ${l}`),
  );
  lines.push(`totals agree: ${allAgree ? 'yes' : 'NO'} (money by kind × method and lines, activity, agencies' movements, voids; period totals, on time / late, received by agency; running agency balances)`);
  const mismatches = [...r.dayChecks.flatMap((c) => c.mismatches), ...r.allDays.mismatches, ...r.balances.mismatches, ...r.periodChecks.flatMap((c) => c.mismatches)];
  for (const m of [...new Set(mismatches)].slice(0, 20)) lines.push(`  MISMATCH ${m}`);
  lines.push('');
  const BIG = /^SCAN (dossier|dossier_event|ledger_entry|print_job|audit_log|guidance_slip|dossier_activity|cash_count|shift_close|manifest_item)\b(?! USING (COVERING )?INDEX sqlite_autoindex)/;
  const scans = r.plans.filter((p) => p.plan.some((d) => BIG.test(d)));
  const sorts = r.plans.filter((p) => p.plan.some((d) => /TEMP B-TREE/.test(d)));
  lines.push(
    `query plans (EXPLAIN QUERY PLAN) of the ${r.plans.length} SELECTs the closes prepared: ${scans.length} walk a whole big table; ${sorts.length} sort or group one day's rows in a temp b-tree (the day's ledger lines, events, reprints)`,
  );
  for (const p of scans) lines.push(`  FULL SCAN: ${p.sql.slice(0, 120)}${p.sql.length > 120 ? '…' : ''}\n      ${p.plan.join('; ')}`);
  lines.push(`checks: ${r.checks.join('; ')}`);
  return lines.join('\n');
}
