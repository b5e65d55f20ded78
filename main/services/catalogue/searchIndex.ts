import { foldVietnamese, lowerVietnamese } from '../../../shared/text/fold';
import type { ProcedureSummary, SearchFilters } from '../../../shared/api/contract';

interface Entry {
  summary: ProcedureSummary;
  code: string;
  /** Code without its leading "N." so "001193" is an exact hit for "1.001193". */
  codeTail: string;
  /** Folded name without the "thu tuc" that starts most published names. */
  core: string;
  lower: string;
}

const LEADING_NOISE = /^thu tuc /;
const CODE_LIKE = /^[0-9][0-9.]*(\.[a-z0-9]+)*$/;

/**
 * In-memory search over one catalogue version. Built once per version (a few
 * ms for 10,000 procedures); a query touches only the posting lists of the
 * syllables it names, then scores the survivors.
 */
export class SearchIndex {
  private readonly entries: Entry[];
  private readonly postings = new Map<string, Int32Array>();
  private readonly vocabulary: string[];
  private readonly hits: Int32Array;
  private readonly seen: Int32Array;
  private readonly tokenWeight: Int8Array;
  private readonly weight: Int32Array;
  private stamp = 0;

  constructor(summaries: ProcedureSummary[]) {
    const lists = new Map<string, number[]>();
    const ordered = [...summaries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.entries = ordered.map((summary, i) => {
      const folded = foldVietnamese(summary.name);
      for (const token of new Set(folded.split(' '))) {
        let list = lists.get(token);
        if (!list) lists.set(token, (list = []));
        list.push(i);
      }
      const code = summary.code.toLowerCase();
      return {
        summary,
        code,
        codeTail: code.replace(/^\d\./, ''),
        core: folded.replace(LEADING_NOISE, ''),
        lower: lowerVietnamese(summary.name),
      };
    });
    for (const [token, list] of lists) this.postings.set(token, Int32Array.from(list));
    this.vocabulary = [...lists.keys()].sort();
    this.hits = new Int32Array(this.entries.length);
    this.seen = new Int32Array(this.entries.length);
    this.tokenWeight = new Int8Array(this.entries.length);
    this.weight = new Int32Array(this.entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): { total: number; items: ProcedureSummary[] } {
    const folded = foldVietnamese(query);
    let scored: { entry: Entry; score: number }[];
    if (!folded) {
      // Entries are kept in code order; an empty query lists them as they are.
      const all = this.entries.filter((e) => passes(e.summary, filters));
      return { total: all.length, items: all.slice(0, limit).map((e) => e.summary) };
    }
    if (CODE_LIKE.test(folded)) {
      scored = this.searchCode(folded, filters);
    } else {
      scored = this.searchText(query, folded, filters);
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.core.length - b.entry.core.length ||
        (a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0),
    );
    return { total: scored.length, items: scored.slice(0, limit).map((s) => s.entry.summary) };
  }

  private searchCode(folded: string, filters: SearchFilters): { entry: Entry; score: number }[] {
    const out: { entry: Entry; score: number }[] = [];
    for (const entry of this.entries) {
      let score = 0;
      if (entry.code === folded) score = 1000;
      else if (entry.codeTail === folded) score = 950;
      else if (entry.code.startsWith(folded)) score = 900 - (entry.code.length - folded.length);
      else if (entry.codeTail.startsWith(folded)) score = 850 - (entry.codeTail.length - folded.length);
      else if (folded.length >= 3 && entry.code.includes(folded)) score = 500;
      if (score > 0 && passes(entry.summary, filters)) out.push({ entry, score });
    }
    return out;
  }

  private searchText(raw: string, folded: string, filters: SearchFilters): { entry: Entry; score: number }[] {
    const tokens = [...new Set(folded.split(' '))];
    const { hits, seen, tokenWeight, weight } = this;
    // Per entry and query token: whole syllable 3, prefix 2, inside a syllable 1 (best of its syllables).
    let candidates: number[] | null = null;
    let previous = 0;
    for (const token of tokens) {
      const stamp = ++this.stamp;
      const matched: number[] = [];
      for (const word of this.vocabulary) {
        const w = word === token ? 3 : word.startsWith(token) ? 2 : token.length >= 3 && word.includes(token) ? 1 : 0;
        if (w === 0) continue;
        const list = this.postings.get(word) as Int32Array;
        for (let k = 0; k < list.length; k++) {
          const e = list[k];
          if (candidates !== null && hits[e] !== previous) continue;
          if (seen[e] !== stamp) {
            seen[e] = stamp;
            tokenWeight[e] = w;
            matched.push(e);
          } else if (w > tokenWeight[e]) tokenWeight[e] = w;
        }
      }
      for (const e of matched) {
        weight[e] = (candidates === null ? 0 : weight[e]) + tokenWeight[e];
        hits[e] = stamp;
      }
      candidates = matched;
      previous = stamp;
      if (matched.length === 0) return [];
    }
    const phrase = folded;
    const lowerQuery = lowerVietnamese(raw);
    const hasMarks = lowerQuery !== folded;
    const out: { entry: Entry; score: number }[] = [];
    for (const e of candidates ?? []) {
      const entry = this.entries[e];
      if (!passes(entry.summary, filters)) continue;
      let score = weight[e] * 10;
      const core = entry.core;
      if (core === phrase) score += 1000;
      else if (core.startsWith(phrase + ' ')) score += 300;
      else if (core.includes(' ' + phrase + ' ') || core.endsWith(' ' + phrase)) score += 200;
      else if (core.includes(phrase)) score += 100;
      if (hasMarks && entry.lower.includes(lowerQuery)) score += 150;
      out.push({ entry, score });
    }
    return out;
  }
}

function passes(s: ProcedureSummary, f: SearchFilters): boolean {
  return (
    (f.level === undefined || s.level === f.level) &&
    (f.field === undefined || s.field === f.field) &&
    (f.agency === undefined || s.agency === f.agency) &&
    (f.receive === undefined || s.bcciReceive === f.receive) &&
    (f.return === undefined || s.bcciReturn === f.return)
  );
}

/** The baseline the bench compares against: fold every name on every query, then `includes`. */
export function naiveSearch(summaries: ProcedureSummary[], query: string, limit = 50): ProcedureSummary[] {
  const q = foldVietnamese(query);
  const out: ProcedureSummary[] = [];
  for (const s of summaries) {
    if (foldVietnamese(s.name).includes(q) || foldVietnamese(s.code).includes(q)) out.push(s);
  }
  return out.slice(0, limit);
}
