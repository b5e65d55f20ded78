import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app/compose';
import { currentVersionId, insertVersion, readSummaries } from '../../main/services/catalogue/catalogueRepository';
import { naiveSearch, SearchIndex } from '../../main/services/catalogue/searchIndex';
import type { ProcedureSummary } from '../../shared/api/contract';
import { catalogueFileSchema, procedureSchema } from '../../shared/catalogue/schema';
import { foldVietnamese } from '../../shared/text/fold';
import { generateProcedures } from './generate';
import { fmtCount, fmtMs, fmtRatio, percentile, table, time } from './report';

/**
 * Catalogue search latency through the real service (SQLite file, migrations,
 * sample + generated catalogue version, `catalogue.search`), side by side with
 * the naive baseline (fold every name, `includes`) over the same summaries,
 * in the same process and run.
 */

export const SEARCH_BUDGET_P95_MS = 2;

export interface CatalogueSearchOptions {
  generated?: number;
  /** Timed runs of every query through the service. */
  runs?: number;
  /** Timed runs of every query through the naive scan; default: as many as fit `naiveBudgetMs` (at most `runs`). */
  naiveRuns?: number;
  naiveBudgetMs?: number;
  seed?: number;
  limit?: number;
  log?: (line: string) => void;
}

export interface QueryStats {
  query: string;
  total: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface SideStats {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perQuery: QueryStats[];
  worst: QueryStats;
}

export interface CatalogueSearchResult {
  procedures: number;
  sampleCount: number;
  generatedCount: number;
  queries: string[];
  insertMs: number;
  /** `new SearchIndex(summaries)` alone, median of several builds. */
  indexBuildMs: number;
  /** First service search after the new version: reads the summaries from SQLite and builds the index. */
  coldFirstSearchMs: number;
  service: SideStats;
  /** The same queries on a `SearchIndex` alone (no database read per call): how much of the service time is the index. */
  indexOnly: SideStats;
  naive: SideStats;
  budgetMs: number;
  overBudget: QueryStats[];
}

/** The clerk's typical queries: with and without marks, partial words, codes. */
const FIXED_QUERIES = [
  'khai sinh',
  'giay phep lai xe',
  'đăng ký kết hôn',
  'dang ky ket hon',
  '1.001193',
  '001193',
  'cap lai',
  'xay dung nha o',
  'giấy chứng nhận',
  'd',
  'ho kinh doanh',
  'ly lich tu phap',
  'chung thuc',
];

/** Two to four letters: what the search box sees while the clerk is still typing. */
const PREFIXES = ['gi', 'ch', 'xac', 'than', 'phe'];

/** Ten generated names spread over the data: odd ones whole, even ones their first three words; each with marks and folded. */
function generatedQueries(names: string[], count = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[Math.floor(((i + 0.5) * names.length) / count)];
    const marked = i % 2 === 0 ? name.split(' ').slice(0, 3).join(' ').replace(/,$/, '') : name;
    out.push(marked.toLowerCase(), foldVietnamese(marked));
  }
  return out;
}

function stats(queries: string[], samples: number[][], totals: number[], runs: number): SideStats {
  const perQuery = queries.map((query, q) => {
    const s = Float64Array.from(samples[q]).sort();
    return { query, total: totals[q], p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
  });
  const all = Float64Array.from(samples.flat()).sort();
  const worst = perQuery.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  return { runs, p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), max: all[all.length - 1], perQuery, worst };
}

/**
 * Round-robin timing: every round runs every query once (rotating the start),
 * so a query is never timed in a hot loop of itself.
 */
function measure(queries: string[], runs: number, fn: (q: string) => unknown): number[][] {
  const samples = queries.map(() => new Array<number>(runs));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < queries.length; k++) {
      const q = (k + r) % queries.length;
      const t0 = process.hrtime.bigint();
      fn(queries[q]);
      samples[q][r] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }
  return samples;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`catalogue bench sanity check failed: ${message}`);
}

export async function benchCatalogueSearch(o: CatalogueSearchOptions = {}): Promise<CatalogueSearchResult> {
  const log = o.log ?? (() => {});
  const generatedCount = o.generated ?? 10_000;
  const runs = o.runs ?? 200;
  const limit = o.limit ?? 50;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-bench-'));
  const app = openApp({ dataDir: dir, host: 'browser', log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const sample = catalogueFileSchema.parse(JSON.parse(fs.readFileSync(app.paths.sampleCatalogue, 'utf8'))).procedures;
    const generated = generateProcedures(generatedCount, { seed: o.seed, exclude: sample.map((p) => p.code) });
    for (const p of generated) procedureSchema.parse(p);
    const procedures = [...sample, ...generated];
    log(`  ${fmtCount(procedures.length)} procedures (${sample.length} sample + ${fmtCount(generated.length)} generated)`);

    const inserted = time(() =>
      app.db
        .transaction(() =>
          insertVersion(app.db, {
            procedures,
            mode: 'replace',
            sourceName: 'bench: sample + generated',
            title: 'Bench catalogue',
            importedBy: null,
            at: new Date(),
          }),
        )
        .immediate(),
    );
    check(currentVersionId(app.db) === inserted.value, 'the bench version is not the current one');
    const service = app.services.catalogue;
    const search = (q: string) => service.search(q, {}, limit);

    // The first search after a new version reads the summaries and builds the index: timed once, on its own.
    const cold = time(() => search('khai sinh'));
    const summaries: ProcedureSummary[] = readSummaries(app.db, inserted.value);
    check(summaries.length === procedures.length, `${summaries.length} summaries for ${procedures.length} procedures`);
    const buildTimes = Array.from({ length: 7 }, () => time(() => new SearchIndex(summaries)));
    const builds = buildTimes.map((b) => b.ms).sort((a, b) => a - b);
    const index = buildTimes[buildTimes.length - 1].value;
    const indexOnly = (q: string) => index.search(q, {}, limit);
    const naive = (q: string) => naiveSearch(summaries, q, limit);

    // Make sure the bench measures real work, not empty answers.
    const firstCode = (q: string) => search(q).items[0]?.code;
    check(firstCode('khai sinh') === '1.001193', `"khai sinh" → ${firstCode('khai sinh')}, expected 1.001193`);
    check(firstCode('1.001193') === '1.001193', `"1.001193" → ${firstCode('1.001193')}, expected 1.001193`);
    const queries = [...FIXED_QUERIES, ...generatedQueries(generated.map((p) => p.name)), ...PREFIXES];
    for (const q of ['khai sinh', 'dang ky ket hon', 'giấy chứng nhận', '1.001193', ...queries.slice(FIXED_QUERIES.length, FIXED_QUERIES.length + 4)]) {
      check(search(q).total > 0, `service found nothing for "${q}"`);
      check(naive(q).length > 0, `naive scan found nothing for "${q}"`);
    }
    const totals = queries.map((q) => search(q).total);

    // Warm-up: let V8 optimise both paths before anything is recorded.
    for (let i = 0; i < 20; i++) {
      for (const q of queries) {
        search(q);
        indexOnly(q);
      }
    }
    const naivePass = time(() => {
      for (const q of queries) naive(q);
    }).ms;
    for (let i = 0; i < 2; i++) for (const q of queries) naive(q);

    log(`  service: ${queries.length} queries × ${runs} runs…`);
    const serviceSamples = measure(queries, runs, search);
    log(`  index alone: ${queries.length} queries × ${runs} runs…`);
    const indexSamples = measure(queries, runs, indexOnly);
    const naiveRuns = o.naiveRuns ?? Math.max(10, Math.min(runs, Math.floor((o.naiveBudgetMs ?? 25_000) / Math.max(naivePass, 1e-3))));
    log(`  naive scan: ${queries.length} queries × ${naiveRuns} runs…`);
    const naiveSamples = measure(queries, naiveRuns, naive);

    const serviceStats = stats(queries, serviceSamples, totals, runs);
    const naiveStats = stats(queries, naiveSamples, queries.map((q) => naive(q).length), naiveRuns);
    return {
      procedures: procedures.length,
      sampleCount: sample.length,
      generatedCount: generated.length,
      queries,
      insertMs: inserted.ms,
      indexBuildMs: builds[Math.floor(builds.length / 2)],
      coldFirstSearchMs: cold.ms,
      service: serviceStats,
      indexOnly: stats(queries, indexSamples, totals, runs),
      naive: naiveStats,
      budgetMs: SEARCH_BUDGET_P95_MS,
      overBudget: serviceStats.perQuery.filter((q) => q.p95 > SEARCH_BUDGET_P95_MS).sort((a, b) => b.p95 - a.p95),
    };
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const quote = (q: string) => `"${q.length > 40 ? `${q.slice(0, 39)}…` : q}"`;

export function formatCatalogueSearch(r: CatalogueSearchResult): string {
  const s = r.service;
  const n = r.naive;
  const runsNote = s.runs === n.runs ? `${s.runs} runs` : `${s.runs} runs (naive: ${n.runs})`;
  const lines: string[] = [];
  lines.push(`Catalogue search — ${fmtCount(r.procedures)} procedures, ${r.queries.length} queries × ${runsNote}`);
  lines.push(
    ...table(
      ['', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'worst-query p95'],
      [
        ['service (index)', fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), `${fmtMs(s.worst.p95)} (${quote(s.worst.query)})`],
        ['index alone (no DB)', fmtMs(r.indexOnly.p50), fmtMs(r.indexOnly.p95), fmtMs(r.indexOnly.p99), fmtMs(r.indexOnly.max), `${fmtMs(r.indexOnly.worst.p95)} (${quote(r.indexOnly.worst.query)})`],
        ['naive scan', fmtMs(n.p50), fmtMs(n.p95), fmtMs(n.p99), fmtMs(n.max), `${fmtMs(n.worst.p95)} (${quote(n.worst.query)})`],
        ['ratio (naive/service)', fmtRatio(n.p50 / s.p50), fmtRatio(n.p95 / s.p95), fmtRatio(n.p99 / s.p99), fmtRatio(n.max / s.max), fmtRatio(n.worst.p95 / s.worst.p95)],
      ],
      ['l', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  lines.push('');
  lines.push(
    `index build (${fmtCount(r.procedures)} procedures): ${fmtMs(r.indexBuildMs)} ms · first search after import (SQLite read + build): ${fmtMs(r.coldFirstSearchMs)} ms · version insert: ${fmtMs(r.insertMs)} ms`,
  );
  lines.push(wrap(`queries: ${r.queries.map(quote).join(', ')}`, 110).join('\n'));
  lines.push('');
  lines.push('slowest queries (service):');
  const naiveBy = new Map(n.perQuery.map((q) => [q.query, q]));
  const slow = [...s.perQuery].sort((a, b) => b.p95 - a.p95).slice(0, 8);
  lines.push(
    ...table(
      ['query', 'hits', 'p50 ms', 'p95 ms', 'p99 ms', 'naive p95', 'ratio'],
      slow.map((q) => {
        const nq = naiveBy.get(q.query);
        return [quote(q.query), fmtCount(q.total), fmtMs(q.p50), fmtMs(q.p95), fmtMs(q.p99), nq ? fmtMs(nq.p95) : '-', nq ? fmtRatio(nq.p95 / q.p95) : '-'];
      }),
    ).map((l) => `  ${l}`),
  );
  lines.push('');
  if (r.overBudget.length === 0) {
    lines.push(`budget p95 ≤ ${r.budgetMs} ms (every query):  PASS  (worst ${fmtMs(s.worst.p95)} ms, ${quote(s.worst.query)})`);
  } else {
    lines.push(`budget p95 ≤ ${r.budgetMs} ms (every query):  FAIL  — ${r.overBudget.length} of ${r.queries.length} queries over budget:`);
    for (const q of r.overBudget) lines.push(`  ${quote(q.query)}: p95 ${fmtMs(q.p95)} ms (p50 ${fmtMs(q.p50)}, ${fmtCount(q.total)} hits)`);
  }
  return lines.join('\n');
}
