import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openApp, type App } from '../../main/app/compose';
import { appPaths, defaultAppRoot } from '../../main/app/paths';
import { loadMigrations, type Db } from '../../main/db/database';
import { SUMMARY_COLUMNS } from '../../main/services/lifecycle/lifecycleRepository';
import { foldVietnamese } from '../../shared/text/fold';
import { track } from './cleanup';
import { seededRandom } from './generate';
import { lifecycleDatabase, RARE_GIVEN, readLifecycleSeedInfo, type LifecycleSeedInfo } from './lifecycleSeed';
import { fmtCount, fmtGb, fmtMs, fmtRatio, stats, table, time, type Stats } from './report';
import type { SeededBenchOptions } from './seedKit';

/**
 * Tracking reads — the scan-to-dossier lookup (`tracking.find`), the search box (`tracking.search`
 * by name without diacritics, ID number, phone), the timeline and the dashboard — timed through the
 * real service on a 1,000,000-dossier / 10,000,000-event database opened the way the app opens it.
 * Next to them, in the same run: a full table scan for a code and a LIKE '%…%' scan for a name.
 * The statements' query plans are printed from what the service actually prepared.
 *
 * Only reads: the cached seed is opened in place (a symlink in a temp data dir) and the run checks
 * it changed nothing.
 */

export const FIND_BUDGET_P95_MS = 5;
export const SEARCH_BUDGET_P95_MS = 20;
const SEARCH_LIMIT = 50;

export interface LifecycleBenchOptions extends SeededBenchOptions {
  finds?: number;
  searches?: number;
}

type Category = 'full name' | 'family + given' | 'partial last word' | 'rare given name' | 'family name alone';
const CATEGORIES: readonly (readonly [Category, number])[] = [
  ['full name', 150],
  ['family + given', 100],
  ['partial last word', 100],
  ['rare given name', 75],
  ['family name alone', 75],
];

export interface PlanRow {
  label: string;
  sql: string;
  plan: string[];
  firstCallMs: number;
}

export interface LifecycleResult {
  cacheFile: string;
  reused: boolean;
  /** BCCI_BENCH_LIFECYCLE_FILE: a seeded file used as is, whatever the tree's migrations hash to now. */
  given: boolean;
  removedStale: string[];
  dbBytes: number;
  seed: LifecycleSeedInfo;
  openMs: number;
  rows: { dossiers: number; events: number; ledger: number; fts: string };
  find: Stats;
  findBy: { code: Stats; item: Stats };
  findScan: Stats;
  search: Stats;
  searchBy: { category: Category; stats: Stats; rows: number; empty: number }[];
  worst: { query: string; category: Category; ms: number; rows: number }[];
  likeSide: { query: string; category: Category; oursMs: number; likeMs: number; oursRows: number; likeRows: number }[];
  /** The FTS5 subquery alone (median of 5), for MATCH forms with and without a prefix index. */
  fts: { match: string; ms: number }[];
  byId: Stats;
  byPhone: Stats;
  timeline: Stats;
  timelineEvents: number;
  dashboardMs: number[];
  dashboard: { stage: string; count: number; overdue: number; stuck: number }[];
  plans: PlanRow[];
  checks: string[];
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** EXPLAIN QUERY PLAN as an indented tree. */
function explain(db: Db, sql: string): string[] {
  const args = new Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d - 1)}${r.detail}`;
  });
}

/** The SQL a call prepares (the service caches statements per connection: only first calls compile). */
function recording<T>(db: Db, body: () => T): { value: T; sqls: string[]; ms: number } {
  const sqls: string[] = [];
  const original = db.prepare;
  const target = db as unknown as { prepare: (sql: string) => unknown };
  target.prepare = function (this: Db, sql: string) {
    sqls.push(sql);
    return original.call(db, sql);
  };
  let result: { value: T; ms: number };
  try {
    result = time(body);
  } finally {
    Reflect.deleteProperty(target, 'prepare');
  }
  if (db.prepare !== original) throw new Error('could not restore db.prepare');
  return { ...result, sqls };
}

interface Sample {
  id: number;
  code: string;
  item_number: string | null;
  applicant_folded: string;
  applicant_id: string | null;
  applicant_phone: string | null;
}

function shuffle<T>(rng: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Name queries as a clerk types them, from applicants really in the database. */
function nameQueries(rng: () => number, samples: Sample[], n: number): { query: string; category: Category }[] {
  const out: { query: string; category: Category }[] = [];
  const total = CATEGORIES.reduce((s, [, k]) => s + k, 0);
  const rare = RARE_GIVEN.map((g) => foldVietnamese(g));
  let k = 0;
  const next = () => samples[k++ % samples.length].applicant_folded.split(' ');
  for (const [category, share] of CATEGORIES) {
    const count = Math.round((share / total) * n);
    for (let i = 0; i < count; i++) {
      const w = next();
      let query: string;
      if (category === 'full name') query = w.join(' ');
      else if (category === 'family + given') query = `${w[0]} ${w[w.length - 1]}`;
      else if (category === 'partial last word') {
        const lastWord = w[w.length - 1];
        query = [...w.slice(0, -1), lastWord.slice(0, Math.max(1, Math.min(lastWord.length - 1, 1 + Math.floor(rng() * 4))))].join(' ');
      } else if (category === 'rare given name') query = rng() < 0.5 ? rare[Math.floor(rng() * rare.length)] : `${w[0]} ${rare[Math.floor(rng() * rare.length)]}`;
      else query = ['nguyen', 'nguyen', 'nguyen', 'nguyen', 'nguyen', 'tran', 'tran', 'le', 'pham', 'hoang'][Math.floor(rng() * 10)];
      out.push({ query, category });
    }
  }
  return shuffle(rng, out);
}

export async function benchLifecycle(o: LifecycleBenchOptions = {}): Promise<LifecycleResult> {
  const log = o.log ?? (() => {});
  const dossiers = o.dossiers ?? Number(process.env.BCCI_BENCH_DOSSIERS ?? 1_000_000);
  const finds = o.finds ?? 2000;
  const searches = o.searches ?? 500;
  const appRoot = defaultAppRoot();

  // A seeded file given by hand is used as is (the tree's migrations may have moved on since it was seeded:
  // other people edit them), provided it is at the tree's schema version — else openApp would migrate it.
  const given = process.env.BCCI_BENCH_LIFECYCLE_FILE;
  if (given) {
    const probe = new Database(given, { readonly: true, fileMustExist: true });
    const version = Number(probe.pragma('user_version', { simple: true }));
    probe.close();
    const migrations = loadMigrations(path.join(appRoot, 'main', 'db', 'migrations')).length;
    if (version !== migrations) throw new Error(`${given} is at schema version ${version}, the tree has ${migrations} migrations: openApp would migrate it`);
  }
  let seeded = given
    ? { cacheFile: path.resolve(given), reused: true, removedStale: [], bytes: fs.statSync(given).size }
    : await lifecycleDatabase({ dossiers, appRoot, reseed: o.reseed, log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-bench-lifecycle-run-'));
  const release = track(() => fs.rmSync(dir, { recursive: true, force: true }));
  const paths = appPaths(dir);
  try {
    let app: App | null = null;
    let seed: LifecycleSeedInfo | null = null;
    let openMs = 0;
    for (let attempt = 0; attempt < 2 && !seed; attempt++) {
      // In place, through a symlink: the bench only reads (checked below), so no multi-GB copy.
      fs.rmSync(paths.dbFile, { force: true });
      fs.symlinkSync(seeded.cacheFile, paths.dbFile);
      const opened = time(() => openApp({ dataDir: dir, host: 'browser', startDevices: false, log }));
      app = opened.value;
      openMs = opened.ms;
      seed = readLifecycleSeedInfo(app.db);
      if (!seed || seed.dossiers !== dossiers) {
        log(`  ${seeded.cacheFile} is not a complete seed: seeding again`);
        await app.close();
        app = null;
        seed = null;
        if (given) throw new Error(`${given} is not a complete lifecycle seed of ${fmtCount(dossiers)} dossiers`);
        seeded = await lifecycleDatabase({ dossiers, appRoot, reseed: true, log });
      }
    }
    if (!app || !seed) throw new Error('no seeded database');
    const checks: string[] = [];
    try {
      await app.services.printQueue.stop();
      const db = app.db;
      const tracking = app.services.tracking;
      const changesBefore = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const maxId = (db.prepare('SELECT max(id) AS n FROM dossier').get() as { n: number }).n;
      const ftsSegments = db.prepare(`SELECT count(*) AS n FROM dossier_name_fts_data`).get() as { n: number };
      const rows = {
        dossiers: (db.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n,
        events: seed.events,
        ledger: seed.ledgerLines,
        fts: `${fmtCount(ftsSegments.n)} FTS5 data blocks`,
      };

      const rng = seededRandom(70_707);
      const byId = db.prepare('SELECT id, code, item_number, applicant_folded, applicant_id, applicant_phone FROM dossier WHERE id = ?');
      const sample = (n: number) => Array.from({ length: n }, () => byId.get(1 + Math.floor(rng() * maxId)) as Sample);

      // 1. Query plans, from the statements the service prepares on its first calls (cold: just opened).
      log('  recording the statements tracking prepares, and their query plans…');
      const [first] = sample(1);
      const plans: PlanRow[] = [];
      const seen = new Set<string>();
      const record = (label: string, body: () => unknown) => {
        const r = recording(db, body);
        r.sqls.forEach((sql, i) => {
          if (seen.has(sql)) return;
          seen.add(sql);
          plans.push({ label: r.sqls.length > 1 ? `${label} [${i + 1}]` : label, sql: oneLine(sql), plan: explain(db, sql), firstCallMs: r.ms });
        });
      };
      record('find (code, or item number: UNION ALL of two unique-index lookups + summary sub-selects)', () => tracking.find(first.code));
      record('search by ID number', () => tracking.search(first.applicant_id ?? '058190000000', SEARCH_LIMIT));
      record('search by phone', () => tracking.search(first.applicant_phone ?? '0905123456', SEARCH_LIMIT));
      record('search by name, a half-typed last word of 6 letters ("nguyen"*: its prefix index)', () => tracking.search('nguyen', SEARCH_LIMIT));
      record('search by name (FTS5)', () => tracking.search(first.applicant_folded, SEARCH_LIMIT));
      record('timeline', () => tracking.timeline(first.id));
      record('dashboard', () => tracking.dashboard(5));

      // 2. Scan-to-dossier: codes and item numbers, half and half.
      const findInputs = sample(finds + 200).map((s) => ({ text: s.item_number && rng() < 0.5 ? s.item_number : s.code, code: s.code, item: !!s.item_number }));
      for (const f of findInputs) f.item = f.text !== f.code;
      log(`  timing ${fmtCount(finds)} tracking.find (codes and item numbers)…`);
      for (const f of findInputs.slice(finds)) tracking.find(f.text);
      const findTimes: number[] = [];
      const codeTimes: number[] = [];
      const itemTimes: number[] = [];
      let wrong = 0;
      for (const f of findInputs.slice(0, finds)) {
        const { value, ms } = time(() => tracking.find(f.text));
        if (value.code !== f.code) wrong++;
        findTimes.push(ms);
        (f.item ? itemTimes : codeTimes).push(ms);
      }
      if (wrong) throw new Error(`tracking.find returned the wrong dossier ${wrong} times`);
      checks.push(`${fmtCount(finds)} finds returned the dossier scanned`);

      log('  baseline: 20 full scans for a code (NOT INDEXED)…');
      const scan = db.prepare('SELECT * FROM dossier NOT INDEXED WHERE code = ?');
      const scanTimes = findInputs.slice(0, 20).map((f) => {
        const { value, ms } = time(() => scan.all(f.code));
        if (value.length !== 1) throw new Error(`full scan found ${value.length} rows for ${f.code}`);
        return ms;
      });

      // 3. Names without diacritics.
      const queries = nameQueries(rng, sample(searches), searches);
      const warm = nameQueries(rng, sample(40), 40);
      log(`  timing ${queries.length} name searches (limit ${SEARCH_LIMIT})…`);
      for (const q of warm) tracking.search(q.query, SEARCH_LIMIT);
      const results = queries.map((q) => {
        const { value, ms } = time(() => tracking.search(q.query, SEARCH_LIMIT));
        return { ...q, ms, rows: value.length };
      });
      const searchBy = CATEGORIES.map(([category]) => {
        const own = results.filter((r) => r.category === category);
        return { category, stats: stats(own.map((r) => r.ms)), rows: own.reduce((s, r) => s + r.rows, 0) / own.length, empty: own.filter((r) => r.rows === 0).length };
      });
      const worst = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
      const empty = results.filter((r) => r.rows === 0 && r.category !== 'rare given name');
      if (empty.length) checks.push(`${empty.length} name queries found nothing (e.g. "${empty[0].query}")`);
      else checks.push('every name query taken from the database found its dossiers');

      // The same rows as the plain FTS5 query (every word whole, the last one as a prefix), newest first.
      const plain = db.prepare(`SELECT rowid AS id FROM dossier_name_fts WHERE dossier_name_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT}`);
      let differ = 0;
      for (const q of results) {
        const words = q.query.split(' ');
        const expected = (plain.all(words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ')) as { id: number }[]).map((r) => r.id).join(',');
        if (tracking.search(q.query, SEARCH_LIMIT).map((d) => d.id).join(',') !== expected) differ++;
      }
      if (differ) throw new Error(`${differ} name searches returned other rows than the plain FTS5 prefix query`);
      checks.push(`${results.length} name searches returned the same rows as the plain FTS5 prefix query`);

      // Each kind of FTS5 match alone: migration 005 keeps prefix indexes for 1–7 letters, so a half-typed word is one posting list.
      const ftsOnly = db.prepare(`SELECT rowid FROM dossier_name_fts WHERE dossier_name_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT}`);
      const ftsMatches = ['"nguyen"*', '"nguyen"', '"ngu"*', '"tran"*', '"tran"', '"thanh"*', '"nguyen" "van" "than"*', '"nguyen" AND "van" AND ("than" OR "thang" OR "thanh")', '"v"*', '"nguyen" "v"*'];
      const fts = ftsMatches.map((match) => {
        const ms: number[] = [];
        for (let i = 0; i < 5; i++) ms.push(time(() => ftsOnly.all(match)).ms);
        return { match, ms: stats(ms).p50 };
      });

      log('  baseline: 10 LIKE scans over applicant_folded…');
      const like = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.applicant_folded LIKE ? ORDER BY d.id DESC LIMIT ${SEARCH_LIMIT}`);
      const likeSide = CATEGORIES.flatMap(([category]) => results.filter((r) => r.category === category).slice(0, 2)).map((q) => {
        const ours = time(() => tracking.search(q.query, SEARCH_LIMIT));
        const scanned = time(() => like.all(`%${q.query.split(' ').join('%')}%`));
        return { query: q.query, category: q.category, oursMs: ours.ms, likeMs: scanned.ms, oursRows: ours.value.length, likeRows: scanned.value.length };
      });

      // 4. ID number and phone (exact, indexed), the timeline, the dashboard.
      log('  timing search by ID / phone, timelines, the dashboard…');
      const people = sample(400).filter((s) => s.applicant_id && s.applicant_phone);
      const idTimes = people.slice(0, 200).map((s) => time(() => tracking.search(s.applicant_id as string, SEARCH_LIMIT)).ms);
      const phoneTimes = people.slice(0, 200).map((s) => time(() => tracking.search(s.applicant_phone as string, SEARCH_LIMIT)).ms);
      let timelineEvents = 0;
      const timelineTimes = sample(500).map((s) => {
        const { value, ms } = time(() => tracking.timeline(s.id));
        timelineEvents += value.events.length;
        if (value.derivedStatus !== value.dossier.status) throw new Error(`dossier ${s.code}: history folds to ${value.derivedStatus}, stored ${value.dossier.status}`);
        return ms;
      });
      checks.push('500 timelines fold to the stored status');
      const dashboardMs: number[] = [];
      let dashboard: LifecycleResult['dashboard'] = [];
      for (let i = 0; i < 3; i++) {
        const { value, ms } = time(() => tracking.dashboard(5));
        dashboardMs.push(ms);
        dashboard = value.stages.map((s) => ({ stage: s.label, count: s.count, overdue: s.overdue, stuck: s.stuck }));
      }

      const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - changesBefore;
      if (changes !== 0) throw new Error(`the bench changed ${changes} rows of the cached seed`);
      checks.push('the cached seed was only read');

      return {
        cacheFile: seeded.cacheFile,
        reused: seeded.reused,
        given: !!given,
        removedStale: seeded.removedStale,
        dbBytes: fs.statSync(seeded.cacheFile).size,
        seed,
        openMs,
        rows,
        find: stats(findTimes),
        findBy: { code: stats(codeTimes), item: stats(itemTimes) },
        findScan: stats(scanTimes),
        search: stats(results.map((r) => r.ms)),
        searchBy,
        worst: worst.map((w) => ({ query: w.query, category: w.category, ms: w.ms, rows: w.rows })),
        likeSide,
        fts,
        byId: stats(idTimes),
        byPhone: stats(phoneTimes),
        timeline: stats(timelineTimes),
        timelineEvents: timelineEvents / timelineTimes.length,
        dashboardMs,
        dashboard,
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

// ── Report ──

const row = (label: string, s: Stats, extra: string[] = ['', '']) => [label, fmtCount(s.n), fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), ...extra];
const verdict = (s: Stats, budget: number) => [`p95 ≤ ${budget} ms`, s.p95 <= budget ? 'PASS' : 'FAIL'];

export function formatLifecycle(r: LifecycleResult): string {
  const lines: string[] = [];
  const s = r.seed;
  lines.push(`Lifecycle tracking — ${fmtCount(r.rows.dossiers)} dossiers, ${fmtCount(r.rows.events)} events, through app.services.tracking (openApp: WAL, synchronous=FULL)`);
  lines.push(
    `  database: ${r.given ? 'BCCI_BENCH_LIFECYCLE_FILE used as is' : r.reused ? 'cached seed REUSED' : 'seeded now'} — ${r.cacheFile} (${fmtGb(r.dbBytes)}; seeded ${s.seededAt.slice(0, 16).replace('T', ' ')} UTC in ${s.seedSeconds} s, inserts ${s.insertSeconds} s), opened in place in ${fmtMs(r.openMs)} ms`,
  );
  if (r.removedStale.length) lines.push(`  removed stale caches: ${r.removedStale.join(', ')}`);
  lines.push(
    `  rows: ${fmtCount(r.rows.dossiers)} dossiers (${s.firstDay} … ${s.lastDay}) · ${fmtCount(r.rows.events)} events (${(r.rows.events / r.rows.dossiers).toFixed(2)}/dossier) · ${fmtCount(r.rows.ledger)} ledger lines · ${fmtCount(s.auditLines)} audit lines · ${fmtCount(s.manifests)} manifests · ${fmtCount(s.deliveryLists)} delivery lists · ${r.rows.fts}`,
  );
  lines.push(`  loop rates (manifest shuffles, supplement requests, failed deliveries) steered to ×${s.loopRate} of their base on average to reach ~10 events per dossier`);
  lines.push(`  status: ${Object.entries(s.byStatus).map(([k, n]) => `${k} ${fmtCount(n)}`).join(' · ')}`);
  lines.push('');
  const head = ['', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'budget', ''];
  const body: string[][] = [
    row('tracking.find — code / item number mix', r.find, verdict(r.find, FIND_BUDGET_P95_MS)),
    row('  by dossier code', r.findBy.code),
    row('  by postal item number', r.findBy.item),
    row('  baseline: SELECT * … NOT INDEXED WHERE code = ?', r.findScan, ['', `${fmtRatio(r.findScan.p50 / r.find.p50)} ours`]),
    row(`tracking.search — name without diacritics (limit ${SEARCH_LIMIT})`, r.search, verdict(r.search, SEARCH_BUDGET_P95_MS)),
    ...r.searchBy.map((c) => row(`  ${c.category} (${c.rows.toFixed(0)} rows avg${c.empty ? `, ${c.empty} empty` : ''})`, c.stats)),
    row('tracking.search — ID number (12 digits)', r.byId),
    row('tracking.search — phone', r.byPhone),
    row(`tracking.timeline (${r.timelineEvents.toFixed(1)} events avg)`, r.timeline),
    ['tracking.dashboard (3 runs, one-shot)', '3', r.dashboardMs.map(fmtMs).join(' / '), '', '', '', '', ''],
  ];
  lines.push(...table(head, body));
  lines.push('');
  lines.push(`name search vs a LIKE '%…%' scan over applicant_folded (ORDER BY id DESC LIMIT ${SEARCH_LIMIT}: stops at the ${SEARCH_LIMIT}th match), same queries:`);
  lines.push(
    ...table(
      ['  query', 'kind', 'ours ms', 'LIKE ms', 'ratio', 'rows ours/LIKE'],
      r.likeSide.map((x) => [`  "${x.query}"`, x.category, fmtMs(x.oursMs), fmtMs(x.likeMs), fmtRatio(x.likeMs / x.oursMs), `${x.oursRows}/${x.likeRows}`]),
      ['l', 'l', 'r', 'r', 'r', 'r'],
    ),
  );
  lines.push('');
  lines.push(
    `the FTS5 subquery alone (ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT}, median of 5) — prefix indexes for 1–7 letters (migration 005): ${r.fts.map((f) => `${f.match} ${fmtMs(f.ms)} ms`).join(' · ')}`,
  );
  lines.push(`slowest name queries: ${r.worst.map((w) => `"${w.query}" ${fmtMs(w.ms)} ms (${w.category}, ${w.rows} rows)`).join(' · ')}`);
  lines.push(`dashboard stages: ${r.dashboard.map((d) => `${d.stage} ${fmtCount(d.count)} (overdue ${fmtCount(d.overdue)}, stuck ${fmtCount(d.stuck)})`).join(' · ')}`);
  lines.push('');
  lines.push('query plans (EXPLAIN QUERY PLAN of the statements tracking prepared; first call after opening, cold):');
  for (const p of r.plans) {
    lines.push(`  ${p.label} — first call of that operation ${fmtMs(p.firstCallMs)} ms`);
    lines.push(`    ${p.sql.length > 160 ? `${p.sql.slice(0, 100)} … ${p.sql.slice(-56)}` : p.sql}`);
    for (const l of p.plan) lines.push(`      ${l}`);
  }
  lines.push('');
  lines.push(`checks: ${r.checks.join(' · ')}`);
  return lines.join('\n');
}
