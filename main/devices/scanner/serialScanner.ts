import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { createSerialPort } from '../transports/serialBinding';
import { classifyScan, unknownScan, type ClassifyOptions, type ScanResult } from '../../../shared/scan/classify';
import { t } from '../../../shared/messages/vi';
import { ScanFramer, type FrameEnd, type FramerTimers, type FramingMode, type ScanFrame, defaultFramerTimers } from './framing';

/**
 * A barcode scanner in serial mode (USB-CDC virtual COM port or RS-232), independent of any
 * database: it opens the port, frames the bytes into scans, classifies each one and emits
 *
 * - `scan`  — `{ raw, result, at, latencyMs, frame }`, one per scan, never merged;
 * - `state` — `connecting` → `connected`; `disconnected` when the port goes away; `error` when
 *   it cannot be opened (with a Vietnamese reason). A state is emitted only when it changes.
 *
 * It reconnects by itself: while the port is closed it retries opening every `retryMs`
 * (default 1000 ms), so a device that comes back is reconnected within ~1–2 s. While
 * connected, a port that `SerialPort.list()` showed at connect time is also polled for presence
 * every `presencePollMs` (default 1000 ms on Windows and macOS, off on Linux, where unplugging
 * fails the pending read at once) — some drivers keep a vanished COM port "open" silently.
 *
 * Nothing thrown from a listener, the port or the framer escapes: the worst case is a state
 * event and a retry.
 */

export type ScannerStateName = 'stopped' | 'connecting' | 'connected' | 'disconnected' | 'error';

export type ScannerErrorCode = 'not-found' | 'access-denied' | 'busy' | 'other';

export interface ScannerStateEvent {
  state: ScannerStateName;
  path: string;
  at: Date;
  /** For the clerk / admin, in Vietnamese. */
  message: string;
  error?: { code: ScannerErrorCode; detail: string };
}

export interface ScanEvent {
  /** The frame's text as received (control characters included; the suffix excluded). */
  raw: string;
  result: ScanResult;
  at: Date;
  /** From the frame's first byte reaching this process to this event (transfer + framing wait + classification). */
  latencyMs?: number;
  frame: { end: FrameEnd; byteLength: number; invalidUtf8: boolean };
}

/** The part of a serialport port the scanner uses (SerialPort, SerialPortMock). */
export interface ScannerPort {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  close(callback?: (err: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (err?: Error & { disconnected?: boolean }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export interface SerialPortSettings {
  path: string;
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
}

export interface SerialScannerOptions {
  path: string;
  /** Default 9600 8N1, the usual factory setting. */
  baudRate?: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** Default `{ mode: 'suffix', suffix: 'CR' }`. */
  framing?: FramingMode & { maxLength?: number };
  classify?: ClassifyOptions;
  /** Retry interval while the port is closed (default 1000 ms). */
  retryMs?: number;
  /** Presence polling while connected, 0 = off (default: 1000 on Windows and macOS, 0 on Linux). */
  presencePollMs?: number;
  /** Tests: another port implementation (e.g. SerialPortMock) and list(). */
  createPort?: (settings: SerialPortSettings) => ScannerPort;
  listPorts?: () => Promise<Array<{ path: string }>>;
  timers?: FramerTimers;
}

type Events = { scan: [ScanEvent]; state: [ScannerStateEvent] };

function defaultCreatePort(s: SerialPortSettings): ScannerPort {
  return createSerialPort({
    path: s.path,
    baudRate: s.baudRate,
    dataBits: s.dataBits,
    parity: s.parity,
    stopBits: s.stopBits,
    rtscts: false,
    xon: false,
    xoff: false,
    autoOpen: false,
  });
}

/** Maps an open error (bindings-cpp on Linux / macOS / Windows) to a stable code. */
export function scannerErrorCode(err: unknown): ScannerErrorCode {
  const e = err as { code?: string; message?: string } | null;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  if (/ENOENT|No such file|File not found|cannot find|does not exist|ENODEV|No such device/i.test(text)) return 'not-found';
  if (/Cannot lock port|EBUSY|Resource busy|Resource temporarily unavailable/i.test(text)) return 'busy';
  if (/EACCES|EPERM|Permission denied|Access denied/i.test(text)) return 'access-denied';
  return 'other';
}

function errorMessage(code: ScannerErrorCode, path: string, detail: string): string {
  switch (code) {
    case 'not-found':
      return t('scanner.error.notFound', { path });
    case 'access-denied':
      return t('scanner.error.accessDenied', { path });
    case 'busy':
      return t('scanner.error.busy', { path });
    case 'other':
      return t('scanner.error.other', { path, detail });
  }
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export class SerialScanner extends EventEmitter<Events> {
  readonly settings: SerialPortSettings;
  private readonly framing: FramingMode & { maxLength?: number };
  private readonly retryMs: number;
  private readonly presencePollMs: number;
  private readonly createPort: (settings: SerialPortSettings) => ScannerPort;
  private readonly listPorts: () => Promise<Array<{ path: string }>>;
  private readonly timers: FramerTimers;
  private readonly framer: ScanFramer;
  private port: ScannerPort | null = null;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceTimer: ReturnType<typeof setInterval> | null = null;
  private current: ScannerStateEvent;
  /** Bumped on every open attempt and on stop: callbacks of older attempts are ignored. */
  private generation = 0;

  constructor(private readonly options: SerialScannerOptions) {
    super();
    this.settings = {
      path: options.path,
      baudRate: options.baudRate ?? 9600,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
    };
    this.framing = options.framing ?? { mode: 'suffix', suffix: 'CR' };
    this.retryMs = options.retryMs ?? 1000;
    this.presencePollMs = options.presencePollMs ?? (process.platform === 'linux' ? 0 : 1000);
    this.createPort = options.createPort ?? defaultCreatePort;
    this.listPorts = options.listPorts ?? (() => SerialPort.list());
    this.timers = options.timers ?? defaultFramerTimers;
    this.framer = new ScanFramer({ ...this.framing, timers: this.timers }, (frame) => this.onFrame(frame));
    this.current = { state: 'stopped', path: options.path, at: new Date(), message: '' };
  }

  /** The last state emitted. */
  get state(): ScannerStateEvent {
    return this.current;
  }

  /** Starts connecting (and keeps reconnecting) until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.setState('connecting', t('scanner.state.connecting', { path: this.settings.path }));
    this.attempt();
  }

  /** Closes the port and stops retrying. Pending partial bytes are dropped. */
  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    this.clearTimers();
    this.framer.reset();
    const port = this.port;
    this.port = null;
    if (port) await closeQuietly(port);
    this.setState('stopped', '');
  }

  private attempt(): void {
    if (!this.running) return;
    const gen = ++this.generation;
    let port: ScannerPort;
    try {
      port = this.createPort(this.settings);
    } catch (err) {
      this.openFailed(err);
      return;
    }
    port.on('error', () => {
      // Read errors end in 'close' (disconnected); other errors change nothing we can act on.
    });
    port.open((err) => {
      if (gen !== this.generation || !this.running) {
        if (!err) void closeQuietly(port);
        return;
      }
      if (err) {
        port.removeAllListeners();
        this.openFailed(err);
        return;
      }
      this.port = port;
      this.framer.reset();
      port.on('data', (chunk) => this.framer.push(chunk));
      port.on('close', () => {
        if (gen !== this.generation || this.port !== port) return;
        this.lost();
      });
      this.setState('connected', t('scanner.state.connected', { path: this.settings.path }));
      void this.startPresencePolling(gen, port);
    });
  }

  private openFailed(err: unknown): void {
    const code = scannerErrorCode(err);
    const detail = err instanceof Error ? err.message : String(err);
    if (this.current.state === 'disconnected' && code === 'not-found') {
      // Still unplugged: stay "disconnected" rather than flapping to "error" every second.
    } else if (this.current.state !== 'error' || this.current.error?.code !== code) {
      this.setState('error', errorMessage(code, this.settings.path, detail), { code, detail });
    }
    this.scheduleRetry();
  }

  private lost(): void {
    const port = this.port;
    this.port = null;
    this.stopPresencePolling();
    this.framer.reset(); // half a scan from a vanishing device is noise
    if (port) {
      port.removeAllListeners();
      port.on('error', () => {});
      if (port.isOpen) void closeQuietly(port);
    }
    if (!this.running) return;
    this.setState('disconnected', t('scanner.state.disconnected', { path: this.settings.path }));
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.attempt();
    }, this.retryMs);
  }

  private async startPresencePolling(gen: number, port: ScannerPort): Promise<void> {
    if (this.presencePollMs <= 0) return;
    const listed = await this.isListed();
    if (!listed || gen !== this.generation || this.port !== port) return; // ptys and odd drivers are not listed
    this.presenceTimer = setInterval(() => {
      void this.isListed().then((present) => {
        if (!present && gen === this.generation && this.port === port) this.lost();
      });
    }, this.presencePollMs);
  }

  private async isListed(): Promise<boolean> {
    try {
      const ports = await this.listPorts();
      return ports.some((p) => samePath(p.path, this.settings.path));
    } catch {
      return true; // cannot tell: assume present
    }
  }

  private stopPresencePolling(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPresencePolling();
  }

  private onFrame(frame: ScanFrame): void {
    let result: ScanResult;
    if (frame.end === 'overflow') {
      result = unknownScan(frame.text, 'too-long', { length: frame.byteLength });
    } else if (frame.end === 'incomplete' && this.framing.mode === 'suffix') {
      result = unknownScan(frame.text, 'incomplete', { suffix: this.framing.suffix });
    } else {
      result = classifyScan(frame.text, this.options.classify);
    }
    const event: ScanEvent = {
      raw: frame.text,
      result,
      at: new Date(),
      latencyMs: this.timers.now() - frame.firstByteAt,
      frame: { end: frame.end, byteLength: frame.byteLength, invalidUtf8: frame.invalidUtf8 },
    };
    this.safeEmit('scan', event);
  }

  private setState(state: ScannerStateName, message: string, error?: ScannerStateEvent['error']): void {
    if (state === this.current.state && error?.code === this.current.error?.code) return;
    this.current = { state, path: this.settings.path, at: new Date(), message, ...(error ? { error } : {}) };
    this.safeEmit('state', this.current);
  }

  private safeEmit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    for (const listener of this.listeners(event) as Array<(...a: Events[K]) => void>) {
      try {
        listener(...args);
      } catch {
        // A listener's bug must not stop scanning.
      }
    }
  }
}

function closeQuietly(port: ScannerPort): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (!port.isOpen) return resolve();
      port.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
