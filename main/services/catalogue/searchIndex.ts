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
 * In-memory search over one catalogue version. Built once per version (~100 ms
 * for 10,000 procedures, on the first search after an import); a query touches
 * only the posting lists of the syllables it names, scores the survivors and
 * keeps the best `limit` of them without sorting the rest.
 */
export class SearchIndex {
  private readonly entries: Entry[];
  private readonly postings = new Map<string, Int32Array>();
  private readonly vocabulary: string[];
  private readonly hits: Int32Array;
  private readonly seen: Int32Array;
  private readonly tokenWeight: Int8Array;
  private readonly weight: Int32Array;
  private readonly coreLength: Int32Array;
  private readonly firstWord: string[];
  /** All codes joined by newlines: one native indexOf finds every code containing the query. */
  private readonly codeBlob: string;
  private readonly codeStart: Int32Array;
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
    this.coreLength = Int32Array.from(this.entries, (e) => e.core.length);
    this.firstWord = this.entries.map((e) => e.core.split(' ', 1)[0]);
    this.codeStart = new Int32Array(this.entries.length);
    let offset = 0;
    this.entries.forEach((e, i) => {
      this.codeStart[i] = offset;
      offset += e.code.length + 1;
    });
    this.codeBlob = this.entries.map((e) => e.code).join('\n');
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): { total: number; items: ProcedureSummary[] } {
    const folded = foldVietnamese(query);
    if (!folded) {
      // Entries are kept in code order; an empty query lists them as they are.
      const all = this.entries.filter((e) => passes(e.summary, filters));
      return { total: all.length, items: all.slice(0, limit).map((e) => e.summary) };
    }
    const top = new TopK(limit);
    const total = CODE_LIKE.test(folded) ? this.searchCode(folded, filters, top) : this.searchText(query, folded, filters, top);
    return { total, items: top.drain().map((e) => this.entries[e].summary) };
  }

  /**
   * One number orders results: score first, then shorter names, then code order
   * (entries are stored in code order, so the index itself breaks ties).
   */
  private key(e: number, score: number): number {
    return score * 1e9 - this.coreLength[e] * 1e5 - e;
  }

  private searchCode(folded: string, filters: SearchFilters, top: TopK): number {
    let total = 0;
    const starts = this.codeStart;
    for (let at = this.codeBlob.indexOf(folded); at !== -1; ) {
      // The entry whose code holds this position: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      const e = lo;
      const entry = this.entries[e];
      let score = 0;
      if (entry.code === folded) score = 1000;
      else if (entry.codeTail === folded) score = 950;
      else if (entry.code.startsWith(folded)) score = 900 - (entry.code.length - folded.length);
      else if (entry.codeTail.startsWith(folded)) score = 850 - (entry.codeTail.length - folded.length);
      else if (folded.length >= 3) score = 500;
      if (score > 0 && passes(entry.summary, filters)) {
        total++;
        top.offer(e, this.key(e, score));
      }
      at = this.codeBlob.indexOf(folded, starts[e] + entry.code.length + 1);
    }
    return total;
  }

  private searchText(raw: string, folded: string, filters: SearchFilters, top: TopK): number {
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
      if (matched.length === 0) return 0;
    }
    const phrase = folded;
    const lowerQuery = lowerVietnamese(raw);
    const hasMarks = lowerQuery !== folded;
    // One word: whether it is a whole word, the first word or a part of one is already
    // known from the posting lists, so no string needs scanning (the broadest queries are one short word).
    const single = tokens.length === 1;
    const phraseThen = phrase + ' ';
    const wordPhrase = ' ' + phraseThen;
    const lastPhrase = ' ' + phrase;
    const filtered = hasFilters(filters);
    let total = 0;
    for (const e of candidates ?? []) {
      const entry = this.entries[e];
      if (filtered && !passes(entry.summary, filters)) continue;
      total++;
      let score = weight[e] * 10;
      const core = entry.core;
      if (single) {
        score += this.coreLength[e] === phrase.length && core === phrase ? 1000 : this.firstWord[e] === phrase ? 300 : weight[e] === 3 ? 200 : 100;
      } else if (core === phrase) score += 1000;
      else if (core.startsWith(phraseThen)) score += 300;
      else if (core.includes(wordPhrase) || core.endsWith(lastPhrase)) score += 200;
      else if (core.includes(phrase)) score += 100;
      if (hasMarks && entry.lower.includes(lowerQuery)) score += 150;
      top.offer(e, this.key(e, score));
    }
    return total;
  }
}

/** The best `k` of a stream by key: a min-heap, so most candidates cost one comparison. */
class TopK {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];
  constructor(private readonly k: number) {}

  offer(id: number, key: number): void {
    const { ids, keys } = this;
    if (ids.length < this.k) {
      ids.push(id);
      keys.push(key);
      let i = ids.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (keys[parent] <= keys[i]) break;
        this.swap(i, parent);
        i = parent;
      }
    } else if (key > keys[0]) {
      ids[0] = id;
      keys[0] = key;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < ids.length && keys[l] < keys[m]) m = l;
        if (r < ids.length && keys[r] < keys[m]) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b], this.ids[a]];
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
  }

  /** Best first. */
  drain(): number[] {
    return this.ids.map((id, i) => ({ id, key: this.keys[i] })).sort((a, b) => b.key - a.key).map((x) => x.id);
  }
}

function hasFilters(f: SearchFilters): boolean {
  return f.level !== undefined || f.field !== undefined || f.agency !== undefined || f.receive !== undefined || f.return !== undefined;
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
