import os from 'node:os';
import { SerialPort } from 'serialport';
import { openPtyPair, type PtyPair } from '../../main/devices/emulators/ptyPair';
import type { FramingMode } from '../../main/devices/scanner/framing';
import { SerialScanner, type ScanEvent } from '../../main/devices/scanner/serialScanner';
import { formatS10 } from '../../shared/scan/s10';
import { ScannerEmulator } from '../../test/support/scannerEmulator';
import { sleep, track, using, within } from './cleanup';
import { fmtMs, percentile, table } from './report';

/**
 * Scan-to-event latency from the serial line: a SerialScanner on the app end of a real socat pty
 * pair, the test suite's ScannerEmulator on the device end writing one scan at a time (each scan
 * and its suffix in one write, as a USB-CDC scanner sends it), timed from that write — the write
 * of the scan's last byte — to the 'scan' event. Then the same with idle-gap framing (no suffix),
 * reported minus the gap; and, as the floor, a bare serialport on the app end timed to the 'data'
 * event that carries the CR (what the pty and serialport cost before any framing).
 */

export const SCAN_BUDGET_P95_MS = 20;
export const IDLE_GAP_MS = 50;
const BAUD = 9600;

export interface ScannerOptions {
  scans?: number;
  log?: (line: string) => void;
}

interface Sample {
  kind: string;
  /** write → event (for idle: minus the gap) */
  ms: number;
  /** SerialScanner's own latencyMs: the frame's first byte reaching the process → event */
  firstByteMs: number | null;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RunResult {
  key: 'suffix' | 'idle' | 'floor';
  label: string;
  scans: number;
  overall: LatencyStats;
  firstByte: LatencyStats | null;
  byKind: { kind: string; stats: LatencyStats }[];
  /** Scans that never came, came as more or fewer events, or with other text / kind. */
  problems: string[];
  budgeted: boolean;
}

export interface ScannerResult {
  loadAvg: number[];
  scans: number;
  mix: { kind: string; count: number }[];
  runs: RunResult[];
}

interface TestScan {
  kind: 's10' | 'dossier' | 'cccd';
  text: string;
}

/** The counter's traffic: postal item numbers, dossier codes, citizen ID QR codes with a Vietnamese name. */
function scanMix(count: number): TestScan[] {
  const s10: TestScan[] = [
    ['EA', '12345678'],
    ['RR', '90412277'],
    ['CP', '00000391'],
    ['EE', '58120034'],
    ['LA', '77001263'],
  ].map(([prefix, serial]) => ({ kind: 's10', text: formatS10(prefix, serial, 'VN') }));
  const dossier: TestScan[] = ['BC560100-261121-0007', 'BC560100-261121-0008', 'BC700000-260305-0142'].map((text) => ({ kind: 'dossier', text }));
  const cccd: TestScan[] = [
    { kind: 'cccd', text: '066190001234||Đặng Thị Hồng Nhung|15081990|Nữ|Số 15 Lê Duẩn, phường Tuy Hòa, tỉnh Đắk Lắk|21112021' },
    { kind: 'cccd', text: '079303001234|025123456|Nguyễn Văn Ước|02012003|Nam|Tổ 3, ấp Phước Hưng, xã Long Hải, tỉnh Đồng Nai|10082021' },
  ];
  // per 10 scans: 5 S10, 3 dossier codes, 2 CCCD QR codes
  const pattern = [s10, dossier, s10, cccd, s10, dossier, s10, s10, dossier, cccd];
  const used = new Map<TestScan[], number>();
  return Array.from({ length: count }, (_, i) => {
    const list = pattern[i % pattern.length];
    const n = used.get(list) ?? 0;
    used.set(list, n + 1);
    return list[n % list.length];
  });
}

function latencyStats(values: number[]): LatencyStats {
  const s = Float64Array.from(values).sort();
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.length ? s[s.length - 1] : Number.NaN };
}

/** A few milliseconds between scans (deterministic), so a scan never lands on the previous one's work. */
const pause = (i: number): number => 3 + ((i * 7) % 10);

function summarize(key: RunResult['key'], label: string, samples: Sample[], problems: string[], scans: number, budgeted: boolean): RunResult {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const firstBytes = samples.map((s) => s.firstByteMs).filter((v): v is number => v !== null);
  return {
    key,
    label,
    scans,
    overall: latencyStats(samples.map((s) => s.ms)),
    firstByte: firstBytes.length ? latencyStats(firstBytes) : null,
    byKind: kinds.map((kind) => ({ kind, stats: latencyStats(samples.filter((s) => s.kind === kind).map((s) => s.ms)) })),
    problems,
    budgeted,
  };
}

function openScannerEmulator(pair: PtyPair): Promise<ScannerEmulator> {
  const emulator = new ScannerEmulator(pair.devicePath, { baudRate: BAUD, suffix: 'CR' });
  return emulator.open().then(() => emulator);
}

/** SerialScanner on the app end; each scan written once, timed to its 'scan' event. */
async function runScanner(framing: FramingMode, scans: TestScan[], log: (line: string) => void): Promise<{ samples: Sample[]; problems: string[] }> {
  const idle = framing.mode === 'idle';
  const gap = framing.mode === 'idle' ? (framing.gapMs ?? 0) : 0;
  return using(
    () => openPtyPair(),
    (pair) => pair.close(),
    async (pair) =>
      using(
        () => openScannerEmulator(pair),
        (device) => device.close(),
        async (device) => {
          const scanner = new SerialScanner({ path: pair.appPath, baudRate: BAUD, framing, retryMs: 200 });
          const events: { event: ScanEvent; at: number }[] = [];
          let wake: (() => void) | null = null;
          scanner.on('scan', (event) => {
            events.push({ event, at: performance.now() });
            wake?.();
          });
          const connected = new Promise<void>((resolve) => scanner.on('state', (s) => s.state === 'connected' && resolve()));
          const release = track(() => scanner.stop());
          try {
            scanner.start();
            await within(connected, 5000, 'the scanner to connect');
            log(`  ${idle ? `idle gap ${gap} ms` : 'suffix CR'}: ${scans.length} scans…`);
            const samples: Sample[] = [];
            const problems: string[] = [];
            for (let i = 0; i < scans.length; i++) {
              const scan = scans[i];
              const body = Buffer.from(scan.text, 'utf8');
              const bytes = idle ? body : Buffer.concat([body, Buffer.from([0x0d])]);
              const before = events.length;
              const arrived = new Promise<void>((resolve) => (wake = resolve));
              const t0 = performance.now();
              const written = device.write(bytes);
              try {
                await within(arrived, 2000 + gap, `scan ${i + 1}`);
              } catch {
                problems.push(`scan ${i + 1} (${scan.kind}): no event within ${2000 + gap} ms`);
              }
              wake = null;
              await written;
              // anything else from this scan (a split frame) shows up in the pause
              await sleep(pause(i));
              const got = events.slice(before);
              if (got.length === 0) continue;
              const { event, at } = got[0];
              if (got.length > 1) problems.push(`scan ${i + 1} (${scan.kind}): ${got.length} events`);
              if (event.raw !== scan.text) problems.push(`scan ${i + 1} (${scan.kind}): got ${JSON.stringify(event.raw)}`);
              else if (event.result.kind !== scan.kind) problems.push(`scan ${i + 1} (${scan.kind}): classified as ${event.result.kind}`);
              samples.push({ kind: scan.kind, ms: at - t0 - gap, firstByteMs: event.latencyMs === undefined ? null : event.latencyMs - gap });
            }
            return { samples, problems };
          } finally {
            await release();
          }
        },
      ),
  );
}

/** The floor: a bare serialport on the app end, timed to the 'data' event that brings the CR. */
async function runFloor(scans: TestScan[], log: (line: string) => void): Promise<{ samples: Sample[]; problems: string[] }> {
  return using(
    () => openPtyPair(),
    (pair) => pair.close(),
    async (pair) =>
      using(
        () => openScannerEmulator(pair),
        (device) => device.close(),
        async (device) =>
          using(
            () =>
              new Promise<SerialPort>((resolve, reject) => {
                const port = new SerialPort({ path: pair.appPath, baudRate: BAUD, autoOpen: false });
                port.open((err) => (err ? reject(err) : resolve(port)));
              }),
            (port) => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
            async (port) => {
              log(`  bare serialport (floor): ${scans.length} scans…`);
              port.on('error', () => undefined);
              let wake: ((at: number) => void) | null = null;
              port.on('data', (chunk: Buffer) => {
                if (chunk.includes(0x0d)) wake?.(performance.now());
              });
              const samples: Sample[] = [];
              const problems: string[] = [];
              for (let i = 0; i < scans.length; i++) {
                const scan = scans[i];
                const arrived = new Promise<number>((resolve) => (wake = resolve));
                const t0 = performance.now();
                const written = device.write(Buffer.concat([Buffer.from(scan.text, 'utf8'), Buffer.from([0x0d])]));
                try {
                  const at = await within(arrived, 2000, `scan ${i + 1}`);
                  samples.push({ kind: scan.kind, ms: at - t0, firstByteMs: null });
                } catch {
                  problems.push(`scan ${i + 1} (${scan.kind}): no CR within 2000 ms`);
                }
                wake = null;
                await written;
                await sleep(pause(i));
              }
              return { samples, problems };
            },
          ),
      ),
  );
}

export async function benchScanner(o: ScannerOptions = {}): Promise<ScannerResult> {
  const log = o.log ?? (() => {});
  const count = o.scans ?? 200;
  const scans = scanMix(count);
  const loadAvg = os.loadavg();
  const suffix = await runScanner({ mode: 'suffix', suffix: 'CR' }, scans, log);
  const idle = await runScanner({ mode: 'idle', gapMs: IDLE_GAP_MS }, scans, log);
  const floor = await runFloor(scans, log);
  const mix = ['s10', 'dossier', 'cccd'].map((kind) => ({ kind, count: scans.filter((s) => s.kind === kind).length }));
  return {
    loadAvg,
    scans: count,
    mix,
    runs: [
      summarize('suffix', 'SerialScanner, suffix CR', suffix.samples, suffix.problems, count, true),
      summarize('idle', `SerialScanner, idle gap ${IDLE_GAP_MS} ms (minus gap)`, idle.samples, idle.problems, count, true),
      summarize('floor', "bare serialport 'data' (floor)", floor.samples, floor.problems, count, false),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// output

const KIND_LABEL: Record<string, string> = { s10: 'S10 item', dossier: 'dossier code', cccd: 'CCCD QR' };

export function formatScanner(r: ScannerResult): string {
  const lines: string[] = [];
  lines.push(
    `Scanner — scan-to-event latency over a socat pty pair, ${BAUD} 8N1, ${r.scans} scans per run (${r.mix.map((m) => `${m.count} ${KIND_LABEL[m.kind] ?? m.kind}`).join(', ')}) · load avg ${r.loadAvg.map((l) => l.toFixed(2)).join(' ')}`,
  );
  lines.push('timed from the write() of the scan (its last byte, the suffix, in the same write) to the event; idle-gap rows minus the gap');
  const rows: string[][] = [];
  for (const run of r.runs) {
    const s = run.overall;
    const verdict = !run.budgeted ? '(floor)' : run.problems.length > 0 ? `FAIL (${run.problems.length} problems)` : s.p95 <= SCAN_BUDGET_P95_MS ? 'PASS' : 'FAIL';
    rows.push([run.label, String(s.n), fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), run.firstByte ? fmtMs(run.firstByte.p95) : '-', verdict]);
    if (run.key !== 'floor') {
      for (const k of run.byKind) {
        rows.push([`  ${KIND_LABEL[k.kind] ?? k.kind}`, String(k.stats.n), fmtMs(k.stats.p50), fmtMs(k.stats.p95), fmtMs(k.stats.p99), fmtMs(k.stats.max), '', '']);
      }
    }
  }
  lines.push(
    ...table(['', 'scans', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'first byte→event p95', `budget p95 ≤ ${SCAN_BUDGET_P95_MS} ms`], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
  );
  lines.push('');
  const floor = r.runs.find((x) => x.key === 'floor');
  for (const run of r.runs.filter((x) => x.budgeted)) {
    const extra = floor ? `; bare-serialport floor p95 ${fmtMs(floor.overall.p95)} ms` : '';
    const ok = run.problems.length === 0 && run.overall.p95 <= SCAN_BUDGET_P95_MS;
    lines.push(`budget p95 ≤ ${SCAN_BUDGET_P95_MS} ms beyond the framing gap — ${run.label}:  ${ok ? 'PASS' : 'FAIL'}  (p95 ${fmtMs(run.overall.p95)} ms${extra})`);
  }
  const problems = r.runs.flatMap((run) => run.problems.map((p) => `${run.label}: ${p}`));
  if (problems.length === 0) lines.push('every scan arrived as exactly one event, text exact, classified as the kind it was');
  else {
    lines.push(`${problems.length} problems:`);
    for (const p of problems.slice(0, 12)) lines.push(`  ${p}`);
    if (problems.length > 12) lines.push(`  … and ${problems.length - 12} more`);
  }
  return lines.join('\n');
}
