/**
 * Cuts the byte stream of a serial (USB-CDC / RS-232) barcode scanner into scans.
 *
 * Two modes, as scanners are configured:
 * - `suffix`: the scanner ends every scan with CR, LF, CRLF or TAB. CR and LF ALWAYS end a
 *   frame, whatever suffix is configured (a scanner set to CRLF but sending CR alone, or the
 *   reverse, is the most common misconfiguration, and CR/LF never occur inside the codes we
 *   read); TAB ends a frame only when configured. Empty frames (the LF of a CRLF) are dropped.
 *   If bytes then stop arriving without a suffix for `incompleteAfterMs` (default 1000, 0 =
 *   never), what arrived is emitted with `end: 'incomplete'`, so a lost suffix can never glue
 *   this scan to the next one.
 * - `idle`: a scan ends after `gapMs` (default 300) without bytes — or earlier at CR / LF.
 *
 * Bytes are decoded as UTF-8 per frame (never across frames). Splitting at CR / LF / TAB is
 * always safe for UTF-8: those bytes never occur inside a multi-byte sequence. Invalid UTF-8
 * gives U+FFFD in `text` and `invalidUtf8: true`. A frame longer than `maxLength` bytes
 * (default 2048) keeps its first `maxLength` bytes, discards the rest up to its end (suffix,
 * gap or incomplete timeout) and is emitted once, with `end: 'overflow'` and the full
 * `byteLength`: never a crash, never a merged or split scan.
 *
 * Timers are injectable (`timers`) so tests drive idle mode without waiting.
 */

export type ScanSuffix = 'CR' | 'LF' | 'CRLF' | 'TAB';

export type FramingMode =
  | { mode: 'suffix'; suffix: ScanSuffix; incompleteAfterMs?: number }
  | { mode: 'idle'; gapMs?: number };

export interface FramerTimers {
  /** Milliseconds, monotonic. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type ScanFramerOptions = FramingMode & {
  /** Bytes kept per frame (default 2048). */
  maxLength?: number;
  timers?: FramerTimers;
};

export type FrameEnd = 'suffix' | 'idle' | 'incomplete' | 'overflow' | 'flush';

export interface ScanFrame {
  /** UTF-8 decoded (U+FFFD for invalid bytes); the terminator is not included. */
  text: string;
  /** The kept bytes (at most maxLength). */
  bytes: Uint8Array;
  /** All bytes of the frame, including those discarded past maxLength. */
  byteLength: number;
  end: FrameEnd;
  invalidUtf8: boolean;
  /** `timers.now()` when the frame's first byte arrived, and when the frame was closed. */
  firstByteAt: number;
  endedAt: number;
}

export const defaultFramerTimers: FramerTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;

export const DEFAULT_MAX_LENGTH = 2048;
export const DEFAULT_IDLE_GAP_MS = 300;
export const DEFAULT_INCOMPLETE_AFTER_MS = 1000;

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** UTF-8 → string, noting whether the bytes were valid. */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: strictDecoder.decode(bytes), invalid: false };
  } catch {
    return { text: lenientDecoder.decode(bytes), invalid: true };
  }
}

export class ScanFramer {
  readonly maxLength: number;
  private readonly timers: FramerTimers;
  private readonly isTerminator: (b: number) => boolean;
  private readonly waitMs: number;
  private readonly timeoutEnd: FrameEnd;
  private buf: Uint8Array;
  private kept = 0;
  private total = 0;
  private firstByteAt = 0;
  private timer: unknown = null;
  private disposed = false;

  constructor(
    private readonly options: ScanFramerOptions,
    private readonly onFrame: (frame: ScanFrame) => void,
  ) {
    this.maxLength = Math.max(1, Math.floor(options.maxLength ?? DEFAULT_MAX_LENGTH));
    this.timers = options.timers ?? defaultFramerTimers;
    this.buf = new Uint8Array(Math.min(this.maxLength, 256));
    if (options.mode === 'suffix') {
      const tab = options.suffix === 'TAB';
      this.isTerminator = tab ? (b) => b === CR || b === LF || b === TAB : (b) => b === CR || b === LF;
      this.waitMs = options.incompleteAfterMs ?? DEFAULT_INCOMPLETE_AFTER_MS;
      this.timeoutEnd = 'incomplete';
    } else {
      this.isTerminator = (b) => b === CR || b === LF;
      this.waitMs = options.gapMs ?? DEFAULT_IDLE_GAP_MS;
      this.timeoutEnd = 'idle';
    }
  }

  /** How the framer was configured (for messages: "expected suffix CR"). */
  get mode(): FramingMode {
    return this.options.mode === 'suffix'
      ? { mode: 'suffix', suffix: this.options.suffix, incompleteAfterMs: this.waitMs }
      : { mode: 'idle', gapMs: this.waitMs };
  }

  /** Bytes received but not yet emitted. */
  get pendingBytes(): number {
    return this.total;
  }

  /** Feeds bytes as they arrive; emits zero or more frames synchronously. */
  push(chunk: Uint8Array): void {
    if (this.disposed || chunk.length === 0) return;
    const now = this.timers.now();
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (!this.isTerminator(chunk[i])) continue;
      this.append(chunk, start, i, now);
      this.emit('suffix', now); // becomes 'overflow' when bytes were discarded
      start = i + 1;
    }
    this.append(chunk, start, chunk.length, now);
    this.arm();
  }

  /** Emits what is pending now (e.g. when the port closes). */
  flush(): void {
    this.cancelTimer();
    if (this.total > 0) this.emit('flush', this.timers.now());
  }

  /** Drops pending bytes and timers; the framer stays usable. */
  reset(): void {
    this.cancelTimer();
    this.kept = 0;
    this.total = 0;
  }

  /** Drops everything; further pushes are ignored. */
  dispose(): void {
    this.reset();
    this.disposed = true;
  }

  private append(chunk: Uint8Array, from: number, to: number, now: number): void {
    if (to <= from) return;
    if (this.total === 0) this.firstByteAt = now;
    const n = to - from;
    const room = this.maxLength - this.kept;
    const take = Math.min(room, n);
    if (take > 0) {
      if (this.kept + take > this.buf.length) {
        const grown = new Uint8Array(Math.min(this.maxLength, Math.max(this.buf.length * 2, this.kept + take)));
        grown.set(this.buf.subarray(0, this.kept));
        this.buf = grown;
      }
      this.buf.set(chunk.subarray(from, from + take), this.kept);
      this.kept += take;
    }
    this.total += n;
  }

  private emit(end: FrameEnd, now: number): void {
    const total = this.total;
    const kept = this.kept;
    this.kept = 0;
    this.total = 0;
    if (total === 0) return; // empty frame: the second half of CRLF, or a bare suffix
    const bytes = this.buf.slice(0, kept);
    const { text, invalid } = decodeUtf8(bytes);
    const frame: ScanFrame = {
      text,
      bytes,
      byteLength: total,
      end: total > kept ? 'overflow' : end,
      invalidUtf8: invalid,
      firstByteAt: this.firstByteAt,
      endedAt: now,
    };
    try {
      this.onFrame(frame);
    } catch {
      // A listener's bug must not break framing of the next scan.
    }
  }

  private arm(): void {
    this.cancelTimer();
    if (this.total === 0 || this.waitMs <= 0) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (this.total > 0) this.emit(this.timeoutEnd, this.timers.now());
    }, this.waitMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
