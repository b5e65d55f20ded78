import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SerialPort } from 'serialport';
import { createSerialPort } from '../../main/devices/transports/serialBinding';

/**
 * A serial barcode scanner for tests: a real pseudo-terminal pair made by socat, and an
 * emulator that "scans" by writing bytes into the device side. The code under test opens the
 * host side exactly like a USB-CDC scanner's /dev/ttyACM0.
 *
 * (A self-contained pty helper on purpose: it must not depend on other, parallel helpers.)
 */

export interface PtyPair {
  /** The emulator writes here. */
  readonly devicePath: string;
  /** The scanner under test opens this. */
  readonly hostPath: string;
  readonly running: boolean;
  /** Kills socat (SIGTERM: it removes both links). Both sides see a hang-up. */
  stop(): Promise<void>;
  /** Starts socat again with the same link paths (after `stop`). */
  start(): Promise<void>;
  /** Stops socat and removes the folder. */
  dispose(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Creates a linked pty pair with socat under a fresh temp folder (or `dir`). */
export async function createPtyPair(dir?: string): Promise<PtyPair> {
  const folder = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-scanner-pty-'));
  const devicePath = path.join(folder, 'scanner-device');
  const hostPath = path.join(folder, 'scanner-host');
  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async (): Promise<void> => {
    if (child) return;
    stderr = '';
    const c = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = c;
    c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', () => {
      if (child === c) child = null;
    });
    await waitFor(() => fs.existsSync(devicePath) && fs.existsSync(hostPath), 5000, `socat links (${stderr})`).catch((e) => {
      c.kill('SIGKILL');
      throw e;
    });
  };

  const stop = async (): Promise<void> => {
    const c = child;
    if (!c) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill('SIGTERM');
    await exited;
    child = null;
    // socat removes its links on SIGTERM; make sure, so a reopen cannot hit a stale /dev/pts link.
    for (const p of [devicePath, hostPath]) fs.rmSync(p, { force: true });
  };

  await start();
  return {
    devicePath,
    hostPath,
    get running() {
      return child !== null;
    },
    start,
    stop,
    async dispose() {
      await stop();
      if (!dir) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type EmulatorSuffix = 'CR' | 'LF' | 'CRLF' | 'TAB' | 'none';

const SUFFIX_BYTES: Record<EmulatorSuffix, number[]> = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a], TAB: [0x09], none: [] };

export interface ScannerEmulatorOptions {
  suffix?: EmulatorSuffix;
  /** Delay between bytes (a slow RS-232 scanner); 0 = one write per scan. */
  interByteDelayMs?: number;
  baudRate?: number;
}

/** Writes scans into the device side of a pty pair. */
export class ScannerEmulator {
  private port: SerialPort | null = null;
  readonly suffix: EmulatorSuffix;
  readonly interByteDelayMs: number;
  readonly baudRate: number;

  constructor(
    readonly devicePath: string,
    options: ScannerEmulatorOptions = {},
  ) {
    this.suffix = options.suffix ?? 'CR';
    this.interByteDelayMs = options.interByteDelayMs ?? 0;
    this.baudRate = options.baudRate ?? 9600;
  }

  async open(): Promise<void> {
    const port = createSerialPort({ path: this.devicePath, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    port.on('error', () => {});
    this.port = port;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /**
   * Sends one scan (text as UTF-8, or raw bytes) followed by the suffix (the emulator's, or
   * `options.suffix`), byte by byte when an inter-byte delay is set. Resolves once the bytes
   * are drained to the pty, with `performance.now()` at that moment.
   */
  async scan(data: string | Uint8Array, options: { suffix?: EmulatorSuffix; interByteDelayMs?: number } = {}): Promise<{ writtenAt: number }> {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const bytes = Buffer.concat([body, Buffer.from(SUFFIX_BYTES[options.suffix ?? this.suffix])]);
    const delay = options.interByteDelayMs ?? this.interByteDelayMs;
    if (delay > 0) {
      for (const b of bytes) {
        await this.write(Buffer.from([b]));
        await new Promise((r) => setTimeout(r, delay));
      }
    } else {
      await this.write(bytes);
    }
    return { writtenAt: performance.now() };
  }

  /** Raw bytes, no suffix. */
  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) throw new Error('emulator not open');
    port.write(Buffer.from(bytes));
    await new Promise<void>((resolve, reject) => port.drain((err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
