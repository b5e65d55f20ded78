import os from 'node:os';
import { EscposEmulator, type PrintedImage } from '../../main/devices/emulators/escposEmulator';
import { openPtyPair, startSerialPrinterEmulator } from '../../main/devices/emulators/ptyPair';
import { renderWithNodeThermalPrinterDefault } from '../../main/devices/printing/baseline';
import { renderReceipt } from '../../main/devices/printing/escpos';
import { rasterCommands } from '../../main/devices/printing/escposRaster';
import { describeMode, type TextMode } from '../../main/devices/printing/modes';
import { getProfile } from '../../main/devices/printing/profiles';
import { rasterizeLine } from '../../main/devices/printing/receiptRaster';
import { STANDARD_RECEIPT_DATA, standardReceipt } from '../../main/devices/printing/sampleReceipt';
import { SerialTransport } from '../../main/devices/transports/serialTransport';
import type { PrinterProfile } from '../../main/devices/types';
import { layoutReceipt, lineText, type LayoutLine } from '../../shared/printing/layout';
import { track, using, within } from './cleanup';
import { fmtCount, fmtMs, fmtRatio, percentile, table } from './report';

/**
 * The standard receipt on the wire and in the CPU:
 *
 * - bytes and time-to-last-byte at 9600 and 115200 baud for each Vietnamese mode and for what
 *   node-thermal-printer produces by default for the same receipt: computed (bytes × 10 bits / baud,
 *   8N1) and measured over a real socat pty pair — the app's SerialTransport writes, the printer
 *   emulator on the other end consumes at baud / 10 bytes per second (`simulateBaudRate`), timed
 *   from the write to the emulator having taken the last byte; then whether the applicant's name
 *   prints (decoded by the emulator for the profile);
 * - the time `renderReceipt` takes to build the bytes, against the baseline in the same run.
 */

export const WIRE_BUDGET_BYTES = 2048;
export const WIRE_BUDGET_MS_9600 = 2500;
export const RENDER_BUDGET_P95_MS = 5;
/** A measurement that would take longer than this is computed only. */
export const MAX_MEASURE_MS = 20_000;
export const BAUD_RATES = [9600, 115200] as const;

export interface PrintingOptions {
  /** Timed rounds of the text modes and the baseline (round-robin). */
  renderRuns?: number;
  /** Timed runs of image mode (much slower). */
  imageRuns?: number;
  log?: (line: string) => void;
}

type Variant = { kind: 'ours'; mode: TextMode } | { kind: 'baseline' };

interface VariantSpec {
  key: string;
  label: string;
  profile: PrinterProfile;
  variant: Variant;
}

export interface WireTiming {
  baud: number;
  computedMs: number;
  /** null: not measured (would take longer than MAX_MEASURE_MS). */
  measuredMs: number | null;
  /** When SerialTransport.write() resolved (drained to the OS): long before the line is done on a pty. */
  drainedMs: number | null;
}

export interface WireRow {
  key: string;
  label: string;
  profileId: string;
  modeDescription: string;
  textMode: boolean;
  bytes: number;
  timings: WireTiming[];
  /** The name as it must print: found in the decoded text (text modes), or its raster line arrived dot for dot (image). */
  nameSurvives: boolean;
  how: 'text' | 'raster';
  /** The printed line that should read "Người nộp: <name>", as the emulator decoded it. */
  applicantLine: string | undefined;
  unknownCommands: number;
  images: number;
  /** Budget verdict for text modes (bytes and 9600-baud time, computed and measured); null for image / baseline. */
  budgetPass: boolean | null;
}

export interface RenderStats {
  key: string;
  label: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p95 of the process's CPU time (user + system, all threads) per run: excludes time the machine gave to other processes. */
  cpuP95: number;
}

export interface PrintingResult {
  loadAvg: number[];
  rows: WireRow[];
  render: RenderStats[];
  /** os.loadavg() right after the build-time runs. */
  renderLoadAvg: number[];
  notes: string[];
}

const APPLICANT = STANDARD_RECEIPT_DATA.applicant;

function requireProfile(id: string): PrinterProfile {
  const profile = getProfile(id);
  if (!profile) throw new Error(`printer profile "${id}" is missing`);
  return profile;
}

function variants(): VariantSpec[] {
  const epson = requireProfile('epson-tm-80');
  const zywell = requireProfile('zywell-zy-q821');
  return [
    { key: 'tcvn3', label: 'ours tcvn3', profile: epson, variant: { kind: 'ours', mode: 'tcvn3' } },
    { key: 'cp1258', label: 'ours cp1258', profile: epson, variant: { kind: 'ours', mode: 'cp1258' } },
    { key: 'viscii', label: 'ours viscii (Zywell)', profile: zywell, variant: { kind: 'ours', mode: 'viscii' } },
    { key: 'image', label: 'ours image', profile: epson, variant: { kind: 'ours', mode: 'image' } },
    { key: 'baseline', label: 'node-thermal-printer default', profile: epson, variant: { kind: 'baseline' } },
  ];
}

function builder(spec: VariantSpec): () => Uint8Array {
  const { profile, variant } = spec;
  return variant.kind === 'baseline'
    ? () => renderWithNodeThermalPrinterDefault(standardReceipt(), profile)
    : () => renderReceipt(standardReceipt(), profile, variant.mode);
}

/** 8N1: a start bit, 8 data bits, a stop bit per byte. */
export const computedWireMs = (bytes: number, baud: number): number => (bytes * 10 * 1000) / baud;

/** The profile's emulator that also keeps what it was fed and notes when the last expected byte came in. */
class WireEmulator extends EscposEmulator {
  private readonly chunks: Uint8Array[] = [];
  private fed = 0;
  lastByteAt = 0;
  readonly complete: Promise<number>;
  private resolveComplete!: (at: number) => void;

  constructor(
    profile: PrinterProfile,
    private readonly expected: number,
  ) {
    super(profile.vietnamese.slots, { mute: profile.status === 'none', chineseModeAtStart: profile.vietnamese.leaveChineseMode ?? false });
    this.complete = new Promise((resolve) => (this.resolveComplete = resolve));
  }

  override feed(bytes: Uint8Array): void {
    // stamped before decoding: "received", not "received and interpreted"
    const at = performance.now();
    this.chunks.push(bytes.slice());
    this.fed += bytes.length;
    super.feed(bytes);
    if (this.fed >= this.expected && this.lastByteAt === 0) {
      this.lastByteAt = at;
      this.resolveComplete(at);
    }
  }

  wireBytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

interface WireMeasurement {
  measuredMs: number;
  drainedMs: number;
  emulator: WireEmulator;
}

/** One receipt through a fresh socat pty pair: SerialTransport on the app end, the emulator at `baud` on the other. */
async function measureOverPty(bytes: Uint8Array, profile: PrinterProfile, baud: number): Promise<WireMeasurement> {
  const expectedMs = computedWireMs(bytes.length, baud);
  return using(
    () => openPtyPair(),
    (pty) => pty.close(),
    async (pty) => {
      const emulator = new WireEmulator(profile, bytes.length);
      return using(
        () => startSerialPrinterEmulator({ path: pty.devicePath, baudRate: baud, simulateBaudRate: true, emulator, pty }),
        (printer) => printer.close(),
        async () => {
          const transport = new SerialTransport({ kind: 'serial', path: pty.appPath, baudRate: baud, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' });
          await transport.open();
          const release = track(() => transport.close());
          try {
            const t0 = performance.now();
            const drained = transport.write(bytes).then(() => performance.now());
            const lastByteAt = await within(emulator.complete, expectedMs * 2 + 5000, `the emulator to receive ${bytes.length} bytes at ${baud} baud`);
            const drainedAt = await within(drained, 5000, 'SerialTransport.write() to resolve');
            return { measuredMs: lastByteAt - t0, drainedMs: drainedAt - t0, emulator };
          } finally {
            await release();
          }
        },
      );
    },
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;
}

/** The laid-out line carrying the applicant's name (image mode draws exactly this line). */
function applicantLayoutLine(profile: PrinterProfile): LayoutLine {
  const line = layoutReceipt(standardReceipt(), profile.columns).items.find(
    (item): item is LayoutLine => item.type === 'line' && lineText(item).includes(APPLICANT),
  );
  if (!line) throw new Error('the standard receipt has no line with the applicant name');
  return line;
}

/** Image mode: did the applicant line's raster band arrive dot for dot? */
function rasterNameArrived(images: readonly PrintedImage[], profile: PrinterProfile): boolean {
  const band = rasterCommands(rasterizeLine(applicantLayoutLine(profile), profile));
  const bytesPerRow = band[4] + band[5] * 256;
  const height = band[6] + band[7] * 256;
  if (band.length !== 8 + bytesPerRow * height) return false; // more than one band: not expected for a text line
  const dots = band.subarray(8);
  return images.some((img) => img.command === 'GS v 0' && img.bytesPerRow === bytesPerRow && img.height === height && sameBytes(img.bits, dots));
}

/** The printed line that stands where "Người nộp: …" should be: the first one ending in the ASCII part of the name. */
function findApplicantLine(lines: readonly string[]): string | undefined {
  const exact = lines.find((l) => l.includes(APPLICANT));
  if (exact) return exact;
  const asciiWord = APPLICANT.split(' ')
    .filter((w) => /^[\x20-\x7e]+$/.test(w))
    .sort((a, b) => b.length - a.length)[0];
  return asciiWord ? lines.find((l) => l.includes(asciiWord)) : undefined;
}

async function benchWire(specs: VariantSpec[], log: (line: string) => void, notes: string[]): Promise<WireRow[]> {
  const rows: WireRow[] = [];
  for (const spec of specs) {
    const bytes = builder(spec)();
    const textMode = spec.variant.kind === 'ours' && spec.variant.mode !== 'image';
    const timings: WireTiming[] = [];
    let emulator: WireEmulator | undefined;
    for (const baud of BAUD_RATES) {
      const computedMs = computedWireMs(bytes.length, baud);
      if (computedMs > MAX_MEASURE_MS) {
        timings.push({ baud, computedMs, measuredMs: null, drainedMs: null });
        notes.push(
          `${spec.label} at ${baud} baud: not measured (${fmtSeconds(computedMs)} computed > ${MAX_MEASURE_MS / 1000} s); computed only, the ${BAUD_RATES.filter((b) => b !== baud).join('/')}-baud run measured it`,
        );
        continue;
      }
      log(`  ${spec.label}: ${fmtCount(bytes.length)} bytes over a pty at ${baud} baud (≈ ${fmtSeconds(computedMs)})…`);
      const m = await measureOverPty(bytes, spec.profile, baud);
      if (!sameBytes(m.emulator.wireBytes(), bytes)) throw new Error(`${spec.label} at ${baud} baud: the emulator received different bytes than were written`);
      timings.push({ baud, computedMs, measuredMs: m.measuredMs, drainedMs: m.drainedMs });
      emulator = m.emulator;
    }
    if (!emulator) throw new Error(`${spec.label}: measured at no baud rate`);
    const lines = emulator.receipts().flatMap((r) => r.lines);
    const images = emulator.receipts().flatMap((r) => r.images);
    const how = spec.variant.kind === 'ours' && spec.variant.mode === 'image' ? 'raster' : 'text';
    const nameSurvives = how === 'raster' ? rasterNameArrived(images, spec.profile) : emulator.text().includes(APPLICANT);
    const at9600 = timings.find((t) => t.baud === 9600);
    const budgetPass = textMode
      ? bytes.length <= WIRE_BUDGET_BYTES &&
        at9600 !== undefined &&
        at9600.computedMs <= WIRE_BUDGET_MS_9600 &&
        at9600.measuredMs !== null &&
        at9600.measuredMs <= WIRE_BUDGET_MS_9600
      : null;
    rows.push({
      key: spec.key,
      label: spec.label,
      profileId: spec.profile.id,
      modeDescription: spec.variant.kind === 'ours' ? describeMode(spec.variant.mode, spec.profile.vietnamese.slots) : 'library encoding (characterSet PC437_USA)',
      textMode,
      bytes: bytes.length,
      timings,
      nameSurvives,
      how,
      applicantLine: how === 'text' ? findApplicantLine(lines) : undefined,
      unknownCommands: emulator.unknown.length,
      images: images.length,
      budgetPass,
    });
  }
  return rows;
}

interface Timing {
  wall: number;
  cpu: number;
}

function stats(key: string, label: string, samples: Timing[]): RenderStats {
  const s = Float64Array.from(samples.map((t) => t.wall)).sort();
  const cpu = Float64Array.from(samples.map((t) => t.cpu)).sort();
  return { key, label, runs: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], cpuP95: percentile(cpu, 95) };
}

function timeOnce(fn: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function benchRender(specs: VariantSpec[], runs: number, imageRuns: number, log: (line: string) => void): RenderStats[] {
  const fast = specs.filter((s) => !(s.variant.kind === 'ours' && s.variant.mode === 'image'));
  const image = specs.filter((s) => s.variant.kind === 'ours' && s.variant.mode === 'image');
  const fastFns = fast.map(builder);
  const imageFns = image.map(builder);
  // Warm-up: let V8 optimise every path (and load fonts) before anything is recorded.
  for (let i = 0; i < 30; i++) for (const fn of fastFns) fn();
  for (let i = 0; i < 3; i++) for (const fn of imageFns) fn();

  log(`  renderReceipt: ${fast.length} variants × ${runs} rounds (round-robin)…`);
  const samples = fast.map(() => new Array<Timing>(runs));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < fast.length; k++) {
      const v = (k + r) % fast.length;
      samples[v][r] = timeOnce(fastFns[v]);
    }
  }
  log(`  renderReceipt image: ${imageRuns} runs…`);
  const imageSamples = image.map(() => new Array<Timing>(imageRuns));
  for (let r = 0; r < imageRuns; r++) for (let v = 0; v < image.length; v++) imageSamples[v][r] = timeOnce(imageFns[v]);

  const byKey = new Map<string, RenderStats>();
  fast.forEach((s, i) => byKey.set(s.key, stats(s.key, s.label, samples[i])));
  image.forEach((s, i) => byKey.set(s.key, stats(s.key, s.label, imageSamples[i])));
  return specs.map((s) => byKey.get(s.key) as RenderStats);
}

export async function benchPrinting(o: PrintingOptions = {}): Promise<PrintingResult> {
  const log = o.log ?? (() => {});
  const specs = variants();
  const notes: string[] = [];
  const loadAvg = os.loadavg();
  const rows = await benchWire(specs, log, notes);
  const render = benchRender(specs, o.renderRuns ?? 500, o.imageRuns ?? 60, log);
  return { loadAvg, rows, render, renderLoadAvg: os.loadavg(), notes };
}

// ---------------------------------------------------------------------------------------------
// output

export function fmtSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(3)} s`;
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');

export function formatPrinting(r: PrintingResult): string {
  const lines: string[] = [];
  const epson = r.rows.find((row) => row.profileId === 'epson-tm-80');
  lines.push(
    `Printing — standard receipt (giấy tiếp nhận hồ sơ ${STANDARD_RECEIPT_DATA.dossierCode}), ${epson ? getProfile(epson.profileId)?.name : ''} (epson-tm-80); VISCII on zywell-zy-q821 · load avg ${r.loadAvg.map((l) => l.toFixed(2)).join(' ')}`,
  );
  lines.push('');
  lines.push(`Bytes on the wire and time to last byte (calc = bytes × 10 / baud, 8N1; pty = measured over a socat pty pair)`);
  const cell = (row: WireRow, baud: number, which: 'computed' | 'measured'): string => {
    const t = row.timings.find((x) => x.baud === baud);
    if (!t) return '-';
    if (which === 'computed') return fmtSeconds(t.computedMs);
    return t.measuredMs === null ? 'not run' : fmtSeconds(t.measuredMs);
  };
  const nameCell = (row: WireRow): string => {
    if (row.how === 'raster') return row.nameSurvives ? 'yes (raster, dot for dot)' : 'NO (raster differs)';
    return row.nameSurvives ? 'yes' : 'NO';
  };
  const budgetCell = (row: WireRow): string => (row.budgetPass === null ? (row.key === 'baseline' ? '(baseline)' : 'n/a (image)') : verdict(row.budgetPass));
  lines.push(
    ...table(
      ['', 'bytes', '9600 calc', '9600 pty', '115200 calc', '115200 pty', 'name prints', `budget ≤ 2 KB, ≤ ${WIRE_BUDGET_MS_9600 / 1000} s @ 9600`],
      r.rows.map((row) => [row.label, fmtCount(row.bytes), cell(row, 9600, 'computed'), cell(row, 9600, 'measured'), cell(row, 115200, 'computed'), cell(row, 115200, 'measured'), nameCell(row), budgetCell(row)]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  const base = r.rows.find((row) => row.key === 'baseline');
  const ours = r.rows.filter((row) => row.textMode);
  if (base) {
    const image = r.rows.find((row) => row.key === 'image');
    const pct = (row: WireRow) => `${row.label} ${((row.bytes / base.bytes) * 100).toFixed(0)} %`;
    lines.push(`  bytes vs node-thermal-printer default: ${ours.map(pct).join(', ')}${image ? `, ${image.label} ${fmtRatio(image.bytes / base.bytes)}` : ''}`);
  }
  lines.push('');
  lines.push(`"name prints": "${APPLICANT}" decoded exactly by EscposEmulator for the row's profile from the bytes it received over the pty;`);
  lines.push('  image mode has no text to decode: the raster band of the line "Người nộp: …" arrived dot for dot (GS v 0, drawn with DejaVu Sans).');
  for (const row of r.rows) {
    const extras: string[] = [`profile ${row.profileId}`, row.modeDescription];
    if (row.images > 0) extras.push(`${row.images} raster images`);
    extras.push(row.unknownCommands === 0 ? 'no unknown commands' : `${row.unknownCommands} unknown commands`);
    lines.push(`  ${row.label}: ${extras.join(' · ')}`);
    if (!row.nameSurvives && row.applicantLine !== undefined) lines.push(`    the applicant line prints as: ${JSON.stringify(row.applicantLine)}`);
  }
  const drained = r.rows.flatMap((row) => row.timings.filter((t) => t.baud === 9600 && t.drainedMs !== null && t.measuredMs !== null).map((t) => ({ row, t })));
  if (drained.length > 0) {
    const worst = drained.reduce((a, b) => ((b.t.drainedMs ?? 0) > (a.t.drainedMs ?? 0) ? b : a));
    lines.push(
      `  on the pty, SerialTransport.write() resolves (drained to the kernel) within ${fmtMs(worst.t.drainedMs ?? Number.NaN)} ms at 9600 baud — long before the line is done (the pty does not pace; the emulator does)`,
    );
  }
  for (const note of r.notes) lines.push(`  ${note}`);

  lines.push('');
  const fast = r.render.filter((s) => s.key !== 'image');
  const img = r.render.find((s) => s.key === 'image');
  lines.push(
    `Receipt build time — renderReceipt(standardReceipt(), profile, mode) vs renderWithNodeThermalPrinterDefault, ${fast[0]?.runs ?? 0} rounds round-robin (image: ${img?.runs ?? 0} runs) · load avg ${r.renderLoadAvg.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const baseRender = r.render.find((s) => s.key === 'baseline');
  lines.push(
    ...table(
      ['', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95 CPU ms', 'p50 vs baseline', `budget p95 ≤ ${RENDER_BUDGET_P95_MS} ms`],
      r.render.map((s) => [
        s.label,
        fmtCount(s.runs),
        fmtMs(s.p50),
        fmtMs(s.p95),
        fmtMs(s.p99),
        fmtMs(s.max),
        fmtMs(s.cpuP95),
        s.key === 'baseline' || !baseRender ? '-' : fmtRatio(s.p50 / baseRender.p50),
        s.key === 'baseline' ? '(baseline)' : verdict(s.p95 <= RENDER_BUDGET_P95_MS),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  lines.push(`  wall clock per run; "p95 CPU" is this process's CPU time per run (all its threads, GC included), which leaves out time the CPUs spent on other processes`);
  lines.push('');
  const textRows = r.rows.filter((row) => row.textMode);
  const wireOk = textRows.every((row) => row.budgetPass === true);
  lines.push(
    `budget wire (text modes: ≤ ${fmtCount(WIRE_BUDGET_BYTES)} bytes and ≤ ${WIRE_BUDGET_MS_9600 / 1000} s at 9600, computed and measured):  ${verdict(wireOk)}` +
      (wireOk ? '' : `  — ${textRows.filter((row) => row.budgetPass !== true).map((row) => row.label).join(', ')}`),
  );
  const textNames = textRows.every((row) => row.nameSurvives) && r.rows.filter((row) => row.key === 'image').every((row) => row.nameSurvives);
  lines.push(`Vietnamese survives in every mode of ours:  ${verdict(textNames)}${base ? ` · node-thermal-printer default: ${base.nameSurvives ? 'survives' : 'does not survive'}` : ''}`);
  const ourRender = r.render.filter((s) => s.key !== 'baseline');
  const textRender = ourRender.filter((s) => s.key !== 'image');
  const renderOk = textRender.every((s) => s.p95 <= RENDER_BUDGET_P95_MS);
  lines.push(
    `budget build p95 ≤ ${RENDER_BUDGET_P95_MS} ms, text modes:  ${verdict(renderOk)}  (worst ${fmtMs(Math.max(...textRender.map((s) => s.p95)))} ms)` +
      (img ? ` · image: ${verdict(img.p95 <= RENDER_BUDGET_P95_MS)} (p95 ${fmtMs(img.p95)} ms)` : ''),
  );
  const cores = os.cpus().length;
  if (!renderOk && textRender.every((s) => s.cpuP95 <= RENDER_BUDGET_P95_MS)) {
    lines.push(
      `  the text modes' CPU-time p95 is within budget (worst ${fmtMs(Math.max(...textRender.map((s) => s.cpuP95)))} ms): the wall-clock tail is waiting for a CPU` +
        (r.renderLoadAvg[0] > cores ? ` (load avg ${r.renderLoadAvg[0].toFixed(2)} on ${cores} cores): re-run on a quiet machine` : ''),
    );
  }
  return lines.join('\n');
}
