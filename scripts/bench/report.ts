/** Small helpers shared by the bench sections: timing, percentiles and plain-text tables. */

export function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export const hr = () => process.hrtime.bigint();
export const msSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Percentiles of a sample of timings (ms), in any order. */
export function stats(samples: number[]): Stats {
  const s = Float64Array.from(samples).sort();
  return { n: s.length, min: s[0], p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '-';
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

export const fmtCount = (n: number): string => n.toLocaleString('en-US');
export const fmtGb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;

/** Plain-text table; `align` per column ('l' or 'r'), default: first column left, the others right. */
export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const pad = (s: string, c: number) => {
    const fill = ' '.repeat(Math.max(0, widths[c] - [...s].length));
    return (align[c] ?? (c === 0 ? 'l' : 'r')) === 'l' ? s + fill : fill + s;
  };
  return all.map((r) => r.map((cell, c) => pad(cell ?? '', c)).join('   ').trimEnd());
}
